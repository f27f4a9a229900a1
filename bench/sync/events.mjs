/**
 * Adds case timelines to a database filled by bench/reports/generate.mjs (which writes cases and deadlines
 * only), so that the field sync benchmark pulls what a phone really receives: each case with its events.
 *
 *   node bench/sync/events.mjs [--pglite DIR]       (else DATABASE_URL)
 *
 * Set-based and deterministic: every generated case (reference BENCH-…) gets the events its status implies,
 * in lifecycle order and at its own lifecycle timestamps — created; acknowledge; start; propose_resolution;
 * record_answer, escalate, declare_unresolved, withdraw, refer or reject_ineligible — plus a comment on one
 * case in three: ≈ 4 events per case, payloads shaped like the ones the application writes.
 * Refuses to run twice on the same database.
 */
import { parseArgs } from 'node:util';
import { openBench } from '../reports/db.mjs';

const INSERT_EVENTS = /* sql */ `
with c as (
  select id, status, channel_code, assignee_id, handling_level, received_at, acknowledged_at,
         resolution_proposed_at, closed_at, satisfaction, abs(hashtext(reference)) as h
    from complaints where reference between $1 and $2
), steps as (
  select c.id, c.assignee_id, e.n, e.at, e.kind, e.from_status, e.to_status, e.payload
    from c cross join lateral (values
      (1, c.received_at, 'created', null, 'received',
       jsonb_build_object('source', 'staff', 'channel', c.channel_code, 'assigneeId', c.assignee_id,
                          'handlingLevel', c.handling_level), true),
      (2, c.received_at + interval '1 hour', 'reject_ineligible', 'received', 'ineligible',
       '{"reason": "La plainte ne concerne pas le projet."}'::jsonb, c.status = 'ineligible'),
      (3, c.acknowledged_at, 'acknowledge', 'received', 'acknowledged', '{}'::jsonb,
       c.acknowledged_at is not null),
      (4, c.acknowledged_at + interval '1 day', 'start', 'acknowledged', 'in_progress', '{}'::jsonb,
       c.status not in ('received', 'acknowledged', 'ineligible')),
      (5, c.acknowledged_at + interval '2 days', 'comment', null, null,
       '{"text": "Visite de terrain prévue avec le comité villageois la semaine prochaine."}'::jsonb,
       c.h % 3 = 0 and c.acknowledged_at is not null),
      (6, c.resolution_proposed_at, 'propose_resolution', 'in_progress', 'resolution_proposed',
       '{"resolution": "Le comité a rencontré les parties et un accord a été trouvé."}'::jsonb,
       c.resolution_proposed_at is not null),
      (7, coalesce(c.closed_at, c.resolution_proposed_at + interval '5 days'), 'record_answer',
       'resolution_proposed', case c.status when 'closed' then 'closed' else 'appealed' end,
       jsonb_build_object('answer', case c.status when 'closed' then 'accepted' else 'rejected' end,
                          'appeal', c.status <> 'closed', 'satisfaction', c.satisfaction),
       c.status in ('closed', 'appealed', 'unresolved')),
      (8, c.resolution_proposed_at + interval '10 days', 'declare_unresolved', 'appealed', 'unresolved',
       '{"reason": "Le recours n''a pas abouti à un accord."}'::jsonb, c.status = 'unresolved'),
      (9, c.acknowledged_at + interval '15 days', 'escalate', 'in_progress', 'escalated',
       '{"reason": "Délai de traitement local dépassé."}'::jsonb, c.status = 'escalated'),
      (10, c.closed_at, 'withdraw', 'in_progress', 'withdrawn',
       '{"reason": "Le plaignant a retiré sa plainte."}'::jsonb, c.status = 'withdrawn'),
      (11, c.closed_at, 'refer', 'in_progress', 'referred',
       '{"referralBody": "Direction préfectorale de l''action sociale", "reason": "Hors du champ du projet."}'::jsonb,
       c.status = 'referred')
    ) e(n, at, kind, from_status, to_status, payload, present)
   where e.present
)
insert into complaint_events (complaint_id, at, actor_id, kind, from_status, to_status, payload)
select id, at, case when kind = 'created' then null else assignee_id end, kind, from_status, to_status, payload
  from steps order by id, n`;

const { values } = parseArgs({ options: { pglite: { type: 'string' } } });
const { db, close } = await openBench(values.pglite);
const [{ cases, first, last, events }] = await db.query(
  `select (select count(*)::int from complaints where reference like 'BENCH-%') as cases,
          (select min(substr(reference, 7)::int) from complaints where reference like 'BENCH-%') as first,
          (select max(substr(reference, 7)::int) from complaints where reference like 'BENCH-%') as last,
          (select count(*)::int from complaint_events e join complaints c on c.id = e.complaint_id
            where c.reference like 'BENCH-%') as events`,
);
if (events > 0) {
  console.error(`the ${cases} generated cases already have ${events} events: nothing done`);
  await close();
  process.exit(1);
}
console.log(`adding timelines to ${cases} generated cases`);
const BATCH = 25_000;
const started = Date.now();
const ref = (i) => `BENCH-${String(i).padStart(8, '0')}`;
for (let from = first; from <= last; from += BATCH) {
  const to = Math.min(from + BATCH - 1, last);
  await db.transaction((tx) => tx.query(INSERT_EVENTS, [ref(from), ref(to)]));
  process.stdout.write(`\r${to - first + 1} / ${cases} (${Math.round((Date.now() - started) / 1000)} s)`);
}
const [{ n }] = await db.query('select count(*)::int as n from complaint_events');
console.log(`\n${n} events in all (${(n / cases).toFixed(1)} per case); analyze…`);
await db.exec('analyze complaint_events');
console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
await close();
