import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type Actor,
  canSeeComplaint,
  hasPermission,
  inJurisdiction,
  type Permission,
  type Role,
} from '@coso/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

/**
 * The authorization proof of the exports (issue 11): every export endpoint downloaded as every demo role (with
 * the demo's kind of jurisdiction), its rows checked against what the domain policy lets that role see:
 * canSeeComplaint for the case list, and datasetScope's documented policy for the analysts' dataset
 * (docs/reports.md). The expectation is computed from the domain rule on the cases as stored, not from the
 * SQL under test.
 */

let t: TestApp;
let dataDir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;

interface Member {
  role: Role;
  session: Session;
  actor: Actor;
}
const members: Member[] = [];
const refs: Record<string, string> = {};

interface StoredCase {
  id: string;
  reference: string;
  sensitive: boolean;
  area_path: string;
  status: string;
  assignee_id: string | null;
  recorded_by: string | null;
  published: boolean;
  shared: string[];
}
let cases: StoredCase[] = [];

const visible = (a: Actor, c: StoredCase) =>
  canSeeComplaint(a, {
    sensitive: c.sensitive,
    areaPath: c.area_path,
    status: c.status as never,
    assigneeId: c.assignee_id,
    recordedBy: c.recorded_by,
    sharedWith: c.shared,
    published: c.published,
  });

/** The case list: exactly the cases the case API shows. */
const listPolicy = (a: Actor) => cases.filter((c) => visible(a, c));
/** The analysts' dataset: of the jurisdiction's cases, those seen as the case API does, or ordinary ones for analysts. */
const datasetPolicy = (a: Actor) =>
  cases.filter(
    (c) => inJurisdiction(a, c.area_path) && (visible(a, c) || (a.roles.includes('analyst') && !c.sensitive)),
  );

interface Export {
  url: string;
  permission: Permission;
  policy: (a: Actor) => StoredCase[];
  /** Column holding the case reference. */
  refColumn: number;
  /** The background job of the same export. */
  job: 'complaints' | 'analyst' | 'analyst_events';
}

const STREAMS: Export[] = (['csv', 'xlsx'] as const).flatMap((f) => [
  {
    url: `/api/v1/exports/complaints.${f}`,
    permission: 'complaints.read',
    policy: listPolicy,
    refColumn: 1,
    job: 'complaints',
  },
  {
    url: `/api/v1/complaints/export.${f}`,
    permission: 'complaints.read',
    policy: listPolicy,
    refColumn: 1,
    job: 'complaints',
  },
  {
    url: `/api/v1/exports/analyst.${f}`,
    permission: 'reports.view',
    policy: datasetPolicy,
    refColumn: 0,
    job: 'analyst',
  },
  {
    url: `/api/v1/exports/analyst-events.${f}`,
    permission: 'reports.view',
    policy: datasetPolicy,
    refColumn: 0,
    job: 'analyst_events',
  },
]);

async function tableOf(res: LightMyRequestResponse, format: string): Promise<string[][]> {
  if (format === 'csv') return parse(res.body.replace(/^\uFEFF/, '')) as string[][];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

/** The case references a downloaded file holds, each once (the events file has several rows per case). */
async function refsIn(res: LightMyRequestResponse, format: string, column: number) {
  const [, ...rows] = await tableOf(res, format);
  return [...new Set(rows.map((r) => r[column]!))].sort();
}

const refsOfCases = (list: StoredCase[]) => list.map((c) => c.reference).sort();

const call = (m: Member, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: m.session.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-export-access-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  tree = await makeTree(t.db);
  // The demo's accounts: national roles over the country, a regional focal point, a canton's facilitator.
  const demo: Array<[Role, typeof tree.country]> = [
    ['admin', tree.country],
    ['grm_officer', tree.country],
    ['sensitive_focal_point', tree.country],
    ['focal_point', tree.a.region],
    ['facilitator', tree.a.canton],
    ['cdd_specialist', tree.country],
    ['supervisor', tree.country],
    ['analyst', tree.country],
  ];
  for (const [role, unit] of demo) {
    const user = await makeUser(t, [role], [unit]);
    members.push({
      role,
      session: await login(t, user.username),
      actor: { id: user.id, roles: [role], jurisdictions: [{ unitId: unit.id, path: unit.path }] },
    });
  }
  const as = (role: Role) => members.find((m) => m.role === role)!;
  const officer = as('grm_officer').session;
  const file = async (key: string, by: Session, village: string, category = 'works') => {
    const c = await fileComplaint(t, by, village, { category });
    refs[key] = c.reference;
    return c;
  };
  const [a0, a1, a2] = tree.a.villages.map((v) => v.id);
  const [b0, b1, b2] = tree.b.villages.map((v) => v.id);
  await file('aOpen', officer, a0!);
  const aPublished = await file('aPublished', officer, a1!);
  await file('bOpen', officer, b0!);
  const bPublished = await file('bPublished', officer, b1!);
  await file('aSensitive', officer, a2!, 'gbv_sea');
  // A sensitive case with a summary published by mistake: still never for supervisors nor analysts.
  const bSensitivePublished = await file('bSensitivePublished', officer, b2!, 'gbv_sea');
  // Outside the focal point's region, but theirs through the case API: added to it, assigned to them.
  const bShared = await file('bShared', officer, b0!, 'gbv_sea');
  const bAssigned = await file('bAssigned', officer, b1!);
  await file('aByField', as('facilitator').session, a0!);
  for (const c of [aPublished, bPublished, bSensitivePublished]) {
    await t.db.query(
      `update complaints set public_summary = 'Résumé publié', published_at = now(), published_by = $2 where id = $1`,
      [c.id, as('grm_officer').actor.id],
    );
  }
  const focal = as('focal_point').actor.id;
  await t.db.query(
    `insert into complaint_access (complaint_id, user_id, added_by, reason) values ($1, $2, $3, 'Test')`,
    [bShared.id, focal, as('sensitive_focal_point').actor.id],
  );
  await t.db.query('update complaints set assignee_id = $2 where id = $1', [bAssigned.id, focal]);
  cases = await t.db.query<StoredCase>(
    `select c.id, c.reference, c.sensitive, c.area_path, c.status, c.assignee_id, c.recorded_by,
            c.published_at is not null as published,
            array(select ca.user_id::text from complaint_access ca where ca.complaint_id = c.id) as shared
       from complaints c`,
  );
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('every export as every demo role', () => {
  it('covers every export route the API documents', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.keys(doc.paths).filter((p) => /^\/api\/v1\/exports|\/export(\.|$)/.test(p));
    const tested = [
      ...STREAMS.map((s) => s.url),
      '/api/v1/exports',
      '/api/v1/exports/{id}',
      '/api/v1/exports/{id}/file',
      '/api/v1/geo/export',
      // Other modules' exports, each checked per role by its own module's test against its visibility rule:
      // modules/mis/subprojects/files-export.test.ts (rows = the caller's list, 403 without mis.read).
      '/api/v1/exports/mis-subprojects.csv',
      '/api/v1/exports/mis-subprojects.xlsx',
    ];
    expect(documented.sort()).toEqual([...new Set(tested)].sort());
  });

  it('holds what the policy expects: not a vacuous check', () => {
    const as = (role: Role) => members.find((m) => m.role === role)!.actor;
    const names = (list: StoredCase[]) =>
      list.map((c) => Object.keys(refs).find((k) => refs[k] === c.reference)).sort();
    expect(names(datasetPolicy(as('supervisor')))).toEqual(['aPublished', 'bPublished']);
    expect(names(datasetPolicy(as('analyst')))).toEqual(
      ['aByField', 'aOpen', 'aPublished', 'bAssigned', 'bOpen', 'bPublished'].sort(),
    );
    expect(names(listPolicy(as('focal_point')))).toEqual(
      ['aByField', 'aOpen', 'aPublished', 'bAssigned', 'bShared'].sort(),
    );
    expect(names(datasetPolicy(as('focal_point')))).toEqual(['aByField', 'aOpen', 'aPublished'].sort());
    expect(datasetPolicy(as('sensitive_focal_point')).every((c) => c.sensitive || c.assignee_id)).toBe(true);
  });

  for (const s of STREAMS) {
    it(`GET ${s.url}: the rows each role may see, 403 without the permission`, async () => {
      const format = s.url.endsWith('.csv') ? 'csv' : 'xlsx';
      for (const m of members) {
        const res = await call(m, 'GET', s.url);
        if (!hasPermission(m.actor, s.permission)) {
          expect(res.statusCode, `${m.role}: ${res.body.slice(0, 200)}`).toBe(403);
          continue;
        }
        expect(res.statusCode, `${m.role}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(await refsIn(res, format, s.refColumn), m.role).toEqual(refsOfCases(s.policy(m.actor)));
      }
    });
  }

  it('background exports: the same rows per role, and the file for its requester only', async () => {
    const jobs = [...new Map(STREAMS.map((s) => [s.job, s])).values()];
    const someoneElse = members.find((m) => m.role === 'grm_officer')!;
    for (const m of members) {
      for (const s of jobs) {
        const queued = await call(m, 'POST', '/api/v1/exports', { kind: s.job, format: 'csv' });
        if (!hasPermission(m.actor, s.permission)) {
          expect(queued.statusCode, `${m.role} ${s.job}`).toBe(403);
          continue;
        }
        expect(queued.statusCode, `${m.role} ${s.job}: ${queued.body}`).toBe(202);
        await t.services.exports.runPending();
        const id = queued.json().id as string;
        expect((await call(m, 'GET', `/api/v1/exports/${id}`)).json().status).toBe('done');
        const file = await call(m, 'GET', `/api/v1/exports/${id}/file`);
        expect(file.statusCode).toBe(200);
        expect(await refsIn(file, 'csv', s.refColumn), `${m.role} ${s.job}`).toEqual(
          refsOfCases(s.policy(m.actor)),
        );
        if (m !== someoneElse) {
          expect((await call(someoneElse, 'GET', `/api/v1/exports/${id}`)).statusCode).toBe(404);
          expect((await call(someoneElse, 'GET', `/api/v1/exports/${id}/file`)).statusCode).toBe(404);
        }
      }
      const own = (await call(m, 'GET', '/api/v1/exports')).json().items as Array<{ kind: string }>;
      expect(own.length, m.role).toBe(jobs.filter((s) => hasPermission(m.actor, s.permission)).length);
    }
  });

  it('GET /api/v1/geo/export: the place names only, the same for every role', async () => {
    const [{ n }] = (await t.db.query<{ n: number }>('select count(*)::int as n from geo_units')) as [
      { n: number },
    ];
    for (const m of members) {
      for (const format of ['csv', 'xlsx']) {
        const res = await call(m, 'GET', `/api/v1/geo/export?format=${format}`);
        expect(res.statusCode, m.role).toBe(200);
        const [header, ...rows] = await tableOf(res, format);
        expect(rows, m.role).toHaveLength(n - 1);
        expect(header).not.toContain('Référence');
        for (const ref of Object.values(refs)) expect(res.rawPayload.includes(ref)).toBe(false);
      }
    }
  });
});
