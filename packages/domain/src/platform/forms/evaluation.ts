import { CHOICE_COLUMN } from './choice-filter.js';
import type { CompiledField, CompiledForm } from './compile.js';
import { type FormAnswers, type FormChoice, type FormValue, formText } from './definition.js';
import { type ExprNode, evaluate } from './expr/index.js';
import type { ExprContext, ExprScalar, ExprValue } from './expr/types.js';
import { toExprValue } from './values.js';

/**
 * One run of a compiled form over one set of answers: where each field's instances are (repeat indices), their
 * paths (`members[0].age`), and the ExprContext expressions read values through. The state module fills
 * `computed` in the compiled evaluation order; a value not computed yet (a cycle through relevance) is read
 * from the answers.
 */

export interface ComputedValue {
  relevant: boolean;
  /** The value expressions and the stored answer use: the calculation's result, or the answer given. */
  value: FormValue;
}

type Tuple = readonly number[];
const TOP: readonly Tuple[] = [[]];
const isPlainObject = (v: unknown): v is FormAnswers =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** An answer by key, own properties only: a field may be named `constructor` or `toString`. */
export const answerOf = (obj: FormAnswers | undefined, key: string): FormValue | undefined =>
  obj && Object.hasOwn(obj, key) ? obj[key] : undefined;

export class Evaluation {
  readonly computed = new Map<string, ComputedValue>();
  private readonly childTuples = new Map<string, Tuple[]>();

  readonly answers: FormAnswers;

  constructor(
    readonly form: CompiledForm,
    readonly given: FormAnswers,
    readonly now: Date,
    readonly locale: string,
  ) {
    // Answers that are not an object (a client's mistake) are checked as none; checkAnswers reports them.
    this.answers = isPlainObject(given) ? given : {};
  }

  /** The answers object a field at `tuple` lives in (the form's, or a repeat instance's). */
  objectAt(chain: readonly string[], tuple: Tuple): FormAnswers | undefined {
    let obj: FormAnswers = this.answers;
    for (let k = 0; k < chain.length; k++) {
      const list = answerOf(obj, chain[k]!);
      if (!Array.isArray(list)) return undefined;
      const next = list[tuple[k]!];
      if (!isPlainObject(next)) return undefined;
      obj = next;
    }
    return obj;
  }

  raw(cf: CompiledField, tuple: Tuple): FormValue | undefined {
    if (cf.repeats.length === 0) return answerOf(this.answers, cf.name);
    return answerOf(this.objectAt(cf.repeats, tuple), cf.name);
  }

  pathOf(cf: CompiledField, tuple: Tuple): string {
    if (cf.repeats.length === 0) return cf.name;
    let path = '';
    for (let k = 0; k < cf.repeats.length; k++) path += `${cf.repeats[k]}[${tuple[k]}].`;
    return path + cf.name;
  }

  /** The indices of a repeat's instances under `tuple` (its enclosing repeats' indices): objects only. */
  instancesOf(repeat: CompiledField, tuple: Tuple): number[] {
    const list = this.raw(repeat, tuple);
    const out: number[] = [];
    if (Array.isArray(list)) for (let j = 0; j < list.length; j++) if (isPlainObject(list[j])) out.push(j);
    return out;
  }

  /** Every instance tuple of a field: `[[]]` outside repeats, one per (nested) repeat instance inside. */
  tuplesOf(cf: CompiledField): readonly Tuple[] {
    const inner = cf.repeats.at(-1);
    if (inner === undefined) return TOP;
    let tuples = this.childTuples.get(inner);
    if (!tuples) {
      const repeat = this.form.fields.get(inner)!;
      tuples = [];
      for (const t of this.tuplesOf(repeat))
        for (const j of this.instancesOf(repeat, t)) tuples.push([...t, j]);
      this.childTuples.set(inner, tuples);
    }
    return tuples;
  }

  /** A field's value as expressions see it ('' when not relevant or unanswered). */
  exprValue(cf: CompiledField, tuple: Tuple): ExprScalar {
    const c = this.computed.get(this.pathOf(cf, tuple));
    if (c) return c.relevant ? toExprValue(c.value) : '';
    return toExprValue(this.raw(cf, tuple));
  }

  run(node: ExprNode, cf: CompiledField, tuple: Tuple, current: FormValue | undefined): ExprValue {
    return this.runIn(new Scope(this, cf, tuple, toExprValue(current)), node);
  }

  /** The choices of a select that pass its choice filter at this instance. */
  filterChoices(cf: CompiledField, tuple: Tuple, current: FormValue | undefined): readonly FormChoice[] {
    const choices = cf.choices ?? [];
    if (!cf.choiceFilter) return choices;
    const scope = new Scope(this, cf, tuple, toExprValue(current));
    const filter = cf.choiceFilter;
    return choices.filter((choice) => {
      scope.choice = choice;
      return truthy(this.runIn(scope, filter));
    });
  }

  private runIn(scope: Scope, node: ExprNode): ExprValue {
    try {
      return evaluate(node, scope);
    } catch {
      // A runtime failure (e.g. a pattern built from answers that is not a valid regex) reads as unanswered,
      // as ODK's engines do, rather than breaking the form or the server's validation.
      return '';
    }
  }
}

/** XPath boolean() of a value, without importing the evaluator's coercions twice. */
function truthy(v: ExprValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v !== '';
  return true;
}

class Scope implements ExprContext {
  choice: FormChoice | undefined;

  constructor(
    private readonly ev: Evaluation,
    private readonly cf: CompiledField,
    private readonly tuple: Tuple,
    private readonly currentValue: ExprScalar,
  ) {}

  resolve(name: string): ExprValue {
    if (this.choice && name.startsWith(CHOICE_COLUMN)) {
      const column = name.slice(CHOICE_COLUMN.length);
      if (column === 'name') return this.choice.name;
      return this.choice.data?.[column] ?? '';
    }
    const target = this.ev.form.fields.get(name);
    if (!target) return '';
    const chain = this.cf.repeats;
    let k = 0;
    while (k < target.repeats.length && k < chain.length && target.repeats[k] === chain[k]) k++;
    const prefix = this.tuple.slice(0, k);
    if (target.field.type === 'repeat' && k === target.repeats.length) {
      const c = this.ev.computed.get(this.ev.pathOf(target, prefix));
      if (c && !c.relevant) return [];
      return this.ev.instancesOf(target, prefix).map(() => '');
    }
    if (k === target.repeats.length) return this.ev.exprValue(target, prefix);
    const values: ExprScalar[] = [];
    for (const t of this.ev.tuplesOf(target))
      if (prefix.every((index, i) => t[i] === index)) values.push(this.ev.exprValue(target, t));
    return values;
  }

  current(): ExprScalar {
    return this.currentValue;
  }

  position(): number {
    return this.tuple.length ? this.tuple[this.tuple.length - 1]! + 1 : 1;
  }

  indexedRepeat(field: string, path: readonly { repeat: string; index: number }[]): ExprScalar {
    const target = this.ev.form.fields.get(field);
    if (!target) return '';
    const tuple: number[] = [];
    for (let k = 0; k < target.repeats.length; k++) {
      const repeat = target.repeats[k];
      const given = path.find((p) => p.repeat === repeat);
      if (given) tuple.push(given.index - 1);
      else if (this.cf.repeats[k] === repeat) tuple.push(this.tuple[k]!);
      else return '';
    }
    return this.ev.exprValue(target, tuple);
  }

  choiceLabel(field: string, value: string): string {
    const choice = this.ev.form.fields.get(field)?.choices?.find((c) => c.name === value);
    return choice
      ? (formText(choice.label, this.ev.locale, this.ev.form.definition.defaultLanguage) ?? '')
      : '';
  }

  now(): Date {
    return this.ev.now;
  }
}
