import type { FormAnswers, FormValue } from '@coso/domain';

/**
 * Answers are flat per repeat instance (definition.ts): a path such as `members[1].age` names the field
 * `age` of the second instance of the repeat `members`. These helpers read and write one value at a path
 * without mutating the tree, so React sees a new object on every change.
 */
export interface PathStep {
  name: string;
  /** Present on a repeat step: the 0-based instance. */
  index?: number;
}

const STEP = /^([A-Za-z_][A-Za-z0-9_.-]*?)(?:\[(\d+)\])?$/;

export function parsePath(path: string): PathStep[] {
  // Field names may contain dots, but a step always ends a repeat index: split after each `]`.
  const steps: PathStep[] = [];
  const parts = path.split(/(?<=\])\./);
  for (const part of parts) {
    const m = STEP.exec(part);
    if (!m?.[1]) throw new Error(`Bad answer path: ${path}`);
    steps.push(m[2] === undefined ? { name: m[1] } : { name: m[1], index: Number(m[2]) });
  }
  return steps;
}

/** `members[1]` + `age` → `members[1].age`; top level when `prefix` is ''. */
export function childPath(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

export function instancePath(repeatPath: string, index: number): string {
  return `${repeatPath}[${index}]`;
}

function instances(value: FormValue | undefined): FormAnswers[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
    ? (value as FormAnswers[])
    : [];
}

export function getAt(answers: FormAnswers, path: string): FormValue | undefined {
  let scope: FormAnswers | undefined = answers;
  for (const step of parsePath(path)) {
    if (!scope) return undefined;
    if (step.index === undefined) return scope[step.name];
    scope = instances(scope[step.name])[step.index];
  }
  return scope as FormValue | undefined;
}

function setIn(scope: FormAnswers, steps: PathStep[], value: FormValue | undefined): FormAnswers {
  const [step, ...rest] = steps;
  if (!step) return scope;
  const next = { ...scope };
  if (step.index === undefined) {
    if (value === undefined) delete next[step.name];
    else next[step.name] = value;
    return next;
  }
  const list = [...instances(scope[step.name])];
  while (list.length <= step.index) list.push({});
  list[step.index] = setIn(list[step.index] ?? {}, rest, value);
  next[step.name] = list;
  return next;
}

/** A copy of `answers` with the value at `path` replaced (`undefined` removes it). */
export function setAt(answers: FormAnswers, path: string, value: FormValue | undefined): FormAnswers {
  return setIn(answers, parsePath(path), value);
}

/** The number of instances of the repeat at `repeatPath` (e.g. `members` or `plots[0].trees`). */
export function instanceCount(answers: FormAnswers, repeatPath: string): number {
  return instances(getAt(answers, repeatPath)).length;
}

export function addInstance(answers: FormAnswers, repeatPath: string): FormAnswers {
  const list = instances(getAt(answers, repeatPath));
  return setAt(answers, repeatPath, [...list, {}]);
}

export function removeInstance(answers: FormAnswers, repeatPath: string, index: number): FormAnswers {
  const list = instances(getAt(answers, repeatPath));
  return setAt(
    answers,
    repeatPath,
    list.filter((_, i) => i !== index),
  );
}

/** A DOM id for the input of a path (ids cannot hold `[`, `]` or `.` safely in CSS selectors). */
export function domId(path: string): string {
  return `ff-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
