import type { FormField, FormValue } from './definition.js';
import { type ExprNode, parseExpression } from './expr/index.js';
import { checkValue } from './values.js';

/**
 * XLSForm's `default` column: a literal answer written as text (`12`, `yes`, `a b` for a select_multiple,
 * `lat lon` for a geopoint), or, as pyxform's dynamic defaults, an expression such as `today()` evaluated when
 * the instance is created.
 */
export type DefaultValue = { literal: FormValue } | { expression: ExprNode };

const NO_DEFAULT = new Set(['note', 'calculate', 'group', 'repeat']);

/** The literal answer a default text stands for, or undefined when it is not one for this type. */
export function literalDefault(field: FormField, text: string): FormValue | undefined {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return text.trim() === '' ? undefined : Number(text);
    case 'yes_no':
      if (['true', 'yes', '1', 'oui'].includes(text)) return true;
      if (['false', 'no', '0', 'non'].includes(text)) return false;
      return undefined;
    case 'select_multiple':
      return text.trim().split(/\s+/);
    case 'geopoint': {
      const [lat, lon, alt, accuracy] = text.trim().split(/\s+/).map(Number);
      return {
        lat: lat ?? Number.NaN,
        lon: lon ?? Number.NaN,
        ...(alt !== undefined ? { alt } : {}),
        ...(accuracy !== undefined ? { accuracy } : {}),
      };
    }
    default:
      return text;
  }
}

export function checkDefault(
  field: FormField,
  choices?: ReadonlySet<string>,
): { ok: true; value: DefaultValue } | { ok: false } {
  const text = field.default ?? '';
  if (NO_DEFAULT.has(field.type)) return { ok: false };
  const literal = literalDefault(field, text);
  if (literal !== undefined && !checkValue(field, literal, choices)) return { ok: true, value: { literal } };
  if (/[(]|\$\{/.test(text)) {
    try {
      return { ok: true, value: { expression: parseExpression(text) } };
    } catch {
      return { ok: false };
    }
  }
  return { ok: false };
}
