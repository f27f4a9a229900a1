import { FIELD_NAME, type FormField } from '../definition.js';
import { cellOf, headersOf, type SheetColumns, sheetColumns, textOf } from './columns.js';
import type { ImportProblem, SheetRow } from './sheets.js';
import { type ParsedType, parseType } from './types.js';

const KNOWN = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'calculation',
  'default',
  'read_only',
  'choice_filter',
  'repeat_count',
  'appearance',
  'parameters',
  'indicator',
  'coso_type',
]);
const INDICATOR = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

export interface ReadSurvey {
  fields: FormField[];
  columns: SheetColumns;
  /** Spreadsheet rows of each name, in sheet order (a duplicated name has several). */
  rows: Map<string, number[]>;
  /** Lists written for COSO yes/no fields on export, dropped again on import. */
  yesNoLists: Set<string>;
}

interface Frame {
  container: 'group' | 'repeat' | 'loop';
  row: number;
  type: string;
  field: FormField;
}

/** `yes`, `true`, `TRUE()` → true; `no`, `false` → absent; anything else is an expression. */
function flag(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', 'true()', '1'].includes(v)) return true;
  if (['no', 'false', 'false()', '0', ''].includes(v)) return undefined;
  return value.trim();
}

/** `max-pixels=1024 start=1`, also with commas or semicolons; undefined if a part is not key=value. */
export function parseParameters(value: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of value.replace(/\s*=\s*/g, '=').split(/[\s,;]+/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return undefined;
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/**
 * The `survey` sheet as a field tree. Rows COSO cannot run are reported and kept as text placeholders so that
 * the compiler's checks of the other rows (references to them) stay meaningful; the definition is withheld
 * anyway since each such row is an error.
 */
export function readSurvey(rows: readonly SheetRow[], problems: ImportProblem[]): ReadSurvey {
  const columns = sheetColumns(headersOf(rows), KNOWN);
  const out: ReadSurvey = { fields: [], columns, rows: new Map(), yesNoLists: new Set() };
  const header = (column: string) =>
    columns.single.get(column) ?? columns.translated.get(column)?.values().next().value ?? column;
  const problem = (
    row: number | null,
    column: string | null,
    code: string,
    severity: 'error' | 'warning',
    params?: Record<string, string>,
  ) => problems.push({ sheet: 'survey', row, column, code, severity, ...(params ? { params } : {}) });
  for (const ignored of columns.ignored)
    problem(1, ignored, 'column_ignored', 'warning', { column: ignored });
  if (!columns.single.has('type')) {
    problem(1, 'type', 'missing_column', 'error', { column: 'type' });
    return out;
  }

  const stack: Frame[] = [];
  const siblings = () => stack.at(-1)?.field.children ?? out.fields;
  const place = (field: FormField, row: number) => {
    siblings().push(field);
    out.rows.set(field.name, [...(out.rows.get(field.name) ?? []), row]);
  };

  for (const { row, cells } of [...rows].sort((a, b) => a.row - b.row)) {
    const type = cellOf(cells, columns, 'type');
    if (!type) {
      if (Object.keys(cells).some((h) => cells[h]?.trim() && !columns.ignored.includes(h)))
        problem(row, header('type'), 'missing_type', 'error');
      continue;
    }
    const parsed = parseType(type);
    if (parsed.kind === 'end') {
      const top = stack.pop();
      if (!top) problem(row, header('type'), 'unmatched_end', 'error', { type });
      else if (top.container !== parsed.container)
        problem(row, header('type'), 'mismatched_end', 'error', { type, expected: top.type });
      continue;
    }
    if (parsed.kind === 'metadata') {
      problem(row, header('type'), 'metadata_dropped', 'warning', { type });
      continue;
    }
    let name = cellOf(cells, columns, 'name');
    if (!name) {
      problem(row, header('name'), 'missing_name', 'error');
      name = `_row_${row}`;
    } else if (!FIELD_NAME.test(name) || name.length > 100)
      problem(row, header('name'), 'bad_name', 'error', { name });

    if (parsed.kind === 'begin') {
      if (parsed.container === 'loop') problem(row, header('type'), 'unsupported_type', 'error', { type });
      const field = build(parsed.container === 'repeat' ? 'repeat' : 'group', name, cells, row);
      field.children = [];
      place(field, row);
      stack.push({ container: parsed.container, row, type, field });
      continue;
    }
    if (parsed.kind !== 'field') {
      const code = {
        select_without_list: 'select_without_list',
        unsupported: 'unsupported_type',
        unknown: 'unknown_type',
      }[parsed.kind];
      problem(row, header('type'), code, 'error', { type });
      place({ type: 'text', name }, row);
      continue;
    }
    place(fieldOf(parsed, name, cells, row, type), row);
  }
  for (const frame of stack.reverse())
    problem(frame.row, header('type'), 'unclosed_group', 'error', { type: frame.type });
  return out;

  function build(
    type: FormField['type'],
    name: string,
    cells: Record<string, string>,
    row: number,
  ): FormField {
    const field: FormField = { type, name };
    const text = (column: string) => textOf(cells, columns, column);
    const cell = (column: string) => cellOf(cells, columns, column);
    const set = <K extends keyof FormField>(key: K, value: FormField[K] | undefined) => {
      if (value !== undefined) field[key] = value;
    };
    set('label', text('label'));
    set('hint', text('hint'));
    set('required', flag(cell('required')));
    set('requiredMessage', text('required_message'));
    set('relevant', cell('relevant'));
    set('constraint', cell('constraint'));
    set('constraintMessage', text('constraint_message'));
    set('calculation', cell('calculation'));
    set('default', cell('default'));
    set('readOnly', flag(cell('read_only')));
    set('choiceFilter', cell('choice_filter'));
    set('repeatCount', cell('repeat_count'));
    const appearance = cell('appearance')?.split(/\s+/).filter(Boolean);
    if (appearance?.length) field.appearance = appearance;
    const parameters = cell('parameters');
    if (parameters) {
      const parsed = parseParameters(parameters);
      if (parsed) field.parameters = parsed;
      else problem(row, header('parameters'), 'bad_parameters', 'error', { value: parameters });
    }
    const indicator = cell('indicator');
    if (indicator) {
      if (INDICATOR.test(indicator)) field.indicator = indicator;
      else problem(row, header('indicator'), 'bad_indicator', 'error', { value: indicator });
    }
    return field;
  }

  function fieldOf(
    parsed: Extract<ParsedType, { kind: 'field' }>,
    name: string,
    cells: Record<string, string>,
    row: number,
    typeText: string,
  ): FormField {
    const field = build(parsed.type, name, cells, row);
    if (parsed.list) field.list = parsed.list;
    if (parsed.orOther) field.orOther = true;
    if (parsed.range) rangeOf(field, row);
    // ODK's signature widget is an image question with the `signature` appearance.
    if (field.type === 'image' && field.appearance?.includes('signature')) {
      field.type = 'signature';
      field.appearance = field.appearance.filter((a) => a !== 'signature');
      if (!field.appearance.length) delete field.appearance;
    }
    const coso = cellOf(cells, columns, 'coso_type');
    if (coso) {
      const fits =
        (coso === 'money' && field.type === 'integer') ||
        (coso === 'yes_no' && (field.type === 'select_one' || field.type === 'yes_no')) ||
        (coso === 'signature' && field.type === 'signature');
      if (!fits) problem(row, header('coso_type'), 'bad_coso_type', 'error', { value: coso, type: typeText });
      else if (coso === 'money') field.type = 'money';
      else if (coso === 'yes_no') {
        if (field.list) out.yesNoLists.add(field.list);
        field.type = 'yes_no';
        delete field.list;
        delete field.orOther;
      }
    }
    return field;
  }

  /** A slider: a number whose bounds become a constraint (start/end/step as ODK's defaults 1/10/1). */
  function rangeOf(field: FormField, row: number) {
    const p = field.parameters ?? {};
    const [start, end, step] = [p.start ?? '1', p.end ?? '10', p.step ?? '1'].map(Number) as [
      number,
      number,
      number,
    ];
    if (![start, end, step].every(Number.isFinite)) {
      const value = Object.entries(p)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      problem(row, header('parameters'), 'bad_parameters', 'error', { value });
      return;
    }
    field.type = [start, end, step].every(Number.isInteger) ? 'integer' : 'decimal';
    const [low, high] = start <= end ? [start, end] : [end, start];
    const bounds = `. >= ${low} and . <= ${high}`;
    field.constraint = field.constraint ? `(${field.constraint}) and ${bounds}` : bounds;
  }
}
