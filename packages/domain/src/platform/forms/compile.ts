import { CHOICE_COLUMN, rewriteChoiceFilter } from './choice-filter.js';
import { checkDefault, type DefaultValue } from './defaults.js';
import type { FormChoice, FormDefinition, FormField } from './definition.js';
import { calculationCycles, evaluationOrder } from './dependencies.js';
import { type ExprNode, parseExpression, referencesOf } from './expr/index.js';
import { ExpressionError } from './expr/types.js';
import { rewriteYesNoComparisons } from './yes-no.js';

/**
 * A definition compiled once (docs/decisions/0021-forms-as-data.md): every expression parsed into an AST,
 * every reference checked, and the order in which fields are computed fixed, so that the engine re-runs on
 * every keystroke without parsing anything. Problems name the field (its `name`) and the property, so the
 * XLSForm import maps them back to a sheet row and column.
 */

export type FormProblemProperty =
  | 'name'
  | 'type'
  | 'list'
  | 'relevant'
  | 'constraint'
  | 'calculation'
  | 'required'
  | 'readOnly'
  | 'choiceFilter'
  | 'repeatCount'
  | 'default'
  | 'children';
export type FormProblemCode =
  | 'duplicate_name'
  | 'bad_expression'
  | 'unknown_function'
  | 'unsupported_path'
  | 'unknown_field'
  | 'missing_list'
  | 'circular_reference'
  | 'bad_default'
  | 'bad_structure';
export interface FormProblem {
  field: string;
  property: FormProblemProperty;
  code: FormProblemCode;
  message: { fr: string; en: string };
  /** 0-based character offset in the expression, for expression problems. */
  offset?: number;
}

export interface CompiledField {
  field: FormField;
  name: string;
  /** The enclosing group or repeat, if any. */
  parent?: CompiledField;
  /** Names of the enclosing repeats, outermost first (a repeat is not in its own chain). */
  repeats: readonly string[];
  relevant?: ExprNode;
  constraint?: ExprNode;
  calculation?: ExprNode;
  required?: ExprNode | boolean;
  readOnly?: ExprNode | boolean;
  /** Parsed after rewriting bare names to choice columns (choice-filter.ts). */
  choiceFilter?: ExprNode;
  repeatCount?: ExprNode;
  defaultValue?: DefaultValue;
  /** The field's choice list, for selects. */
  choices?: readonly FormChoice[];
  /** Fields directly inside this group or repeat, in document order. */
  children: CompiledField[];
  /** The choice names of `choices`, for membership checks. */
  choiceNames?: ReadonlySet<string>;
}

export interface CompiledForm {
  definition: FormDefinition;
  /** Every field by name, in document order. */
  fields: ReadonlyMap<string, CompiledField>;
  /** Top-level fields in document order. */
  roots: readonly CompiledField[];
  /** Fields in the order relevance and calculations are computed (dependencies first). */
  order: readonly CompiledField[];
}

export interface CompileResult {
  form?: CompiledForm;
  problems: FormProblem[];
}

const cache = new WeakMap<FormDefinition, CompileResult>();
type ExprProperty = 'relevant' | 'constraint' | 'calculation' | 'required' | 'readOnly' | 'repeatCount';
const EXPR_PROPERTIES: readonly ExprProperty[] = [
  'relevant',
  'constraint',
  'calculation',
  'required',
  'readOnly',
  'repeatCount',
];
const SELECTS = new Set(['select_one', 'select_multiple']);

/** Compiles a definition (cached per definition object); `form` is set only when there is no problem. */
export function compileForm(def: FormDefinition): CompileResult {
  let result = cache.get(def);
  if (!result) {
    result = compile(def);
    cache.set(def, result);
  }
  return result;
}

/** The compiled form, or an error listing the problems (for definitions that were checked when stored). */
export function compiledOrThrow(def: FormDefinition): CompiledForm {
  const { form, problems } = compileForm(def);
  if (!form) throw new Error(`form ${def.formId} has problems: ${problems.map((p) => p.code).join(', ')}`);
  return form;
}

function compile(def: FormDefinition): CompileResult {
  const problems: FormProblem[] = [];
  const fields = new Map<string, CompiledField>();
  const problem = (
    field: string,
    property: FormProblemProperty,
    code: FormProblemCode,
    fr: string,
    en: string,
  ) => problems.push({ field, property, code, message: { fr, en } });

  const build = (list: readonly FormField[], parent: CompiledField | undefined): CompiledField[] =>
    list.map((field) => {
      const repeats = parent
        ? [...parent.repeats, ...(parent.field.type === 'repeat' ? [parent.name] : [])]
        : [];
      const cf: CompiledField = { field, name: field.name, parent, repeats, children: [] };
      if (fields.has(field.name) || field.name.startsWith(CHOICE_COLUMN))
        problem(
          field.name,
          'name',
          'duplicate_name',
          `Le nom « ${field.name} » est déjà utilisé ou réservé.`,
          `The name "${field.name}" is already used or reserved.`,
        );
      else fields.set(field.name, cf);
      const container = field.type === 'group' || field.type === 'repeat';
      if (container && !field.children?.length)
        problem(field.name, 'children', 'bad_structure', 'Ce groupe est vide.', 'This group is empty.');
      if (!container && field.children)
        problem(
          field.name,
          'children',
          'bad_structure',
          'Seuls les groupes et les répétitions contiennent des questions.',
          'Only groups and repeats contain questions.',
        );
      if (SELECTS.has(field.type)) {
        const choices = field.list ? def.choices[field.list] : undefined;
        if (!choices)
          problem(
            field.name,
            'list',
            'missing_list',
            `La liste de choix « ${field.list ?? ''} » n'existe pas.`,
            `The choice list "${field.list ?? ''}" does not exist.`,
          );
        else {
          cf.choices = choices;
          cf.choiceNames = new Set(choices.map((c) => c.name));
        }
      }
      if (field.type === 'calculate' && !field.calculation)
        problem(
          field.name,
          'calculation',
          'bad_structure',
          'Un calcul doit avoir une formule.',
          'A calculate field needs a calculation.',
        );
      if (field.children) cf.children = build(field.children, cf);
      return cf;
    });
  const roots = build(def.fields, undefined);
  for (const cf of fields.values())
    if (cf.field.orOther && fields.has(`${cf.name}_other`))
      problem(
        `${cf.name}_other`,
        'name',
        'duplicate_name',
        `Le nom « ${cf.name}_other » est réservé au texte « Autre » de « ${cf.name} ».`,
        `The name "${cf.name}_other" is reserved for the "other" text of "${cf.name}".`,
      );

  for (const cf of fields.values()) {
    const { field } = cf;
    for (const property of EXPR_PROPERTIES) {
      const source = field[property];
      if (typeof source !== 'string') {
        if (property === 'required' || property === 'readOnly') cf[property] = source;
        continue;
      }
      const node = parse(cf, property, source, source, fields, problems);
      if (node) cf[property] = node;
    }
    if (field.choiceFilter) {
      const node = parse(
        cf,
        'choiceFilter',
        field.choiceFilter,
        rewriteChoiceFilter(field.choiceFilter),
        fields,
        problems,
      );
      if (node) cf.choiceFilter = node;
    }
    if (field.default !== undefined) {
      const checked = checkDefault(field, cf.choiceNames);
      if (checked.ok) cf.defaultValue = checked.value;
      else
        problem(
          field.name,
          'default',
          'bad_default',
          `La valeur par défaut « ${field.default} » ne convient pas à une question de type ${field.type}.`,
          `The default "${field.default}" does not fit a ${field.type} question.`,
        );
    }
  }

  for (const cycle of calculationCycles(fields))
    problem(
      cycle[0]!,
      'calculation',
      'circular_reference',
      `Référence circulaire entre les calculs : ${cycle.join(' → ')}.`,
      `Circular reference between calculations: ${cycle.join(' → ')}.`,
    );

  if (problems.length) return { problems };
  return { form: { definition: def, fields, roots, order: evaluationOrder(fields) }, problems };
}

function parse(
  cf: CompiledField,
  property: FormProblemProperty,
  original: string,
  source: string,
  fields: ReadonlyMap<string, CompiledField>,
  problems: FormProblem[],
): ExprNode | undefined {
  let node: ExprNode;
  try {
    node = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const code: FormProblemCode =
      error.code === 'unknown_function' || error.code === 'unsupported_path' ? error.code : 'bad_expression';
    problems.push({
      field: cf.name,
      property,
      code,
      message: {
        fr: `Expression invalide (${property}) : ${error.message}`,
        en: `Invalid expression (${property}): ${error.message}`,
      },
      ...(original === source ? { offset: error.offset } : {}),
    });
    return undefined;
  }
  let ok = true;
  for (const ref of referencesOf(node)) {
    if (fields.has(ref) || (property === 'choiceFilter' && ref.startsWith(CHOICE_COLUMN))) continue;
    ok = false;
    const offset = original.indexOf(`\${${ref}}`);
    problems.push({
      field: cf.name,
      property,
      code: 'unknown_field',
      message: {
        fr: `L'expression (${property}) cite « ${ref} », qui n'est pas une question du formulaire.`,
        en: `The expression (${property}) refers to "${ref}", which is not a question of the form.`,
      },
      ...(offset >= 0 ? { offset } : {}),
    });
  }
  if (!ok) return undefined;
  const isYesNo = (name: string) => fields.get(name)?.field.type === 'yes_no';
  return rewriteYesNoComparisons(node, isYesNo, cf.field.type === 'yes_no');
}
