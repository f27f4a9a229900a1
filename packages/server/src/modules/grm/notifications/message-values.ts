import { formatTrackingCode, type Locale } from '@coso/domain';
import type { Queryable } from '../../../db/driver.js';
import { findReference } from '../../../platform/reference/repo.js';

/**
 * Messages are read by people, not by the database: a payload holds each variable as the recipient reads it,
 * in their language — the category's label from the reference list, the handling level and the deadline in
 * words, dates as dd/mm/yyyy (the way dates are written in Togo, in French and in English alike) and the
 * tracking code grouped as printed on receipts (HMHJ-J5Q9-Y). Values are fixed when the message is queued,
 * so an administrator's edited template keeps its placeholders and reads the same words.
 */

/** Worded to follow "au niveau …" / "at … level". */
const LEVELS: Record<Locale, Record<string, string>> = {
  fr: {
    country: 'national',
    region: 'régional',
    prefecture: 'préfectoral',
    commune: 'communal',
    canton: 'cantonal',
    village: 'du village',
  },
  en: {
    country: 'national',
    region: 'regional',
    prefecture: 'prefecture',
    commune: 'commune',
    canton: 'canton',
    village: 'village',
  },
};

const DEADLINES: Record<Locale, Record<string, string>> = {
  fr: {
    acknowledge: 'accusé de réception',
    resolve: 'résolution',
    answer: 'réponse du plaignant',
    appeal: 'recours',
  },
  en: {
    acknowledge: 'acknowledgement',
    resolve: 'resolution',
    answer: "complainant's answer",
    appeal: 'appeal',
  },
};

/** "2026-11-28" (or a timestamp) → "28/11/2026"; anything else unchanged. */
export function messageDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

const DATE_VARIABLES = ['dueDate', 'receivedOn', 'answerDueDate'] as const;

/**
 * The message's variables as the recipient reads them. `values` holds the codes the case knows (category
 * and level codes, ISO dates, the bare tracking code); unknown codes are kept as they are rather than lost.
 */
export async function readableValues(
  q: Queryable,
  values: Record<string, unknown>,
  locale: Locale,
): Promise<Record<string, unknown>> {
  const out = { ...values };
  if (typeof values.category === 'string') {
    const item = await findReference(q, 'category', values.category);
    if (item) out.category = locale === 'en' ? item.labelEn : item.labelFr;
  }
  if (typeof values.handlingLevel === 'string')
    out.handlingLevel = LEVELS[locale][values.handlingLevel] ?? values.handlingLevel;
  if (typeof values.deadline === 'string')
    out.deadline = DEADLINES[locale][values.deadline] ?? values.deadline;
  if (typeof values.trackingCode === 'string') out.trackingCode = formatTrackingCode(values.trackingCode);
  for (const key of DATE_VARIABLES) {
    if (typeof values[key] === 'string') out[key] = messageDate(values[key]);
  }
  return out;
}
