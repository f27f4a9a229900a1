import { z } from 'zod';

/**
 * Money in the MIS (issue #16): whole FCFA (XOF has no minor unit in use), never floats. Amounts travel as
 * JSON integers within JavaScript's exact range; sums are checked to stay in it. USD, where shown, is derived
 * at a dated exchange rate written as a decimal string ("XOF for one USD"), computed in integers.
 */

/** The largest amount accepted: 10^15 FCFA, far above any budget and far inside the exact integer range. */
export const MAX_FCFA = 1_000_000_000_000_000;

/** An amount in FCFA: an integer, 0 or more (a decimal, a string or a negative number is refused). */
export const fcfaSchema = z.number().int().min(0).max(MAX_FCFA);

/** A line's or a contract's amount: whole FCFA, more than zero. */
export const positiveFcfaSchema = fcfaSchema.refine((n) => n > 0, 'amount_positive');

/** A dated exchange rate: XOF for one USD, up to 6 decimals ("655.957"). */
export const exchangeRateSchema = z.string().regex(/^[1-9]\d{0,5}(\.\d{1,6})?$/, 'exchange_rate_invalid');

/** The sum of amounts; throws past the exact range (cannot happen below MAX_FCFA × 9,007 lines). */
export function sumFcfa(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('fcfa_sum_overflow');
  }
  return total;
}

/**
 * Reads an amount typed by a person: digits, optionally grouped by three with spaces (also non-breaking) or
 * dots ("1 250 000", "1.250.000"). Decimals, signs, letters and badly grouped digits are refused: null.
 */
export function parseFcfa(text: string): number | null {
  const spaced = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!/^\d+$|^\d{1,3}( \d{3})+$|^\d{1,3}(\.\d{3})+$/.test(spaced)) return null;
  const value = Number(spaced.replace(/[ .]/g, ''));
  return Number.isSafeInteger(value) && value <= MAX_FCFA ? value : null;
}

/** "1 250 000 FCFA" (French) or "1,250,000 FCFA" (English). */
export function formatFcfa(amount: number, locale: 'fr' | 'en'): string {
  return `${new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(amount)} FCFA`;
}

/** USD cents for an amount in FCFA at a rate (XOF for one USD), rounded half up, exactly. */
export function xofToUsdCents(amount: number, rate: string): number {
  const [whole = '', frac = ''] = rate.split('.');
  const scale = 10n ** BigInt(frac.length);
  const rateScaled = BigInt(whole + frac);
  // cents = amount × 100 / rate = amount × 100 × scale / rateScaled, rounded half up.
  const numerator = BigInt(amount) * 100n * scale;
  return Number((numerator * 2n + rateScaled) / (2n * rateScaled));
}

/**
 * Whether a movement fits what is left of its ceiling (a payment and its contract, a disbursement and its
 * allocation): the amount still available, and whether `amount` exceeds it.
 */
export function checkCeiling(ceiling: number, alreadyUsed: number, amount: number) {
  const available = ceiling - alreadyUsed;
  return { available, exceeds: amount > available };
}
