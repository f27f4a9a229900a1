import { FIELD_NAME, type FormChoice } from '../definition.js';
import { cellOf, headersOf, sheetColumns, textOf } from './columns.js';
import type { ImportProblem, SheetRow } from './sheets.js';

const KNOWN = new Set(['list_name', 'name', 'label']);

/**
 * The `choices` sheet: one list per `list_name`, choices in sheet order; columns other than the list, the
 * name and the labels (e.g. `commune` for a cascading select's `choice_filter`) go to the choice's `data`.
 * Duplicate names in a list are refused unless `settings.allow_choice_duplicates` is yes, as in pyxform.
 */
export function readChoices(
  rows: readonly SheetRow[],
  allowDuplicates: boolean,
  problems: ImportProblem[],
): Record<string, FormChoice[]> {
  const columns = sheetColumns(headersOf(rows), KNOWN);
  const lists: Record<string, FormChoice[]> = {};
  const seen = new Map<string, Set<string>>();
  const problem = (
    row: number,
    column: string | null,
    code: string,
    severity: 'error' | 'warning',
    params?: Record<string, string>,
  ) => problems.push({ sheet: 'choices', row, column, code, severity, ...(params ? { params } : {}) });
  const listHeader = columns.single.get('list_name') ?? 'list_name';
  const nameHeader = columns.single.get('name') ?? 'name';
  for (const { row, cells } of rows) {
    const list = cellOf(cells, columns, 'list_name');
    const name = cellOf(cells, columns, 'name');
    const label = textOf(cells, columns, 'label');
    if (!list && !name && !label) continue;
    if (!list) {
      problem(row, listHeader, 'choice_missing_list_name', 'error');
      continue;
    }
    if (!FIELD_NAME.test(list)) problem(row, listHeader, 'bad_list_name', 'error', { list });
    if (!name) {
      problem(row, nameHeader, 'choice_missing_name', 'error');
      continue;
    }
    const names = seen.get(list) ?? new Set<string>();
    seen.set(list, names);
    if (names.has(name) && !allowDuplicates) {
      problem(row, nameHeader, 'duplicate_choice', 'error', { list, name });
      continue;
    }
    names.add(name);
    if (!label)
      problem(row, columns.translated.has('label') ? 'label' : null, 'choice_missing_label', 'warning', {
        name,
      });
    const data: Record<string, string> = {};
    for (const header of columns.ignored) {
      const value = cells[header]?.trim();
      if (value) data[header.trim()] = value;
    }
    const choice: FormChoice = { name, label: label ?? {} };
    if (Object.keys(data).length) choice.data = data;
    const items = lists[list] ?? [];
    lists[list] = items;
    items.push(choice);
  }
  return lists;
}
