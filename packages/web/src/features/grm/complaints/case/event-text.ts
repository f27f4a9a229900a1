import { REFERRAL_SERVICES, type ReferralService } from '@coso/domain';
import type { Attachment, ComplaintEvent } from '../../../../api/complaint-types';
import type { Translate } from '../../../../i18n/translate';
import { isMessageKey } from '../../../../i18n/translate';
import type { Reference } from '../use-reference';

export interface EventContext {
  t: Translate;
  reference: Reference;
  levelLabel: (code: string) => string;
  /** Display names known on this page (event actors, assignee, recorder), by user id. */
  names: ReadonlyMap<string, string>;
  attachments: readonly Attachment[];
}

/** The headline of an event: "Accusé de réception", "Pièce jointe ajoutée", or the raw kind when unknown. */
export function eventTitle(e: ComplaintEvent, t: Translate): string {
  const key = `event.${e.kind}`;
  return isMessageKey(key) ? t(key) : e.kind;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** The payload of an event in sentences, in the UI language: reason, resolution, answer, referral, files… */
export function eventLines(e: ComplaintEvent, ctx: EventContext): string[] {
  const { t, names } = ctx;
  const p = e.payload;
  const lines: string[] = [];
  const person = (id: unknown) =>
    typeof id === 'string' ? (names.get(id) ?? t('event.otherPerson')) : t('event.otherPerson');

  if (e.kind === 'created') {
    const channel = str(p.channel);
    if (channel) lines.push(t('event.channel', { channel: ctx.reference.label('channels', channel) }));
    const source = str(p.source);
    if (source) lines.push(t('event.source', { source: isSource(source) ? t(`source.${source}`) : source }));
  }
  if (e.kind === 'attachment_added') {
    const purpose = str(p.purpose);
    lines.push(
      t('event.file', {
        filename: str(p.filename) ?? '',
        purpose: purpose && isPurpose(purpose) ? t(`purpose.${purpose}`) : (purpose ?? ''),
      }),
    );
  }
  if (str(p.reason)) lines.push(t('event.reason', { text: str(p.reason)! }));
  if (str(p.note)) lines.push(t('event.note', { text: str(p.note)! }));
  if (str(p.resolution)) lines.push(t('event.resolution', { text: str(p.resolution)! }));
  if (str(p.minutesAttachmentId)) {
    const file = ctx.attachments.find((a) => a.id === p.minutesAttachmentId);
    lines.push(t('event.minutes', { filename: file?.filename ?? '—' }));
  }
  const answer = str(p.answer);
  if (answer && isAnswer(answer)) lines.push(t('event.answer', { answer: t(`answer.${answer}`) }));
  if (p.appeal === true) lines.push(t('event.appeal'));
  if (typeof p.satisfaction === 'number') lines.push(t('event.satisfaction', { n: p.satisfaction }));
  if (str(p.comment)) lines.push(t('event.commentText', { text: str(p.comment)! }));
  if (str(p.referralBody)) lines.push(t('event.referral', { text: str(p.referralBody)! }));
  if (str(p.text)) lines.push(str(p.text)!);
  if ('assigneeId' in p && e.kind !== 'comment') {
    lines.push(p.assigneeId ? t('event.assignedTo', { name: person(p.assigneeId) }) : t('event.queue'));
  }
  // Sharing and referrals (case-access): who was added or removed, which service.
  if (e.kind === 'access_granted' || e.kind === 'access_revoked') {
    lines.push(t('event.person', { name: person(p.userId) }));
  }
  const service = str(p.service);
  if (service && isReferralService(service)) {
    lines.push(t('event.referralService', { service: t(`referrals.service.${service}`) }));
  }
  if (e.kind === 'published' && p.republished === true) lines.push(t('event.republished'));
  if (e.kind === 'recategorise') lines.push(...recategorisedLines(p, ctx));
  const level = str(p.handlingLevel);
  if (level) lines.push(t('event.level', { level: ctx.levelLabel(level) }));
  return lines;
}

/** What a recategorisation changed: category and type labels before → after, and the sensitivity. */
function recategorisedLines(p: Record<string, unknown>, { t, reference }: EventContext): string[] {
  const before = (p.previous ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  for (const [key, list] of [
    ['category', 'categories'],
    ['type', 'types'],
  ] as const) {
    const from = str(before[key]);
    const to = str(p[key]);
    if (to && from !== to) {
      const labels = { from: reference.label(list, from), to: reference.label(list, to) };
      lines.push(t(key === 'category' ? 'event.categoryChanged' : 'event.typeChanged', labels));
    }
  }
  if (typeof p.sensitive === 'boolean' && p.sensitive !== before.sensitive)
    lines.push(t(p.sensitive ? 'event.madeSensitive' : 'event.madeOrdinary'));
  return lines;
}

const SOURCES = ['staff', 'field', 'import', 'public'] as const;
const PURPOSES = ['evidence', 'minutes', 'investigation'] as const;
const ANSWERS = ['accepted', 'rejected', 'no_response'] as const;
const isReferralService = (s: string): s is ReferralService =>
  (REFERRAL_SERVICES as readonly string[]).includes(s);
const isSource = (s: string): s is (typeof SOURCES)[number] => (SOURCES as readonly string[]).includes(s);
const isPurpose = (s: string): s is (typeof PURPOSES)[number] => (PURPOSES as readonly string[]).includes(s);
const isAnswer = (s: string): s is (typeof ANSWERS)[number] => (ANSWERS as readonly string[]).includes(s);
