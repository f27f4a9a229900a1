import { ApiError } from '../../api/client';
import type { FormImportResult } from './forms-api';

/**
 * What a pasted KoboToolbox text holds: the asset's `content` ({ survey, choices, settings }), whether the
 * whole asset or only its content was pasted. Throws a SyntaxError (JSON) or an Error when it is no object.
 */
export function koboContent(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(parsed)) throw new Error('{ survey, choices, settings }');
  const content = parsed.content;
  return isObject(content) && 'survey' in content ? content : parsed;
}

/** A 422 `xlsform_invalid` on publish carries the problems (as `details.problems`, or the list itself). */
export function reportFromError(err: unknown): FormImportResult | null {
  if (!(err instanceof ApiError) || err.code !== 'xlsform_invalid') return null;
  const d = err.details as Partial<FormImportResult> | unknown[] | null | undefined;
  if (Array.isArray(d)) return { form: null, problems: d as FormImportResult['problems'] };
  return { form: d?.form ?? null, problems: Array.isArray(d?.problems) ? d.problems : [] };
}
