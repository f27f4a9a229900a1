/**
 * Fills a database with N synthetic grievance cases for the reporting benchmarks (bench/reports/run.mjs).
 *
 *   node bench/reports/generate.mjs --cases 1000000 [--pglite DIR]       (else DATABASE_URL)
 *
 * The database gets the demo geography and accounts first (like `npm start`), then cases are inserted by
 * set-based SQL in batches: realistic spreads of category, channel, status, place (every demo village),
 * dates over two years, consistent lifecycle timestamps, handler and deadlines. Needs `npm run build`.
 */
import { parseArgs } from 'node:util';
import { openBench } from './db.mjs';

/*
 * One row per i in [$1, $2]. Pseudo-random but deterministic choices come from hashing i with a salt, so a
 * re-run produces the same data. Villages, categories and handlers are read from the seeded tables.
 */
const INSERT_CASES = /* sql */ `
with villages as (
  select row_number() over (order by code) - 1 as k, id, path from geo_units where level = 'village'
), nv as (select count(*) as n from villages),
categories as (select code, sensitive from reference_items where list = 'category' and active),
-- Handlers: the focal points (ordinary cases) and sensitive-case focal points covering each place.
handlers as (
  select u.id, r.role, g.path from users u
    join user_roles r on r.user_id = u.id and r.role in ('focal_point', 'sensitive_focal_point')
    join user_jurisdictions j on j.user_id = u.id join geo_units g on g.id = j.unit_id
),
g as (
  select i,
         abs(hashint4(i)) as h1, abs(hashint4(i + 7919)) as h2, abs(hashint4(i + 104729)) as h3,
         abs(hashint4(i + 15485863)) as h4
    from generate_series($1::int, $2::int) i
), rows as (
  select g.*, v.id as village_id, v.path, c.code as category, c.sensitive,
         (array['in_person','in_person','in_person','hotline','hotline','suggestion_box','community_meeting','sms','letter'])[1 + g.h2 % 9] as channel,
         (array['received','acknowledged','in_progress','in_progress','resolution_proposed','closed','closed','closed','closed','escalated','appealed','unresolved','withdrawn','referred','ineligible'])[1 + g.h3 % 15] as status,
         now() - make_interval(mins => (g.h4 % (730 * 1440))) as received_at,
         (select h.id from handlers h
           where v.path like h.path || '%'
             and h.role = case when c.sensitive then 'sensitive_focal_point' else 'focal_point' end
           order by h.id limit 1) as assignee_id
    from g
    join villages v on v.k = g.h1 % (select n from nv)
    -- Weighted like a real register: works and targeting first, 2 sensitive categories of 25 draws.
    join categories c on c.code = (array['works','works','works','works','works','works','exclusion','exclusion',
      'exclusion','targeting','targeting','targeting','payments','payments','conflicts','conflicts','safeguards',
      'safeguards','other','other','corruption','gbv_sea','other_programme','works','targeting'])[1 + g.h2 % 25]
)
insert into complaints (
  id, tracking_code, reference, type_code, category_code, channel_code, sensitive, status, closure_outcome,
  description, village_id, area_path, anonymous, gender, age_group, vulnerabilities, handling_level,
  handling_unit_id, assignee_id, escalation_count, appeal_count, satisfaction, received_at, acknowledged_at,
  resolution_proposed_at, closed_at, created_at, updated_at)
select gen_random_uuid(), 'BX' || lpad(to_hex(i), 10, '0'), 'BENCH-' || lpad(i::text, 8, '0'),
       (array['complaint','complaint','complaint','complaint','feedback','question'])[1 + h3 % 6],
       category, channel, sensitive, status,
       case when status = 'closed' then 'resolved' end,
       (array['Les travaux du forage du village ont été arrêtés depuis trois mois et la population attend toujours.',
              'Mon ménage ne figure pas sur la liste des bénéficiaires alors que nous remplissons les critères.',
              'Le paiement du transfert monétaire de ce trimestre n''a pas été reçu par plusieurs ménages.',
              'Un conflit foncier oppose deux familles au sujet du terrain prévu pour la construction de l''école.',
              'Les ouvriers du chantier ne portent pas d''équipement de protection et un accident a eu lieu.',
              'Le comité de gestion n''a pas rendu compte de l''utilisation des fonds de la cantine scolaire.'])[1 + h4 % 6],
       village_id, path, h1 % 5 = 0,
       (array['female','male','female','male','other'])[1 + h2 % 5],
       (array['under_18','18_35','18_35','36_59','36_59','60_plus'])[1 + h3 % 6],
       case when h4 % 7 = 0 then array['disability'] when h4 % 11 = 0 then array['widow'] else '{}' end,
       case when sensitive then 'country' else 'region' end,
       split_part(path, '/', case when sensitive then 2 else 3 end)::uuid,
       case when h2 % 10 = 0 then null else assignee_id end,
       case when status in ('escalated') then 1 else 0 end,
       case when status = 'appealed' then 1 else 0 end,
       case when status = 'closed' and h1 % 3 > 0 then 1 + h4 % 5 end,
       received_at,
       case when status not in ('received','ineligible') then received_at + make_interval(days => h2 % 9) end,
       case when status in ('resolution_proposed','closed','appealed','unresolved')
            then received_at + make_interval(days => 9 + h3 % 40) end,
       case when status in ('closed','withdrawn','referred','ineligible')
            then received_at + make_interval(days => 20 + h3 % 60) end,
       received_at, received_at
  from rows`;

// Acknowledge and resolve deadlines: 7 and 42 calendar days (≈ 5 and 30 business days), met when done.
const INSERT_DEADLINES = /* sql */ `
insert into complaint_deadlines (complaint_id, kind, started_on, due_date, remind_on, handling_level, met_at, breached_at)
select c.id, d.kind, c.received_at::date, (c.received_at + d.span)::date, (c.received_at + d.span - interval '3 days')::date,
       c.handling_level, d.met, case when d.met is null and (c.received_at + d.span) < now() then c.received_at + d.span end
  from complaints c
  cross join lateral (values
    ('acknowledge', interval '7 days', c.acknowledged_at),
    ('resolve', interval '42 days', coalesce(c.resolution_proposed_at, c.closed_at))) d(kind, span, met)
 where c.reference between $1 and $2`;

// The earliest open deadline, as the deadline sync keeps it on the case row.
const NEXT_DUE_DATES = /* sql */ `
update complaints c set next_due_date = (select min(due_date) from complaint_deadlines d
                                          where d.complaint_id = c.id and d.met_at is null)
 where c.reference between $1 and $2`;

// Publication review: most ordinary cases past intake have a published summary that supervisors read.
const PUBLISHED = /* sql */ `
update complaints set public_summary = 'Résumé publié : ' || category_code || ', vérification en cours.',
       published_at = received_at + interval '2 days'
 where reference between $1 and $2 and not sensitive and status <> 'received'`;

// handler_open_cases (migration 0019) as its triggers would have kept it.
const RECOUNT_OPEN_CASES = /* sql */ `
update handler_open_cases h
   set open_cases = (select count(*) from complaints c
                      where c.assignee_id = h.user_id and complaint_status_open(c.status))`;

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100000' }, pglite: { type: 'string' } },
});
const total = Number(values.cases);
const BATCH = 50_000;

const { db, close } = await openBench(values.pglite);
const [{ n: existing }] = await db.query('select count(*)::int as n from complaints');
console.log(`existing cases: ${existing}; adding ${total}`);

const started = Date.now();
for (let from = existing + 1; from <= existing + total; from += BATCH) {
  const to = Math.min(from + BATCH - 1, existing + total);
  await db.transaction(async (tx) => {
    // The per-row trigger would update the same few counter rows 50,000 times in one transaction (each update
    // walks the chain of versions the transaction left): recounted once below instead. DDL is transactional,
    // so a failed batch leaves the trigger on.
    await tx.exec('alter table complaints disable trigger complaints_open_cases_insert');
    await tx.query(INSERT_CASES, [from, to]);
    await tx.exec('alter table complaints enable trigger complaints_open_cases_insert');
    const range = [`BENCH-${String(from).padStart(8, '0')}`, `BENCH-${String(to).padStart(8, '0')}`];
    await tx.query(INSERT_DEADLINES, range);
    await tx.query(NEXT_DUE_DATES, range);
    await tx.query(PUBLISHED, range);
  });
  process.stdout.write(`\r${to - existing} / ${total} (${Math.round((Date.now() - started) / 1000)} s)`);
}
await db.exec(RECOUNT_OPEN_CASES);
// What autovacuum does to a production database between bursts: the visibility map set (index-only scans
// read no heap), dead versions of the batches' updates gone, statistics fresh. Without it, timings measure
// the generator's leftovers (issue #12: push creates at 4/s before VACUUM).
console.log(`\nvacuum analyze…`);
await db.exec('vacuum (analyze)');
console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
await close();
