import { z } from 'zod';

/** Togo's country calling code: a Togolese number is +228 and eight digits. */
export const TOGO_CALLING_CODE = '228';

const E164 = /^\+[1-9]\d{6,14}$/;
const TOGO_E164 = /^\+228\d{8}$/;

/**
 * A phone number as people write it, in E.164 (+22890123456), or undefined when it cannot be one. Eight digits
 * are a Togolese number ("90 12 34 56", the way numbers are printed and said in Togo); "228…" and "00…" are
 * the same number with its country code; separators (spaces, dots, dashes, brackets, slashes) are ignored.
 * A +228 number must have exactly eight digits after the code. The one rule for every form and the server.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()/]/g, '');
  let e164 = compact;
  if (/^\d{8}$/.test(compact)) e164 = `+${TOGO_CALLING_CODE}${compact}`;
  else if (/^228\d{8}$/.test(compact)) e164 = `+${compact}`;
  else if (/^00[1-9]\d{6,14}$/.test(compact)) e164 = `+${compact.slice(2)}`;
  if (!E164.test(e164)) return undefined;
  if (e164.startsWith(`+${TOGO_CALLING_CODE}`) && !TOGO_E164.test(e164)) return undefined;
  return e164;
}

/**
 * A phone number field: accepts what normalizePhone reads and yields its E.164 form; anything else is the
 * issue `phone_e164` (which the forms explain as "8 digits for Togo, or + country code and number").
 */
export const phoneSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const e164 = normalizePhone(value);
    if (e164 === undefined) {
      ctx.addIssue({ code: 'custom', message: 'phone_e164', input: value });
      return z.NEVER;
    }
    return e164;
  });
