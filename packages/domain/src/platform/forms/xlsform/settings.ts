import { FIELD_NAME, type FormText } from '../definition.js';
import { cellOf, headersOf, languageKey, sheetColumns, textOf } from './columns.js';
import type { ImportProblem, SheetRow } from './sheets.js';

const KNOWN = new Set(['form_id', 'id_string', 'version', 'form_title', 'default_language']);

export interface ReadSettings {
  formId: string;
  version: string;
  title: FormText;
  defaultLanguage?: string;
  settings?: Record<string, string>;
  allowChoiceDuplicates: boolean;
}

/** Defaults when a workbook does not say (documented in the maintainer guide). */
export const DEFAULT_FORM_ID = 'form';
export const DEFAULT_VERSION = '1';

/**
 * The `settings` sheet (its first data row). Missing `form_id`, `version` or `form_title` get a default and
 * a warning; a `form_id` that is not an XLSForm name (pyxform tolerates `Spec test`) becomes one.
 */
export function readSettings(rows: readonly SheetRow[], problems: ImportProblem[]): ReadSettings {
  const first = [...rows].sort((a, b) => a.row - b.row)[0];
  const cells = first?.cells ?? {};
  const columns = sheetColumns(headersOf(first ? [first] : []), KNOWN);
  const row = first?.row ?? null;
  const warn = (column: string, code: string, params: Record<string, string>) =>
    problems.push({ sheet: 'settings', row, column, code, severity: 'warning', params });

  let formId = cellOf(cells, columns, 'form_id') ?? cellOf(cells, columns, 'id_string');
  if (formId && !FIELD_NAME.test(formId)) {
    const fixed = formId
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .replace(/^(?=[^A-Za-z_])/, '_')
      .slice(0, 100);
    warn(columns.single.get('form_id') ?? 'form_id', 'form_id_changed', { from: formId, value: fixed });
    formId = fixed;
  }
  if (!formId) {
    formId = DEFAULT_FORM_ID;
    warn('form_id', 'default_form_id', { value: formId });
  }
  let version = cellOf(cells, columns, 'version');
  if (!version) {
    version = DEFAULT_VERSION;
    warn('version', 'default_version', { value: version });
  }
  // Tagged titles (`form_title::English (en)`, a COSO export) win; the plain one is the untagged text unless
  // it repeats one of them (the export writes the default language's title there for other tools).
  const { default: plain, ...title } = textOf(cells, columns, 'form_title') ?? {};
  if (plain && !Object.values(title).includes(plain)) title.default = plain;
  if (!Object.keys(title).length) {
    title.default = formId;
    warn('form_title', 'default_title', { value: formId });
  }
  const language = cellOf(cells, columns, 'default_language');
  const settings: Record<string, string> = {};
  for (const header of columns.ignored) {
    const value = cells[header]?.trim();
    if (value) settings[header.trim().toLowerCase()] = value;
  }
  const allow = (settings.allow_choice_duplicates ?? '').toLowerCase();
  return {
    formId,
    version,
    title,
    ...(language ? { defaultLanguage: languageKey(language) } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
    allowChoiceDuplicates: allow === 'yes' || allow === 'true',
  };
}
