import { COMPLAINT_STATUSES, type ComplaintStatus, type SyncRow } from '@coso/domain';
import type { FieldI18n } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { StatusBadge } from '../../ui/status-badge';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const isStatus = (v: unknown): v is ComplaintStatus =>
  typeof v === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(v);

/** The sentences of an event's payload: reason, note, resolution, answer, comment, referral. */
export function eventLines(
  payload: Record<string, unknown>,
  { t, tx }: Pick<FieldI18n, 't' | 'tx'>,
): string[] {
  const p = payload;
  const lines: string[] = [];
  if (text(p.reason)) lines.push(t('event.reason', { text: text(p.reason)! }));
  if (text(p.note)) lines.push(t('event.note', { text: text(p.note)! }));
  if (text(p.resolution)) lines.push(t('event.resolution', { text: text(p.resolution)! }));
  const answer = text(p.answer);
  if (answer) lines.push(t('event.answer', { answer: tx(`answer.${answer}`, answer) }));
  if (p.appeal === true) lines.push(t('event.appeal'));
  if (typeof p.satisfaction === 'number') lines.push(t('event.satisfaction', { n: p.satisfaction }));
  if (text(p.comment)) lines.push(text(p.comment)!);
  if (text(p.referralBody)) lines.push(t('event.referral', { text: text(p.referralBody)! }));
  if (text(p.text)) lines.push(text(p.text)!);
  if (text(p.filename)) lines.push(text(p.filename)!);
  return lines;
}

/** Every event of the case, oldest first; those still queued on the phone are marked. */
export function CaseTimeline({ events }: { events: readonly SyncRow[] }) {
  const i18n = useT();
  const { t, tx, formatDate } = i18n;
  return (
    <section className="mb-4" aria-labelledby="case-timeline">
      <h2 id="case-timeline" className="h5">
        {t('case.timeline')}
      </h2>
      {events.length === 0 && <p className="text-body-secondary">{t('case.noEvents')}</p>}
      <ol className="field-timeline">
        {events.map((e) => {
          const kind = text(e.kind) ?? text(e.action) ?? '';
          const payload = (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Record<
            string,
            unknown
          >;
          const actor = text(e.actorName) ?? text((e.actor as { displayName?: unknown } | null)?.displayName);
          const from = e.fromStatus;
          const to = e.toStatus;
          return (
            <li key={e.id} className={e.pending ? 'pending' : undefined}>
              <div className="d-flex flex-wrap align-items-center gap-2">
                <strong>{tx(`event.${kind}`, kind)}</strong>
                {isStatus(to) && from !== to && <StatusBadge status={to} />}
                {e.pending === true && <span className="badge text-bg-warning">{t('event.pending')}</span>}
              </div>
              <div className="small text-body-secondary">
                {actor ?? t('event.system')} · {formatDate(e.at ?? e.createdAt ?? e.clientTime)}
              </div>
              {eventLines(payload, i18n).map((line) => (
                <p key={line} className="mb-0 pre-wrap">
                  {line}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
