/**
 * XLSForm's `choice_filter` is evaluated once per choice with the choice as the context node: a bare name
 * (`commune = ${commune}`) is a column of the choices sheet, `${x}` an answer. The expression language itself
 * has no bare names (only `${name}`), so before parsing, each bare name becomes a reference to a reserved
 * name under CHOICE_COLUMN, which the engine resolves to the choice's column while filtering.
 */

/** The prefix of a rewritten bare name; a form's own field names never start with it (compile refuses). */
export const CHOICE_COLUMN = '__choice.';

const KEYWORDS = new Set(['and', 'or', 'div', 'mod']);
const FUNCTION_CALL = /^[A-Za-z_][A-Za-z0-9_.:-]*\s*\(/;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const NUMBER = /^[0-9]+(\.[0-9]*)?/;

/** The filter with its bare names rewritten, e.g. `commune = ${x}` → `${__choice.commune} = ${x}`. */
export function rewriteChoiceFilter(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      const stop = end < 0 ? source.length : end + 1;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i);
      const stop = end < 0 ? source.length : end + 1;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    const rest = source.slice(i);
    const call = FUNCTION_CALL.exec(rest);
    if (call) {
      out += call[0];
      i += call[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      out += num[0];
      i += num[0].length;
      continue;
    }
    const bare = BARE_NAME.exec(rest);
    if (bare) {
      out += KEYWORDS.has(bare[0]) ? bare[0] : `\${${CHOICE_COLUMN}${bare[0]}}`;
      i += bare[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
