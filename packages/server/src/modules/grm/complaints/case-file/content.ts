import { formatTrackingCode, type Locale } from '@coso/domain';
import type { ReferenceItem } from '../../../../platform/reference/repo.js';
import type { presentComplaint, presentEvent } from '../presenter.js';
import type { Identity } from '../repo.js';
import { CASE_FILE_TEXTS } from './texts.js';

type PresentedCase = ReturnType<typeof presentComplaint>;
type PresentedEvent = ReturnType<typeof presentEvent>;

export interface CaseFileEntry {
  when: string;
  what: string;
  who: string;
  details: string[];
}

export interface CaseFileSection {
  title: string;
  rows?: Array<[string, string]>;
  paragraphs?: string[];
  entries?: CaseFileEntry[];
}

/** What the printed case file says, already in the reader's language and cut to what they may read. */
export interface CaseFileContent {
  title: string;
  filename: string;
  header: string;
  heading: string;
  printed: string;
  confidential: string;
  sections: CaseFileSection[];
}

export interface CaseFileInput {
  /** The case as the reader's case page presents it (summary-only readers get the published summary). */
  complaint: PresentedCase;
  /** Events as presented to this reader (payloads dropped for summary-only readers). */
  events: PresentedEvent[];
  /** Only after an audited reveal for this document; otherwise the file says the identity is left out. */
  identity: Identity | undefined;
  references: ReferenceItem[];
  locale: Locale;
  printedBy: string;
  printedAt: Date;
}

/** The outcome-bearing steps of a case (GRM: each is recorded with its reason or text). */
const DECISIONS = new Set([
  'reject_ineligible',
  'propose_resolution',
  'record_answer',
  'declare_unresolved',
  'escalate',
  'recategorise',
  'withdraw',
  'refer',
  'reopen',
  'satisfaction_rated',
]);
/** The work done on the case, as opposed to its decisions and the system's reminders. */
const ACTIONS = new Set([
  'acknowledge',
  'start',
  'reassign',
  'take_over',
  'comment',
  'referral_recorded',
  'referral_outcome',
  'attachment_added',
  'access_granted',
  'access_revoked',
  'published',
]);

export function formatDateTime(at: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Africa/Lome',
  }).format(new Date(at));
}

/** "2026-11-28" → "28/11/2026". */
const isoDay = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, '$3/$2/$1');

export function buildCaseFileContent(input: CaseFileInput): CaseFileContent {
  const { complaint: c, identity, locale } = input;
  const t = CASE_FILE_TEXTS[locale];
  const label = (list: ReferenceItem['list'], code: string | null | undefined) => {
    if (!code) return t.none;
    const item = input.references.find((r) => r.list === list && r.code === code);
    return item ? (locale === 'fr' ? item.labelFr : item.labelEn) : code;
  };
  const code = formatTrackingCode(c.trackingCode);

  const summary: Array<[string, string]> = [
    [t.fields.reference, c.reference],
    [t.fields.trackingCode, code],
    [t.fields.status, t.statuses[c.status] ?? c.status],
    [t.fields.type, label('type', c.type)],
    [t.fields.category, label('category', c.category)],
    [t.fields.channel, label('channel', c.channel)],
    [t.fields.receivedAt, formatDateTime(c.receivedAt, locale)],
    [t.fields.village, c.village.name],
    [t.fields.level, t.levels[c.handlingLevel] ?? c.handlingLevel],
    [t.fields.assignee, c.assignee?.displayName ?? t.unassigned],
    ...(c.incidentDate ? [[t.fields.incidentDate, isoDay(String(c.incidentDate))] as [string, string]] : []),
    ...(c.sensitive ? [[t.fields.sensitive, t.yes] as [string, string]] : []),
  ];

  const person = c.complainant;
  const complainant: Array<[string, string]> = [
    [t.fields.gender, label('gender', person.gender)],
    [t.fields.ageGroup, label('age_group', person.ageGroup)],
    [
      t.fields.vulnerabilities,
      person.vulnerabilities?.length
        ? person.vulnerabilities.map((v) => label('vulnerability', v)).join(', ')
        : t.none,
    ],
  ];
  const identityRows: Array<[string, string]> = identity
    ? (['name', 'phone', 'email', 'whatsapp', 'postalAddress'] as const)
        .filter((k) => identity[k])
        .map((k) => [t.fields[k], identity[k]!])
    : [];
  const identityNote = person.anonymous
    ? t.identityAnonymous
    : identity
      ? t.identityRevealed
      : t.identityOmitted;

  const entry = (e: PresentedEvent): CaseFileEntry => ({
    when: formatDateTime(e.at, locale),
    what: t.events[e.kind] ?? e.kind,
    who: e.actor?.displayName ?? t.system,
    details: details(e.payload, (list, v) => label(list, v), locale),
  });
  const timeline = input.events.map((e) => {
    const change =
      e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus
        ? t.change(t.statuses[e.fromStatus] ?? e.fromStatus, t.statuses[e.toStatus] ?? e.toStatus)
        : undefined;
    return { ...entry(e), details: change ? [change] : [] };
  });

  return {
    title: `${t.title} ${c.reference}`,
    filename: `dossier-${c.reference}.pdf`,
    header: t.project,
    heading: `${t.title} ${c.reference}`,
    printed: t.printed(input.printedBy, formatDateTime(input.printedAt, locale)),
    confidential: t.confidential,
    sections: [
      {
        title: t.sections.summary,
        rows: summary,
        paragraphs: [
          `${c.summaryOnly ? t.fields.summaryOnly : t.fields.description}${t.colon}${c.description}`,
        ],
      },
      { title: t.sections.complainant, rows: [...identityRows, ...complainant], paragraphs: [identityNote] },
      {
        title: t.sections.deadlines,
        rows: c.deadlines.map((d) => [
          t.deadlines[d.kind] ?? d.kind,
          d.metAt ? t.met(formatDateTime(d.metAt, locale)) : t.due(isoDay(d.dueDate)),
        ]),
      },
      { title: t.sections.decisions, entries: input.events.filter((e) => DECISIONS.has(e.kind)).map(entry) },
      { title: t.sections.actions, entries: input.events.filter((e) => ACTIONS.has(e.kind)).map(entry) },
      { title: t.sections.timeline, entries: timeline },
    ],
  };
}

/** The free text and choices an event carries, labelled; ids and technical keys are left out. */
function details(
  payload: Record<string, unknown>,
  label: (list: ReferenceItem['list'], code: string) => string,
  locale: Locale,
): string[] {
  const t = CASE_FILE_TEXTS[locale];
  const out: string[] = [];
  for (const [key, name] of Object.entries(t.details)) {
    const value = payload[key];
    if (value === undefined || value === null || value === '' || typeof value === 'object') continue;
    let shown = String(value);
    if (key === 'answer') shown = t.answers[shown] ?? shown;
    else if (key === 'category' || key === 'type') shown = label(key, shown);
    else if (key === 'handlingLevel') shown = t.levels[shown] ?? shown;
    out.push(`${name}${t.colon}${shown}`);
  }
  if (payload.appeal === true)
    out.push(locale === 'fr' ? 'Le plaignant fait appel.' : 'The complainant appeals.');
  return out;
}
