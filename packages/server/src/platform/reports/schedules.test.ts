import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../http/app-error.js';
import { grmPeriodicReport } from '../../modules/grm/reports/runs.js';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../test/harness.js';
import { type ReportKind, registerReportKinds } from './kinds.js';
import { generateDueRuns, listReportRuns } from './runs.js';
import { createReportSchedule } from './schedules.js';

/** Report schedules: a person's schedule runs with that person's rights, at run time; kinds are registered. */

let t: TestApp;
let dataDir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
const TODAY = '2026-04-02';

/** A report kind that records with whose rights each run was made (the scope the content would be read in). */
const seen: Array<{ actor: Actor; area?: string | undefined }> = [];
const recording: ReportKind = {
  name: 'test.recording',
  permission: 'reports.view',
  formats: { csv: { contentType: 'text/csv' } },
  duePeriods: () => ['2026-03'],
  async render(_q, actor, p) {
    seen.push({ actor, area: p.area });
    return { bytes: Buffer.from('n\n1\n'), filename: `test-${p.period}.csv` };
  },
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-schedules-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  tree = await makeTree(t.db);
  registerReportKinds([recording]);
});
afterAll(() => t.close());

describe('report schedules', () => {
  it('refuses a kind no module registered, or a format the kind does not have, with 400', async () => {
    const focal = await makeUser(t, ['focal_point'], [tree.a.region]);
    const unknown = await createReportSchedule(t.db, {
      kind: 'grm.nothing',
      params: { version: 'internal', format: 'pdf' },
      scheduledBy: focal.id,
    }).catch((e: AppError) => e);
    expect(unknown).toMatchObject({ code: 'validation_error', status: 400 });
    const format = await createReportSchedule(t.db, {
      kind: 'test.recording',
      params: { version: 'internal', format: 'pdf' },
      scheduledBy: focal.id,
    }).catch((e: AppError) => e);
    expect(format).toMatchObject({ code: 'validation_error', status: 400 });
  });

  it("runs a focal point's schedule with their area only, lists it to them, and stops when they leave", async () => {
    const focal = await makeUser(t, ['focal_point'], [tree.a.region]);
    const other = await makeUser(t, ['focal_point'], [tree.b.region]);
    const schedule = await createReportSchedule(t.db, {
      kind: 'test.recording',
      params: { version: 'internal', format: 'csv' },
      scheduledBy: focal.id,
    });
    seen.length = 0;
    expect(await generateDueRuns(t.db, dataDir, TODAY, recording)).toBe(1);
    expect(await generateDueRuns(t.db, dataDir, TODAY, recording)).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.actor.id).toBe(focal.id);
    expect(seen[0]!.actor.roles).toEqual(['focal_point']);
    expect(seen[0]!.actor.jurisdictions.map((j) => j.unitId)).toEqual([tree.a.region.id]);

    const [run] = await t.db.query<Record<string, unknown>>(
      'select kind, schedule_id, scheduled_by from report_runs where kind = $1',
      ['test.recording'],
    );
    expect(run).toEqual({ kind: 'test.recording', schedule_id: schedule.id, scheduled_by: focal.id });
    const mine = await listReportRuns(t.db, focal, ['test.recording']);
    expect(mine.items.map((r) => r.period)).toEqual(['2026-03']);
    // Internal and about their area: not for a focal point elsewhere.
    expect((await listReportRuns(t.db, other, ['test.recording'])).items).toEqual([]);

    // A deactivated scheduler's schedule no longer runs (their rights are read at each run).
    await t.db.query('update users set active = false where id = $1', [focal.id]);
    await t.db.query('delete from report_runs where kind = $1', ['test.recording']);
    seen.length = 0;
    expect(await generateDueRuns(t.db, dataDir, TODAY, recording)).toBe(0);
    expect(seen).toEqual([]);
  });

  it('runs the grievance report of a person’s schedule with their scope, beside the built-in national ones', async () => {
    const focal = await makeUser(t, ['focal_point'], [tree.a.region]);
    await login(t, focal.username);
    await createReportSchedule(t.db, {
      kind: 'grm.periodic',
      params: { version: 'internal', format: 'xlsx', area: tree.a.prefecture.id },
      scheduledBy: focal.id,
    });
    // Built-in: 2 periods × 2 versions × 2 formats; the focal point's: 2 periods.
    expect(await generateDueRuns(t.db, dataDir, TODAY, grmPeriodicReport)).toBe(10);
    const runs = await t.db.query<{ scheduledBy: string | null; area: string | null }>(
      `select scheduled_by as "scheduledBy", area_id as area from report_runs
        where kind = 'grm.periodic' and scheduled_by is not null`,
    );
    expect(runs).toEqual([
      { scheduledBy: focal.id, area: tree.a.prefecture.id },
      { scheduledBy: focal.id, area: tree.a.prefecture.id },
    ]);
  });
});
