import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../test/harness.js';
import { holdsDemoData, seedDemo } from './demo.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]?.n;

describe('demo data', () => {
  it('seeds Togo: 5 regions, 39 prefectures, northern villages with CVDs, and one account per role', async () => {
    expect(await holdsDemoData(t.db)).toBe(false);
    expect(await seedDemo(t.db, t.services)).toBe(true);
    expect(await count(`select count(*)::int as n from geo_units where level = 'region'`)).toBe(5);
    expect(await count(`select count(*)::int as n from geo_units where level = 'prefecture'`)).toBe(39);
    const villages = await count(`select count(*)::int as n from geo_units where level = 'village'`);
    expect(villages).toBeGreaterThanOrEqual(300);
    const outsideCvd = await count(
      `select count(*)::int as n from geo_units v where v.level = 'village'
        and not exists (select 1 from village_group_members m where m.village_id = v.id and m.kind = 'cvd')`,
    );
    expect(outsideCvd).toBe(0);
    const roles = await t.db.query<{ role: string }>('select distinct role from user_roles order by role');
    expect(roles.map((r) => r.role)).toEqual([
      'admin',
      'analyst',
      'cdd_specialist',
      'facilitator',
      'finance_officer',
      'focal_point',
      'grm_officer',
      'infrastructure_specialist',
      'sensitive_focal_point',
      'supervisor',
    ]);
    expect(await holdsDemoData(t.db)).toBe(true);
  }, 300_000);

  it('seeds plausible complaints at every stage, routed to the regional focal points', async () => {
    const rows = await t.db.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from complaints group by status order by status',
    );
    expect(rows.map((r) => r.status)).toEqual([
      'acknowledged',
      'closed',
      'in_progress',
      'received',
      'resolution_proposed',
    ]);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(60);
    const kara = await t.db.query<{ username: string }>(
      `select distinct u.username from complaints c join users u on u.id = c.assignee_id
        join geo_units r on c.area_path like r.path || '%' where r.code = 'TG-K' and not c.sensitive`,
    );
    expect(kara.map((r) => r.username)).toEqual(['focal.kara']);
  });

  it('seeds a living DCC cycle: facilitators assigned, tasks validated, submitted, returned and drafted', async () => {
    const rows = await t.db.query<{ status: string; n: number }>(
      `select ti.status, count(*)::int as n from dcc_task_instances ti
         join dcc_cycles c on c.id = ti.cycle_id where c.status = 'active' group by ti.status order by ti.status`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const status of ['draft', 'returned', 'submitted', 'todo', 'validated'])
      expect(by[status]).toBeGreaterThan(0);
    const assigned = await t.db.query<{ username: string }>(
      `select distinct u.username from dcc_assignments s join users u on u.id = s.facilitator_id
        where s.active order by u.username`,
    );
    expect(assigned.map((r) => r.username)).toEqual(['facilitateur.kara', 'facilitateur.savanes']);
    // Every submitted or reviewed task went through the form engine and carries its required files.
    const unfit = await count(
      `select count(*)::int as n from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
        where ti.status in ('submitted', 'validated', 'returned')
          and (t.form_id is not null and ti.form_version_id is null
               or exists (select 1 from jsonb_array_elements(t.attachment_slots) s
                           where (s->>'required')::boolean
                             and not exists (select 1 from dcc_task_files f
                                              where f.instance_id = ti.id and f.slot = s->>'key')))`,
    );
    expect(unfit).toBe(0);
  });

  it('seeds sub-projects at every step, whose status, % and amount spent are what their events give', async () => {
    const rows = await t.db.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from mis_subprojects group by status order by status',
    );
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(30);
    for (const status of [
      'identified',
      'works_in_progress',
      'interrupted',
      'final_acceptance',
      'not_approved',
    ])
      expect(rows.map((r) => r.status)).toContain(status);
    const drift = await count(
      `select count(*)::int as n from mis_subprojects s
        where s.amount_spent <> (select coalesce(sum(e.amount_spent), 0) from mis_subproject_events e
                                  where e.subproject_id = s.id and e.kind = 'step'
                                    and not exists (select 1 from mis_subproject_events x where x.voids = e.id))
           or s.status <> (select e.step from mis_subproject_events e where e.subproject_id = s.id
                            order by e.seq desc limit 1)`,
    );
    expect(drift).toBe(0);
    const unsigned = await count(
      `select count(*)::int as n from mis_subprojects s
        where exists (select 1 from mis_subproject_events e where e.subproject_id = s.id and e.step = 'contract_signed')
          and not exists (select 1 from mis_contracts c where c.subproject_id = s.id and c.kind = 'works')`,
    );
    expect(unsigned).toBe(0);
    // The history ends before today, whenever the demo is seeded (the screens record today's progress).
    const future = await count(
      `select ((select count(*) from mis_subproject_events where event_date > current_date)
             + (select count(*) from mis_allocations where allocated_on > current_date)
             + (select count(*) from mis_transfers where transferred_on > current_date)
             + (select count(*) from mis_disbursements where disbursed_on > current_date)
             + (select count(*) from mis_payments where paid_on > current_date))::int as n`,
    );
    expect(future).toBe(0);
    expect(
      await count(`select count(*)::int as n from mis_subproject_files where kind = 'photo'`),
    ).toBeGreaterThan(0);
  });

  it('lets every demo account log in with the documented password and gives them their jurisdiction', async () => {
    for (const demo of DEMO_USERS) {
      const s = await login(t, demo.username, DEMO_PASSWORD);
      const me = (await t.app.inject({ url: '/api/v1/me', headers: { cookie: s.cookie } })).json();
      expect(me.roles).toEqual(demo.roles);
      expect(me.jurisdictions.map((j: { code: string }) => j.code).sort()).toEqual(
        [...demo.jurisdictions].sort(),
      );
    }
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await count('select count(*)::int as n from geo_units');
    expect(await seedDemo(t.db, t.services)).toBe(false);
    expect(await count('select count(*)::int as n from geo_units')).toBe(before);
    expect(await count('select count(*)::int as n from users')).toBe(DEMO_USERS.length);
    expect(await count('select count(*)::int as n from mis_subprojects')).toBe(30);
  });
});
