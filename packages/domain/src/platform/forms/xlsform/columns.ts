import type { FormText } from '../definition.js';

/**
 * XLSForm column headers as people write them: case-insensitive, `list name` or `list_name`, pyxform's
 * `bind:`/`jr:` aliases, and translations as `label::Français (fr)`, `label::fr` or the older `label:French`.
 * Every header is reduced to a canonical column and, for translated columns, a language key.
 */

/** Columns that carry one text per language. */
export const TRANSLATED = new Set(['label', 'hint', 'constraint_message', 'required_message', 'form_title']);
/** Translated media and guidance columns, recognised so that they are reported as ignored, not unknown. */
const MEDIA = new Set(['image', 'audio', 'video', 'media', 'big-image', 'guidance_hint']);

const ALIASES: Record<string, string> = {
  'list name': 'list_name',
  'bind:relevant': 'relevant',
  relevance: 'relevant',
  'bind:constraint': 'constraint',
  'bind:required': 'required',
  'bind:calculate': 'calculation',
  'bind:readonly': 'read_only',
  readonly: 'read_only',
  'bind:jr:constraintmsg': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  constraintmsg: 'constraint_message',
  'constraint message': 'constraint_message',
  'bind:jr:requiredmsg': 'required_message',
  'jr:requiredmsg': 'required_message',
  requiredmsg: 'required_message',
  'required message': 'required_message',
  'control:appearance': 'appearance',
  'jr:count': 'repeat_count',
  'control:jr:count': 'repeat_count',
  'choice filter': 'choice_filter',
  'repeat count': 'repeat_count',
  'read only': 'read_only',
};

/** Language names that older forms write without a code. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  anglais: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  spanish: 'es',
  portuguese: 'pt',
  arabic: 'ar',
  chinese: 'zh',
  swahili: 'sw',
};

const CODE_IN_PARENS = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$/;
const BARE_CODE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$/;

/** `Français (fr)` → `fr`, `EN` → `en`, `english` → `en`, any other name lower-cased. */
export function languageKey(raw: string): string {
  const name = raw.trim();
  const code = CODE_IN_PARENS.exec(name)?.[1] ?? (BARE_CODE.test(name) ? name : undefined);
  if (code) return code.toLowerCase();
  const lower = name.toLowerCase();
  return LANGUAGE_NAMES[lower] ?? lower;
}

const DISPLAY: Record<string, string> = { fr: 'Français (fr)', en: 'English (en)' };

/** The header of a translated column on export; `languageKey` reads it back to the same key. */
export function translatedHeader(column: string, key: string): string {
  return key === 'default' ? column : `${column}::${DISPLAY[key] ?? key}`;
}

export interface ParsedHeader {
  /** Canonical column, e.g. `label`, `relevant`, `list_name`. */
  column: string;
  /** Language key of a translated column (`default` when untagged). */
  lang?: string;
  /** A media or guidance column (kept out of the definition). */
  media?: boolean;
}

export function parseHeader(header: string): ParsedHeader {
  const trimmed = header.trim();
  const lower = trimmed.toLowerCase();
  let base = lower;
  let lang: string | undefined;
  const double = trimmed.indexOf('::');
  if (double >= 0) {
    base = lower.slice(0, double).trim();
    lang = trimmed.slice(double + 2);
  } else {
    const single = trimmed.indexOf(':');
    const head = single >= 0 ? lower.slice(0, single).trim() : '';
    if (single >= 0 && (TRANSLATED.has(head) || MEDIA.has(head))) {
      base = head;
      lang = trimmed.slice(single + 1);
    }
  }
  // `media::image::English (en)`: the kind of media before the language.
  if (base === 'media' && lang?.includes('::')) lang = lang.slice(lang.indexOf('::') + 2);
  const column = ALIASES[base] ?? base.replace(/\s+/g, '_');
  if (MEDIA.has(column)) return { column, media: true };
  if (TRANSLATED.has(column)) return { column, lang: lang ? languageKey(lang) : 'default' };
  return { column };
}

/** A header map of one sheet: canonical column → the header as written (for problems and cell reads). */
export interface SheetColumns {
  /** Headers of single-valued columns by canonical name (the first one wins). */
  single: Map<string, string>;
  /** Headers of translated columns: column → language key → header. */
  translated: Map<string, Map<string, string>>;
  /** Headers that mean nothing to COSO (reported once as ignored). */
  ignored: string[];
}

export function sheetColumns(headers: Iterable<string>, known: ReadonlySet<string>): SheetColumns {
  const out: SheetColumns = { single: new Map(), translated: new Map(), ignored: [] };
  for (const header of headers) {
    if (!header.trim()) continue;
    const parsed = parseHeader(header);
    if (parsed.lang !== undefined && known.has(parsed.column)) {
      const langs = out.translated.get(parsed.column) ?? new Map<string, string>();
      if (!langs.has(parsed.lang)) langs.set(parsed.lang, header);
      out.translated.set(parsed.column, langs);
    } else if (!parsed.media && known.has(parsed.column)) {
      if (!out.single.has(parsed.column)) out.single.set(parsed.column, header);
    } else out.ignored.push(header);
  }
  return out;
}

/** The non-empty texts of a translated column in one row, or undefined. */
export function textOf(
  cells: Record<string, string>,
  columns: SheetColumns,
  column: string,
): FormText | undefined {
  const langs = columns.translated.get(column);
  if (!langs) return undefined;
  const text: FormText = {};
  for (const [lang, header] of langs) {
    const value = cells[header]?.trim();
    if (value) text[lang] = value;
  }
  return Object.keys(text).length ? text : undefined;
}

/** A single-valued cell, trimmed; undefined when empty or absent. */
export function cellOf(
  cells: Record<string, string>,
  columns: SheetColumns,
  column: string,
): string | undefined {
  const header = columns.single.get(column);
  const value = header === undefined ? undefined : cells[header]?.trim();
  return value ? value : undefined;
}

/** Every header used in a sheet's rows, in first-seen order. */
export function headersOf(rows: readonly { cells: Record<string, string> }[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const h of Object.keys(r.cells)) seen.add(h);
  return [...seen];
}
