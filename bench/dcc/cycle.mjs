/**
 * The DCC benchmark's cycle: created from the COSO seed template over the bench communes, its instances made by
 * the module's `generateInstances` (timed beside a bare INSERT … SELECT of the same rows), facilitators
 * assigned 30 villages each, then a deterministic share of the instances moved on (submitted, validated,
 * returned, drafts) by set-based SQL.
 */
import { SYSTEM_CONTEXT } from '../../packages/server/dist/context.js';
import { generateInstances } from '../../packages/server/dist/modules/dcc/instances/generate.js';

export const CYCLE_NAME = 'COSO bench';
export const VILLAGES_PER_FACILITATOR = 30;
/** Every timestamp the generator writes is relative to this instant (no wall clock in the data). */
export const BENCH_NOW = '2027-06-01T08:00:00Z';

/**
 * The same rows `generateInstances` makes, written by hand for this geography (the areas are communes, so no
 * ancestor of an area holds a task; no conflict handling): the work's floor.
 */
const BARE_GENERATE = /* sql */ `
insert into dcc_task_instances (id, cycle_id, task_id, unit_id, unit_kind, scope_path)
select gen_random_uuid(), t.cycle_id, t.id, u.id, u.kind, u.path
  from dcc_tasks t
  join (
    select u.level, u.id, 'geo' as kind, u.path
      from dcc_cycle_areas ca join geo_units a on a.id = ca.unit_id
      join geo_units u on u.path like a.path || '%'
     where ca.cycle_id = $1
    union all
    select 'cvd', g.id, 'cvd', k.path
      from dcc_cycle_areas ca join geo_units a on a.id = ca.unit_id
      join geo_units k on k.level = 'canton' and k.path like a.path || '%'
      join village_groups g on g.canton_id = k.id and g.kind = 'cvd'
     where ca.cycle_id = $1
  ) u on u.level = t.level
 where t.cycle_id = $1`;

async function clearInstances(db, cycleId) {
  // Without the row-deletion trigger (migration 0025: removals for every facilitator of the cycle, one
  // dcc_village_instances per active assignment and row: hours over 10,000 assignments): nothing is on a
  // device yet, the bench's cycle is not active.
  await db.transaction(async (tx) => {
    await tx.query('alter table dcc_task_instances disable trigger dcc_task_instances_sync_delete');
    await tx.query('delete from dcc_task_instances where cycle_id = $1', [cycleId]);
    await tx.query('alter table dcc_task_instances enable trigger dcc_task_instances_sync_delete');
  });
  // Dead rows of the previous round would slow the next one's index inserts: gone, as autovacuum would.
  await db.exec('vacuum (analyze) dcc_task_instances');
}

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/**
 * Bare SQL, then `generateInstances`, `rounds` times (A B A B …, each on an empty table), both in one
 * transaction like the cycle's activation. The last platform round's rows stay.
 */
export async function timeGenerate(db, cycleId, rounds = 1) {
  const bare = [];
  const platform = [];
  let instances = 0;
  for (let r = 0; r < rounds; r++) {
    await clearInstances(db, cycleId);
    let t = process.hrtime.bigint();
    const [{ n }] = await db.transaction(async (tx) =>
      tx.query(`with ins as (${BARE_GENERATE} returning 1) select count(*)::int as n from ins`, [cycleId]),
    );
    bare.push(ms(t));
    await clearInstances(db, cycleId);
    t = process.hrtime.bigint();
    instances = await db.transaction((tx) => generateInstances(tx, cycleId));
    platform.push(ms(t));
    if (n !== instances) throw new Error(`bare SQL made ${n} instances, generateInstances ${instances}`);
  }
  return { bare, platform, instances };
}

/**
 * Moves a deterministic share of the cycle's instances on, by one ranking of the instances (a hash of their
 * rank by task code and unit id): the first `submitted` are submitted, the next validated, returned, drafts.
 * Answers are small objects (the bench measures queues, pulls and counts, not validation: bench/forms does).
 * Runs once: a cycle that already has submitted instances is left as it is.
 */
export async function markSubmitted(db, cycleId, submitted, seed) {
  const [{ n: already }] = await db.query(
    `select count(*)::int as n from dcc_task_instances where cycle_id = $1 and status = 'submitted'`,
    [cycleId],
  );
  if (already > 0) return already;
  const salt = [...String(seed)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
  const validated = submitted * 2;
  const returned = Math.round(submitted / 10);
  const drafts = Math.round(submitted / 5);
  await db.transaction(async (tx) => {
    await tx.query(
      `with ranked as (
         select ti.id, row_number() over (order by abs(hashint4(r.k::int + $2)), r.k) as pos, r.k
           from (select ti.id, row_number() over (order by t.code, ti.unit_id) as k
                   from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
                  where ti.cycle_id = $1) r
           join dcc_task_instances ti on ti.id = r.id
       ), moved as (
         select id, pos, k,
                case when pos <= $3 then 'submitted' when pos <= $3 + $4 then 'validated'
                     when pos <= $3 + $4 + $5 then 'returned' else 'draft' end as status,
                $7::timestamptz - make_interval(mins => abs(hashint4(k::int + $2 + 1)) % (60 * 1440)) as at
           from ranked where pos <= $3 + $4 + $5 + $6
       )
       update dcc_task_instances ti
          set status = m.status,
              version = case m.status when 'draft' then 2 when 'submitted' then 3 else 4 end,
              answers = jsonb_build_object('date_reunion', to_char(m.at, 'YYYY-MM-DD'),
                          'hommes', 5 + m.k % 40, 'femmes', 5 + (m.k * 7) % 40, 'menages', 10 + m.k % 60,
                          'observations', 'Réunion tenue avec la participation de la communauté.'),
              return_comment = case when m.status = 'returned'
                                    then 'Merci de joindre la photo de la liste de présence.' end,
              updated_at = m.at,
              submitted_at = case when m.status <> 'draft' then m.at end,
              reviewed_at = case when m.status in ('validated', 'returned') then m.at + interval '2 days' end
         from moved m where m.id = ti.id`,
      [cycleId, salt, submitted, validated, returned, drafts, BENCH_NOW],
    );
    // Their facilitator: the one assigned to the village, to the CVD's seat, or to the first village below.
    await tx.query(
      `update dcc_task_instances ti set updated_by = a.facilitator_id
         from dcc_assignments a
        where ti.cycle_id = $1 and ti.status <> 'todo' and ti.unit_kind = 'geo'
          and a.cycle_id = ti.cycle_id and a.active and a.village_id = ti.unit_id`,
      [cycleId],
    );
    await tx.query(
      `update dcc_task_instances ti set updated_by = a.facilitator_id
         from village_groups g join dcc_assignments a on a.village_id = g.headquarters_village_id and a.active
        where ti.cycle_id = $1 and ti.status <> 'todo' and ti.unit_kind = 'cvd'
          and g.id = ti.unit_id and a.cycle_id = ti.cycle_id`,
      [cycleId],
    );
    await tx.query(
      `update dcc_task_instances ti
          set updated_by = (select a.facilitator_id from dcc_assignments a join geo_units v on v.id = a.village_id
                             where a.cycle_id = ti.cycle_id and a.active and v.path like ti.scope_path || '%'
                             order by v.code limit 1)
        where ti.cycle_id = $1 and ti.status <> 'todo' and ti.updated_by is null`,
      [cycleId],
    );
    await tx.query(
      `update dcc_task_instances
          set submitted_by = case when submitted_at is not null then updated_by end,
              reviewed_by = case when reviewed_at is not null then (select id from users where username = $2) end
        where cycle_id = $1 and status <> 'todo'`,
      [cycleId, 'specialiste.dcc'],
    );
    await tx.query(
      `insert into dcc_task_events (instance_id, kind, version, actor_id, comment, at)
       select ti.id, e.kind, e.version, case when e.kind in ('validated', 'returned') then ti.reviewed_by else ti.updated_by end,
              case when e.kind = 'returned' then ti.return_comment end, e.at
         from dcc_task_instances ti
         cross join lateral (values ('draft_saved', 2, ti.updated_at - interval '1 hour'),
                                    ('submitted', 3, ti.submitted_at),
                                    (ti.status, 4, ti.reviewed_at)) e(kind, version, at)
        where ti.cycle_id = $1 and ti.status <> 'todo' and e.at is not null
          and e.kind in ('draft_saved', 'submitted', 'validated', 'returned')`,
      [cycleId],
    );
  });
  const [{ n }] = await db.query(
    `select count(*)::int as n from dcc_task_instances where cycle_id = $1 and status = 'submitted'`,
    [cycleId],
  );
  return n;
}

/**
 * Facilitators for the whole cycle, 30 villages each in code order: `bench.facilitateur` (made by the user
 * service, the account the pull is measured with) holds the first 30; the others (`bench.f0001` …) are copies
 * of its row with their own ids, by SQL (hashing 300 passwords would only slow the generator). The assignments
 * are rows of the module's table. Runs once.
 */
export async function assignFacilitators(db, services, cycleId, seed) {
  const [{ n: already }] = await db.query(
    'select count(*)::int as n from dcc_assignments where cycle_id = $1 and active',
    [cycleId],
  );
  if (already > 0) return already;
  const villages = await db.query(
    `select id from geo_units where level = 'village' and code like 'BX-V%' order by code limit $1`,
    [VILLAGES_PER_FACILITATOR],
  );
  const [existing] = await db.query(`select id from users where username = 'bench.facilitateur'`);
  const first =
    existing ??
    (await services.users.create(SYSTEM_CONTEXT, {
      username: 'bench.facilitateur',
      displayName: 'Animateur du banc DCC',
      email: 'bench.facilitateur@coso.example.org',
      locale: 'fr',
      roles: ['facilitator'],
      jurisdictionIds: villages.map((v) => v.id),
      password: 'Demo-COSO-2027',
    }));
  const s = String(seed).replace(/[^a-z0-9-]/gi, '');
  const uid = `overlay(overlay(md5('${s}/facilitator/' || f.k) placing '4' from 13) placing '8' from 17)::uuid`;
  await db.transaction(async (tx) => {
    // Village k (in code order) goes to facilitator k / 30; facilitator 0 is bench.facilitateur.
    await tx.exec(`create temporary table bench_villages on commit drop as
      select id, path, (row_number() over (order by code) - 1) / ${VILLAGES_PER_FACILITATOR} as k
        from geo_units where level = 'village' and code like 'BX-V%'`);
    await tx.query(
      `insert into users (id, username, email, display_name, locale, password_hash)
       select ${uid}, 'bench.f' || lpad(f.k::text, 4, '0'), 'bench.f' || lpad(f.k::text, 4, '0') || '@coso.example.org',
              'Animateur ' || f.k, 'fr', u.password_hash
         from (select distinct k from bench_villages where k > 0) f cross join users u where u.id = $1`,
      [first.id],
    );
    await tx.exec(`insert into user_roles (user_id, role)
      select ${uid}, 'facilitator' from (select distinct k from bench_villages where k > 0) f`);
    await tx.exec(`insert into user_jurisdictions (user_id, unit_id)
      select ${uid}, f.id from bench_villages f where f.k > 0`);
    await tx.query(
      `insert into dcc_assignments (id, cycle_id, village_id, facilitator_id, assigned_at)
       select gen_random_uuid(), $1, f.id, case when f.k = 0 then $2::uuid else ${uid} end, $3::timestamptz
         from bench_villages f`,
      [cycleId, first.id, BENCH_NOW],
    );
  });
  return (await db.query('select count(*)::int as n from dcc_assignments where cycle_id = $1', [cycleId]))[0]
    .n;
}

/**
 * The bench cycle (created once, in draft: its instances are made by timeGenerate, then it is marked active) from
 * the COSO seed template over the bench communes, through the module's cycle service.
 */
export async function createBenchCycle(db, services, communeIds) {
  const [found] = await db.query('select id from dcc_cycles where name = $1', [CYCLE_NAME]);
  let id = found?.id;
  if (!id) {
    if (!services.dccCycles)
      throw new Error('the DCC cycle service (services.dccCycles) is not in this build');
    const cycle = await services.dccCycles.create(SYSTEM_CONTEXT, {
      name: CYCLE_NAME,
      year: 2027,
      startsOn: '2027-01-15',
      endsOn: '2027-12-15',
      areaIds: communeIds,
      template: 'coso',
    });
    id = cycle.id;
  }
  const [{ tasks, instances }] = await db.query(
    `select (select count(*)::int from dcc_tasks where cycle_id = $1) as tasks,
            (select count(*)::int from dcc_task_instances where cycle_id = $1) as instances`,
    [id],
  );
  return { id, tasks, instances };
}
