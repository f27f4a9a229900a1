import type { FieldKey, Params } from './i18n/translate';

/** A message to show under a field: a dictionary key and its placeholders (translated by the screen). */
export interface FieldMessage {
  key: FieldKey;
  params?: Params;
}

/** Field path ("complainant.name") → its first message. */
export type FieldIssues = Record<string, FieldMessage>;

/** The part of a zod issue read here (structural, so this module needs no zod import). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  input?: unknown;
}

// Message codes the domain schemas put in custom issues and regexes, with a sentence of their own.
const DOMAIN_CODES = new Set<string>([
  'phone_e164',
  'consent_without_contact',
  'anonymous_with_identity',
  'group_size_for_groups_only',
  'date_in_future',
  'date_before_project_start',
  'point_incomplete',
]);

/** The sentence for one issue of a domain schema (parsed with `reportInput` so empty input reads "required"). */
export function issueMessage(issue: IssueLike): FieldMessage {
  if (DOMAIN_CODES.has(issue.message)) return { key: `validation.${issue.message}` as FieldKey };
  if (issue.message === 'required') return { key: 'validation.required' };
  if (issue.input === '' || issue.input === undefined || issue.input === null) {
    return { key: 'validation.required' };
  }
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      if (isText) {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: { min: String(issue.minimum) } };
      }
      return { key: 'validation.tooSmall', params: { min: String(issue.minimum) } };
    case 'too_big':
      if (isText) return { key: 'validation.tooLong', params: { max: String(issue.maximum) } };
      if (issue.origin === 'array')
        return { key: 'validation.tooMany', params: { max: String(issue.maximum) } };
      return { key: 'validation.tooBig', params: { max: String(issue.maximum) } };
    case 'invalid_format':
      return issue.format === 'email'
        ? { key: 'validation.invalidEmail' }
        : { key: 'validation.invalidValue' };
    default:
      return { key: 'validation.invalidValue' };
  }
}

/** Every issue by its dotted path, first one per path kept. */
export function issuesByPath(issues: readonly IssueLike[]): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!out[path]) out[path] = issueMessage(issue);
  }
  return out;
}
