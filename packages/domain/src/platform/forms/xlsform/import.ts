import { compileForm, type FormProblem } from '../compile.js';
import {
  CONTAINER_TYPES,
  type FormDefinition,
  type FormField,
  formDefinitionSchema,
  formText,
  walkFields,
} from '../definition.js';
import { readChoices } from './choices.js';
import { readSettings } from './settings.js';
import { type FormSummary, hasErrors, type ImportProblem, XLSFORM_LIMITS, type XlsSheets } from './sheets.js';
import { type ReadSurvey, readSurvey } from './survey.js';

/** The XLSForm column each compiler property comes from. */
const PROPERTY_COLUMN: Record<FormProblem['property'], string> = {
  name: 'name',
  type: 'type',
  list: 'type',
  children: 'type',
  relevant: 'relevant',
  constraint: 'constraint',
  calculation: 'calculation',
  required: 'required',
  readOnly: 'read_only',
  choiceFilter: 'choice_filter',
  repeatCount: 'repeat_count',
  default: 'default',
};
const SHEET_ORDER = { file: 0, survey: 1, choices: 2, settings: 3 };

/**
 * An XLSForm (as sheets) → a form definition and every problem, each at its sheet, row and column. The sheet
 * level (types, names, nesting, choices, settings) is checked here; expressions, references, lists,
 * duplicate names and cycles by the form compiler, whose problems are mapped back to rows.
 */
export function importXlsForm(sheets: XlsSheets): {
  definition?: FormDefinition;
  problems: ImportProblem[];
  summary: FormSummary;
} {
  const problems: ImportProblem[] = [];
  const empty: FormSummary = {
    fieldCount: 0,
    groupCount: 0,
    repeatCount: 0,
    choiceListCount: 0,
    languages: [],
  };
  if (sheets.survey.length > XLSFORM_LIMITS.surveyRows)
    problems.push(limit('survey', 'too_many_rows', XLSFORM_LIMITS.surveyRows));
  if (sheets.choices.length > XLSFORM_LIMITS.choices)
    problems.push(limit('choices', 'too_many_choices', XLSFORM_LIMITS.choices));
  if (problems.length) return { problems, summary: empty };

  const settings = readSettings(sheets.settings, problems);
  const choices = readChoices(sheets.choices, settings.allowChoiceDuplicates, problems);
  const survey = readSurvey(sheets.survey, problems);
  for (const list of survey.yesNoLists)
    if (![...walkFields(survey.fields)].some((f) => f.list === list)) delete choices[list];
  if (!survey.fields.length && survey.columns.single.has('type'))
    problems.push({ sheet: 'survey', row: null, column: null, code: 'empty_form', severity: 'error' });

  const { allowChoiceDuplicates: _, ...head } = settings;
  const candidate: FormDefinition = { schemaVersion: 1, ...head, fields: survey.fields, choices };
  const seen = new Map<string, number>();
  if (survey.fields.length)
    for (const p of compileForm(candidate).problems) problems.push(mapped(p, survey, seen));
  let definition: FormDefinition | undefined;
  if (!hasErrors(problems)) {
    const parsed = formDefinitionSchema.safeParse(candidate);
    if (parsed.success) definition = parsed.data;
    else
      for (const issue of parsed.error.issues)
        problems.push(zodProblem(issue.path, issue.message, candidate, survey));
  }
  problems.sort((a, b) => SHEET_ORDER[a.sheet] - SHEET_ORDER[b.sheet] || (a.row ?? 0) - (b.row ?? 0));
  return { ...(definition ? { definition } : {}), problems, summary: summarise(candidate) };
}

function limit(sheet: 'survey' | 'choices', code: string, max: number): ImportProblem {
  return { sheet, row: null, column: null, code, severity: 'error', params: { max } };
}

function mapped(p: FormProblem, survey: ReadSurvey, seen: Map<string, number>): ImportProblem {
  const rows = survey.rows.get(p.field) ?? [];
  let row = rows[0];
  if (p.code === 'duplicate_name') {
    // The compiler names the field; a duplicated name's problem belongs to its second (third…) row.
    const n = (seen.get(p.field) ?? 0) + 1;
    seen.set(p.field, n);
    row = rows[n] ?? rows.at(-1);
  }
  const column = PROPERTY_COLUMN[p.property];
  return {
    sheet: 'survey',
    row: row ?? null,
    column: survey.columns.single.get(column) ?? column,
    code: p.code,
    severity: 'error',
    params: { fr: p.message.fr, en: p.message.en, ...(p.offset !== undefined ? { offset: p.offset } : {}) },
  };
}

/** A schema refusal (a too long text, …) at the row of the field it concerns. */
function zodProblem(
  path: readonly PropertyKey[],
  detail: string,
  def: FormDefinition,
  survey: ReadSurvey,
): ImportProblem {
  const sheet = path[0] === 'choices' ? 'choices' : path[0] === 'fields' ? 'survey' : 'settings';
  let row: number | null = null;
  let column: string | null = null;
  if (sheet === 'survey') {
    let list: readonly FormField[] | undefined = def.fields;
    let field: FormField | undefined;
    for (let i = 1; i < path.length; i++) {
      const key = path[i];
      if (typeof key === 'number' && list) {
        field = list[key];
        list = undefined;
      } else if (key === 'children') list = field?.children;
      else {
        column = String(key);
        break;
      }
    }
    row = field ? (survey.rows.get(field.name)?.[0] ?? null) : null;
  } else column = path.map(String).join('.');
  return {
    sheet,
    row,
    column,
    code: 'invalid_value',
    severity: 'error',
    params: { detail: `${column ?? ''}: ${detail}` },
  };
}

function summarise(def: FormDefinition): FormSummary {
  const fields = [...walkFields(def.fields)];
  const languages = new Set<string>();
  const add = (t?: Record<string, string>) => {
    for (const k of Object.keys(t ?? {})) languages.add(k);
  };
  for (const f of fields) {
    add(f.label);
    add(f.hint);
  }
  for (const list of Object.values(def.choices)) for (const c of list) add(c.label);
  return {
    formId: def.formId,
    version: def.version,
    title: formText(def.title, def.defaultLanguage ?? 'fr', def.defaultLanguage),
    fieldCount: fields.filter((f) => !CONTAINER_TYPES.includes(f.type)).length,
    groupCount: fields.filter((f) => f.type === 'group').length,
    repeatCount: fields.filter((f) => f.type === 'repeat').length,
    choiceListCount: Object.keys(def.choices).length,
    languages: [...languages].sort(),
  };
}
