import { type FormAnswers, type FormDefinition, type FormField, walkFields } from '@coso/domain';
import {
  childPath,
  getAt,
  instanceCount,
  instancePath,
  parsePath,
  removeInstance,
  setAt,
} from '../../forms/answers';
import { fillReferences } from '../../forms/label-text';

/**
 * The runner's pages: the engine's pages (formPages, ODK Collect's pagination: one question per page, a
 * `field-list` group on one page, each repeat instance's questions in turn) with, after the instances of
 * each repeat the user sizes, a page to add or remove instances (ODK asks "add another?" there too). A repeat
 * whose `repeat_count` fixes the number of instances gets no such page.
 */

export interface EnginePage {
  key: string;
  title?: Record<string, string>;
  fields: { path: string; field: FormField }[];
}

export type RunnerPage =
  | ({ kind: 'questions' } & EnginePage)
  | { kind: 'repeat'; key: string; path: string; field: FormField };

/** Document order of every field name (names are unique in a form). */
export function documentOrder(def: FormDefinition): ReadonlyMap<string, number> {
  const order = new Map<string, number>();
  let i = 0;
  for (const f of walkFields(def.fields)) order.set(f.name, i++);
  return order;
}

/**
 * A path's place in the filling order: per step, the field's document position then the instance index, so
 * `members[0].age` < `members[0].sex` < `members[1].age` < a field after the repeat.
 */
export function pathOrder(path: string, order: ReadonlyMap<string, number>): number[] {
  return parsePath(path).flatMap((s) =>
    s.index === undefined ? [order.get(s.name) ?? 0] : [order.get(s.name) ?? 0, s.index],
  );
}

export function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The repeats the user sizes, at each place they appear (`members`, or `plots[1].trees` inside an instance
 * of another repeat), when relevant there.
 */
export function managedRepeats(
  def: FormDefinition,
  answers: FormAnswers,
  relevant: (path: string) => boolean,
): { path: string; field: FormField }[] {
  const found: { path: string; field: FormField }[] = [];
  const visit = (fields: readonly FormField[], prefix: string) => {
    for (const f of fields) {
      const path = childPath(prefix, f.name);
      if (f.type === 'group') visit(f.children ?? [], prefix);
      if (f.type !== 'repeat' || !relevant(path)) continue;
      if (!f.repeatCount) found.push({ path, field: f });
      const n = instanceCount(answers, path);
      for (let i = 0; i < n; i++) visit(f.children ?? [], instancePath(path, i));
    }
  };
  visit(def.fields, '');
  return found;
}

/** The engine's pages with a repeat page after the instances of each managed repeat, in filling order. */
export function runnerPages(
  def: FormDefinition,
  pages: readonly EnginePage[],
  repeats: readonly { path: string; field: FormField }[],
): RunnerPage[] {
  const order = documentOrder(def);
  const out: RunnerPage[] = pages.map((p) => ({ kind: 'questions', ...p }));
  const keyOf = (page: RunnerPage): number[] =>
    page.kind === 'repeat'
      ? [...pathOrder(page.path, order), Number.POSITIVE_INFINITY]
      : page.fields[0]
        ? pathOrder(page.fields[0].path, order)
        : [];
  for (const r of repeats) {
    const page: RunnerPage = { kind: 'repeat', key: `repeat:${r.path}`, path: r.path, field: r.field };
    const key = keyOf(page);
    const at = out.findIndex((p) => compareOrder(keyOf(p), key) > 0);
    if (at === -1) out.push(page);
    else out.splice(at, 0, page);
  }
  return out;
}

/** The paths a page shows: its questions, or for a repeat page the repeat itself (e.g. a count error). */
export function pagePaths(page: RunnerPage): string[] {
  return page.kind === 'repeat' ? [page.path] : page.fields.map((f) => f.path);
}

/**
 * The page where an error's path is shown: the page holding the path, else the repeat page of a repeat
 * path, else the first page below it (an error on a group), else undefined.
 */
export function pageOfPath(pages: readonly RunnerPage[], path: string): number | undefined {
  const exact = pages.findIndex((p) => pagePaths(p).includes(path));
  if (exact !== -1) return exact;
  const below = pages.findIndex((p) =>
    pagePaths(p).some((q) => q.startsWith(`${path}.`) || q.startsWith(`${path}[`)),
  );
  return below === -1 ? undefined : below;
}

/** The first page (in filling order) with an error among `paths`. */
export function firstPageWithError(
  pages: readonly RunnerPage[],
  paths: Iterable<string>,
): number | undefined {
  let first: number | undefined;
  for (const path of paths) {
    const at = pageOfPath(pages, path);
    if (at !== undefined && (first === undefined || at < first)) first = at;
  }
  return first;
}

/** Keeps a page index within the pages (pages come and go as answers make questions relevant). */
export function clampPage(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/**
 * Answers whose repeats with a fixed `repeat_count` have exactly that many instances (new ones start from
 * `fresh(repeatName)`, the form's defaults); the same object when nothing changes. Nested fixed repeats show
 * up once their parent instances exist: the runner calls this again after each state change.
 */
export function fitRepeatCounts(
  answers: FormAnswers,
  repeats: Iterable<{ path: string; relevant: boolean; repeatCount?: number; field: FormField }>,
  fresh: (repeatName: string) => FormAnswers,
): FormAnswers {
  let out = answers;
  for (const r of repeats) {
    if (r.repeatCount === undefined || !r.relevant) continue;
    const want = Math.max(0, Math.min(r.repeatCount, 500));
    let have = instanceCount(out, r.path);
    while (have < want) {
      out = appendInstance(out, r.path, fresh(r.field.name));
      have++;
    }
    while (have > want) out = removeInstance(out, r.path, --have);
  }
  return out;
}

/** A new instance at the end of the repeat at `path`, starting with `values`. */
export function appendInstance(answers: FormAnswers, path: string, values: FormAnswers = {}): FormAnswers {
  const list = getAt(answers, path);
  const instances = Array.isArray(list) ? (list as FormAnswers[]) : [];
  return setAt(answers, path, [...instances, values]);
}

/**
 * A label or hint with its `${name}` references replaced by the answers (ODK's output values, e.g.
 * "Total : ${total}"): the field in the same repeat instance as `path` first, then further out.
 */
export function fillLabel(
  text: string,
  path: string,
  valueAt: (path: string) => unknown,
  show: (value: unknown) => string,
): string {
  return fillReferences(text, path, (at) => {
    const value = valueAt(at);
    return value === undefined ? undefined : show(value);
  });
}
