import type { Actor, Role } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeTree, type TestApp, type TestUnit } from '../../../test/harness.js';
import { complaintsByArea } from './by-area.js';
import { complaintIndicators } from './indicators.js';
import { median } from './rollup.js';
import { refreshRollup, rollupState } from './rollup-build.js';
import { complaintSummary } from './summary.js';

/**
 * The rollup must give exactly the live figures: the same summary, indicators and map data computed both
 * ways over varied generated cases (statuses, months, deadlines met or not, durations over weekends and a
 * holiday, satisfaction, vulnerabilities, sensitive cases).
 */

const TODAY = '2026-07-15';
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const actor = (roles: Role[], units: TestUnit[]): Actor => ({
  id: '00000000-0000-0000-0000-000000000001',
  roles,
  jurisdictions: units.map((u) => ({ unitId: u.id, path: u.path })),
});

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await t.db.query(
    `insert into public_holidays (date, label_fr, label_en, kind) values ('2026-03-16', 'Férié', 'Holiday', 'movable')`,
  );
  const villages = [...tree.a.villages, ...tree.b.villages];
  // 420 cases, deterministic variety from the row number.
  await t.db.query(
    `insert into complaints (id, tracking_code, reference, type_code, category_code, channel_code, sensitive, status,
                             description, village_id, area_path, anonymous, handling_level, handling_unit_id,
                             gender, age_group, vulnerabilities, satisfaction, escalation_count, appeal_count,
                             received_at, acknowledged_at, resolution_proposed_at, closed_at, next_due_date)
     select gen_random_uuid(), 'RL' || lpad(g::text, 6, '0'), 'ROLL-' || g,
            (array['complaint', 'question', 'suggestion'])[1 + g % 3],
            case when g % 11 = 0 then 'gbv_sea' else (array['works', 'land', 'other'])[1 + g % 3] end,
            (array['hotline', 'in_person', 'sms', 'web'])[1 + g % 4], g % 11 = 0,
            (array['received', 'acknowledged', 'in_progress', 'resolution_proposed', 'closed', 'escalated'])[1 + g % 6],
            'Cas généré ' || g, (v.ids)[1 + g % 6], (v.paths)[1 + g % 6], g % 5 = 0, 'commune', (v.ids)[1 + g % 6],
            (array['female', 'male', null])[1 + g % 3], (array['18_35', '36_60', null, '60_plus'])[1 + g % 4],
            case when g % 7 = 0 then array['disability'] when g % 9 = 0 then array['widow', 'disability']
                 else '{}'::text[] end,
            case when g % 6 = 4 and g % 4 > 0 then 1 + g % 5 end, (g % 13 = 0)::int, (g % 17 = 0)::int,
            r.at, case when g % 6 > 0 then r.at + make_interval(days => g % 9) end,
            case when g % 6 >= 3 then r.at + make_interval(days => 5 + g % 23) end,
            case when g % 6 = 4 then r.at + make_interval(days => 10 + g % 29) end,
            case when g % 6 in (0, 1, 2, 5) then date '2026-07-01' + (g % 30) end
       from generate_series(1, 420) g
      cross join (select $1::uuid[] as ids, $2::text[] as paths) v
      cross join lateral (select timestamptz '2026-01-02 08:00+00' + make_interval(days => (g * 37) % 190) as at) r`,
    [villages.map((u) => u.id), villages.map((u) => u.path)],
  );
  await t.db.query(
    `insert into complaint_deadlines (complaint_id, kind, started_on, due_date, remind_on, handling_level, met_at)
     select id, k.kind, received_at::date, received_at::date + k.days, received_at::date + k.days, 'commune',
            case when k.kind = 'acknowledge' then acknowledged_at else resolution_proposed_at end
       from complaints cross join (values ('acknowledge', 4), ('resolve', 20)) k(kind, days)
      where reference like 'ROLL-%' and (k.kind = 'acknowledge' or acknowledged_at is not null)`,
  );
});
afterAll(() => t?.close());

const strip = <T extends object>(o: T) => {
  const { source, asOf, ...rest } = o as T & { source: string; asOf: Date };
  return { source, rest };
};

describe('summary rollup', () => {
  it('gives the live figures for every scope and whole-month filter', async () => {
    const cases: Array<[Actor, Parameters<typeof complaintSummary>[2]]> = [
      [actor(['grm_officer'], [tree.country]), {}],
      [actor(['grm_officer'], [tree.country]), { from: '2026-02-01', to: '2026-04-30' }],
      [actor(['grm_officer'], [tree.country]), { area: tree.a.region.id }],
      [actor(['grm_officer'], [tree.country]), { area: tree.b.commune.id, to: '2026-12-31' }],
      [actor(['focal_point'], [tree.a.region]), { from: '2026-03-01' }],
      [actor(['sensitive_focal_point'], [tree.country]), {}],
      [actor(['analyst'], [tree.a.prefecture, tree.b.region]), { to: '2026-05-31' }],
    ];
    const live = [];
    for (const [a, q] of cases) live.push(await complaintSummary(t.db, a, q, TODAY));
    expect(live[0]!.received).toBe(420 - 38);
    expect(live[0]!.sensitiveTotal).toBe(38);
    // Rich enough to compare: several months, durations, rates and every dimension filled.
    expect(live[0]!.trend.length).toBeGreaterThanOrEqual(6);
    expect(live[0]!.daysToResolve.median).not.toBeNull();
    expect(live[0]!.acknowledgedWithinDeadline.rate).toBeGreaterThan(0);
    expect(live[0]!.acknowledgedWithinDeadline.rate).toBeLessThan(100);
    expect(live[0]!.overdue).toBeGreaterThan(0);
    expect(live[0]!.byVulnerability.length).toBe(2);
    expect(live[0]!.satisfaction.length).toBeGreaterThan(1);
    await refreshRollup(t.db, TODAY);
    for (const [i, [a, q]] of cases.entries()) {
      const rolled = strip(await complaintSummary(t.db, a, q, TODAY));
      const expected = strip(live[i]!);
      expect(expected.source).toBe('live');
      expect(rolled.source, JSON.stringify(q)).toBe('rollup');
      expect(rolled.rest, JSON.stringify(q)).toEqual(expected.rest);
    }
  });

  it('gives the live indicators and map data', async () => {
    const officer = actor(['grm_officer'], [tree.country]);
    await t.db.query('delete from report_rollup_state');
    const liveIndicators = await complaintIndicators(t.db, officer, { months: 12 }, TODAY);
    const liveMap = await complaintsByArea(t.db, officer, { level: 'commune', version: 'public' }, TODAY);
    await refreshRollup(t.db, TODAY);
    const indicators = strip(await complaintIndicators(t.db, officer, { months: 12 }, TODAY));
    expect(indicators.source).toBe('rollup');
    expect(indicators.rest).toEqual(strip(liveIndicators).rest);
    const map = strip(await complaintsByArea(t.db, officer, { level: 'commune', version: 'public' }, TODAY));
    expect(map.source).toBe('rollup');
    expect(map.rest).toEqual(strip(liveMap).rest);
  });

  it('answers live what it cannot answer exactly, and when it is stale', async () => {
    await refreshRollup(t.db, TODAY);
    const officer = actor(['grm_officer'], [tree.country]);
    const source = async (q: Parameters<typeof complaintSummary>[2], a = officer, today = TODAY) =>
      (await complaintSummary(t.db, a, q, today)).source;
    expect(await source({ category: 'works' })).toBe('live');
    expect(await source({ from: '2026-02-10' })).toBe('live');
    expect(await source({ to: '2026-02-10' })).toBe('live');
    // Drill-down under a canton: villages, finer than the rollup.
    expect(await source({ area: tree.a.canton.id })).toBe('live');
    expect(await source({}, actor(['focal_point'], [tree.a.canton]))).toBe('live');
    expect(await source({}, officer, '2026-07-16')).toBe('live');
    await t.db.query(`update report_rollup_state set built_at = now() - interval '31 minutes'`);
    expect(await source({})).toBe('live');
    expect((await rollupState(t.db))!.builtFor).toBe(TODAY);
  });

  it('takes medians from histograms as percentile_cont does', () => {
    expect(median(new Map())).toBeNull();
    expect(median(new Map([[3, 1]]))).toBe(3);
    expect(
      median(
        new Map([
          [1, 1],
          [4, 1],
        ]),
      ),
    ).toBe(2.5);
    expect(
      median(
        new Map([
          [0, 2],
          [5, 1],
          [9, 1],
        ]),
      ),
    ).toBe(2.5);
    expect(
      median(
        new Map([
          [7, 3],
          [2, 2],
        ]),
      ),
    ).toBe(7);
  });
});
