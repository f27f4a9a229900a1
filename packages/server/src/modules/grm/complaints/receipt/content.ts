import { formatTrackingCode, type Locale } from '@coso/domain';
import type { ReferenceItem } from '../../../../platform/reference/repo.js';
import type { ComplaintRow } from '../repo.js';
import { RECEIPT_TEXTS } from './texts.js';

/** What a receipt says, already in the complainant's language; the PDF layout only places it. */
export interface ReceiptContent {
  /** The document's title in the PDF metadata. */
  title: string;
  heading: string;
  filename: string;
  header: string[];
  codeLabel: string;
  code: string;
  follow: string;
  facts: Array<{ label: string; value: string }>;
  sections: Array<{ title: string; text: string }>;
  footer: string;
}

export interface ReceiptInput {
  complaint: ComplaintRow;
  /** The complainant's name, only when it may be printed (see canPrintName). */
  name: string | null;
  references: ReferenceItem[];
  locale: Locale;
  /** The hotline to call (config GRM_HOTLINE); without one the receipt has no "call" section. */
  hotline?: string | undefined;
  /** The public tracking page's address (trackingAddress); without one the receipt has no "online" line. */
  trackingUrl?: string | undefined;
  /**
   * The copy a citizen downloads from the public confirmation page, by tracking code and without login:
   * it says no more than the tracking page does (no reference, place, category or name), since anyone
   * holding the code can ask for it.
   */
  citizenCopy?: boolean;
}

/** Where citizens follow a case online: PUBLIC_URL followed by the tracking page's path. */
export function trackingAddress(publicUrl: string | undefined): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/public/suivi` : undefined;
}

/**
 * A receipt can be lost or seen by others, so it carries the least that identifies the case: never the
 * description; the name only when the complainant gave it without asking for confidentiality; and for a
 * sensitive case (GBV/SEA/SH, corruption) neither the name nor the category, whose label alone could expose
 * a survivor or a whistle-blower to whoever finds the paper.
 */
export function canPrintName(c: ComplaintRow): boolean {
  return !c.sensitive && !c.anonymous && !c.identityConfidential;
}

function formatDateTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Africa/Lome',
  }).format(at);
}

export function buildReceiptContent({
  complaint: c,
  name,
  references,
  locale,
  hotline,
  trackingUrl,
  citizenCopy = false,
}: ReceiptInput): ReceiptContent {
  const t = RECEIPT_TEXTS[locale];
  const label = (list: ReferenceItem['list'], code: string) => {
    const item = references.find((r) => r.list === list && r.code === code);
    return item ? (locale === 'fr' ? item.labelFr : item.labelEn) : code;
  };
  const code = formatTrackingCode(c.trackingCode);
  const received = { label: t.receivedAt, value: formatDateTime(c.receivedAt, locale) };
  const facts = citizenCopy
    ? [received]
    : [
        { label: t.reference, value: c.reference },
        received,
        { label: t.channel, value: label('channel', c.channelCode) },
        ...(c.sensitive ? [] : [{ label: t.category, value: label('category', c.categoryCode) }]),
        { label: t.village, value: c.villageName },
        ...(name && canPrintName(c) ? [{ label: t.complainant, value: name }] : []),
      ];
  return {
    title: `${t.title} ${code}`,
    heading: t.title,
    filename: `recu-${code}.pdf`,
    header: [t.project, t.mechanism],
    codeLabel: t.trackingCode,
    code,
    follow: t.follow,
    facts: facts.map((f) => ({ label: `${f.label}${t.colon}`, value: f.value })),
    sections: [
      { title: t.nextTitle, text: t.next },
      ...(trackingUrl ? [{ title: t.onlineTitle, text: t.online(trackingUrl) }] : []),
      ...(hotline ? [{ title: t.callTitle, text: t.call(hotline) }] : []),
    ],
    footer: t.keep,
  };
}
