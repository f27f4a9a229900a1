import type { ImportProblem, SheetRow, XlsSheets } from './sheets.js';

/**
 * A KoboToolbox asset's `content` (its JSON form of an XLSForm) → the same sheets an .xlsx gives, so that one
 * importer serves both. Kobo writes translated columns (listed in `translated`) as arrays aligned with
 * `translations` (`null` for the untagged language), the list of a select in `select_from_list_name`,
 * booleans for `required`, and its own bookkeeping keys starting with `$` (`$kuid`, `$autoname`, `$xpath`);
 * a row without `name` takes its `$autoname`. Rows are numbered like a spreadsheet (header 1, first row 2).
 */
export function koboContentToSheets(content: unknown): { sheets?: XlsSheets; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  if (!isObject(content) || !Array.isArray(content.survey)) {
    problems.push({ sheet: 'file', row: null, column: null, code: 'kobo_not_content', severity: 'error' });
    return { problems };
  }
  const translations = Array.isArray(content.translations)
    ? content.translations.map((t) => (typeof t === 'string' && t.trim() ? t.trim() : null))
    : [null];
  const translated = new Set(
    Array.isArray(content.translated) ? content.translated.filter((t) => typeof t === 'string') : [],
  );
  const sheet = (name: 'survey' | 'choices' | 'settings', rows: unknown[]): SheetRow[] =>
    rows.flatMap((raw, i) => {
      const row = i + 2;
      if (!isObject(raw)) {
        problems.push({ sheet: name, row, column: null, code: 'kobo_bad_row', severity: 'error' });
        return [];
      }
      return [{ row, cells: cellsOf(raw, name, row) }];
    });

  function cellsOf(raw: Record<string, unknown>, name: 'survey' | 'choices' | 'settings', row: number) {
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key.startsWith('$') || value === null || value === undefined) continue;
      if (key === 'select_from_list_name' || key === 'kobo--rank-items') continue;
      if (Array.isArray(value) && (translated.has(key) || value.length === translations.length)) {
        value.forEach((text, i) => {
          const lang = translations[i] ?? null;
          if (text !== null && text !== undefined && String(text).trim())
            cells[lang === null ? key : `${key}::${lang}`] = String(text);
        });
      } else if (typeof value === 'object') {
        problems.push({
          sheet: name,
          row,
          column: key,
          code: 'kobo_bad_value',
          severity: 'warning',
          params: { column: key },
        });
      } else cells[key] = String(value);
    }
    if (!cells.name && typeof raw.$autoname === 'string') cells.name = raw.$autoname;
    const list = raw.select_from_list_name;
    if (typeof list === 'string' && cells.type && !/\s/.test(cells.type.trim())) {
      const [kind, other] = cells.type.trim().split(/_(?=or_other$)/);
      cells.type = `${kind} ${list}${other ? ' or_other' : ''}`;
    }
    return cells;
  }

  const settings = Array.isArray(content.settings)
    ? content.settings.slice(0, 1)
    : isObject(content.settings)
      ? [content.settings]
      : [];
  const sheets: XlsSheets = {
    survey: sheet('survey', content.survey),
    choices: sheet('choices', Array.isArray(content.choices) ? content.choices : []),
    settings: sheet('settings', settings),
  };
  return { sheets, problems };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
