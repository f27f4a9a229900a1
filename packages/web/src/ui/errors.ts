import { ERRORS, type Locale } from '@coso/domain';
import { ApiError } from '../api/client';
import { interpolate, lookup, type Translate } from '../i18n/translate';

/** Field name → message shown under that field. */
export type FieldErrors = Record<string, string>;

/** Error codes that are about one field of the form that caused them. */
const FIELD_OF_CODE: Record<string, string> = {
  username_taken: 'username',
  wrong_password: 'currentPassword',
  email_taken: 'email',
  code_taken: 'code',
};

/** A code added to the domain catalogue after this UI was translated still gets its own sentence. */
function domainMessage(code: string, locale: Locale): string | undefined {
  return Object.hasOwn(ERRORS, code) ? ERRORS[code as keyof typeof ERRORS][locale] : undefined;
}

/** The sentence shown to the user for any error: translated by code, else the server's own message. */
export function errorText(error: unknown, locale: Locale, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_attempts' && error.retryAfter !== null) {
      return t('auth.tooManyAttempts', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) });
    }
    // A conflict may say why in `details.reason` (last_catch_all_rule, committee_in_use): say it in words.
    const reason = (error.details as { reason?: unknown } | null | undefined)?.reason;
    const specific = typeof reason === 'string' ? lookup(locale, `error.${error.code}.${reason}`) : undefined;
    return (
      specific ??
      lookup(locale, `error.${error.code}`) ??
      domainMessage(error.code, locale) ??
      (error.message || t('error.unknown'))
    );
  }
  return t('error.unknown');
}

/**
 * A validation message from the server or from zod: translated when it is a known message code. Codes may
 * carry one value after a colon ("already_in_group:CVD-12"), shown through the {value} placeholder.
 */
export function validationText(message: string, locale: Locale): string {
  const colon = message.indexOf(':');
  const code = colon > 0 ? message.slice(0, colon) : message;
  const known = lookup(locale, `validation.${code}`);
  return known ? interpolate(known, { value: colon > 0 ? message.slice(colon + 1) : '' }) : message;
}

/**
 * Field errors carried by an API error: validation details by first path segment (or by the whole dotted path
 * with `fullPath`, for nested forms: "complainant.name"), or a known conflict.
 */
export function apiFieldErrors(error: unknown, locale: Locale, fullPath = false): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  if (error.code === 'validation_error') {
    for (const issue of error.issues) {
      const field = fullPath ? issue.path : (issue.path.split('.')[0] ?? '');
      if (field && !out[field]) out[field] = validationText(issue.message, locale);
    }
  }
  const field = FIELD_OF_CODE[error.code];
  if (field)
    out[field] = lookup(locale, `error.${error.code}`) ?? domainMessage(error.code, locale) ?? error.message;
  return out;
}

/** The subset of a zod issue this module reads (kept structural so the web app needs no zod import). */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  input?: unknown;
}

function issueText(issue: IssueLike, locale: Locale, t: Translate): string {
  // An empty text box fails "format" rules too; "required" is what the person needs to read.
  if (
    issue.input === '' ||
    (Array.isArray(issue.input) && issue.input.length === 0 && issue.code !== 'too_big')
  ) {
    return issue.origin === 'array'
      ? t('validation.chooseAtLeast', { min: String(issue.minimum ?? 1) })
      : t('validation.required');
  }
  const known = lookup(locale, `validation.${issue.message}`);
  if (known) return validationText(issue.message, locale);
  const isArray = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_small':
      if (isArray) return t('validation.chooseAtLeast', { min: String(issue.minimum) });
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: String(issue.minimum) });
      }
      return t('validation.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      if (isArray) return t('validation.tooMany', { max: String(issue.maximum) });
      if (issue.origin === 'string') return t('validation.tooLong', { max: String(issue.maximum) });
      return t('validation.tooBig', { max: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.invalidEmail') : t('validation.invalidFormat');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('validation.required')
        : t('validation.invalidValue');
    default:
      return t('validation.invalidValue');
  }
}

interface SchemaLike<T> {
  safeParse(
    value: unknown,
    params?: { reportInput?: boolean },
  ): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

/**
 * Client-side check with the shared domain schema; errors keyed by the first path segment, or by the whole
 * dotted path with `fullPath` ("complainant.name", "complainant.vulnerabilities.0").
 */
export function validateWith<T>(
  schema: SchemaLike<T>,
  value: unknown,
  locale: Locale,
  t: Translate,
  fullPath = false,
): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  // reportInput: to tell an empty field ("required") from a wrong value (NaN from "abc").
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fullPath ? issue.path.map(String).join('.') : String(issue.path[0] ?? '');
    if (!errors[field]) errors[field] = issueText(issue, locale, t);
  }
  return { ok: false, errors };
}

/** The first error of a field or of anything below it ("complainant.vulnerabilities" finds "….vulnerabilities.2"). */
export function errorAt(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}
