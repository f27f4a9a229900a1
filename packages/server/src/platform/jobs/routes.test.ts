import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t.close());

const api = (s: Session, method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: method === 'GET' ? { cookie: s.cookie } : s.headers });
type Item = {
  key: string;
  module: string;
  status: string;
  nextRunAt: string | null;
  requestedAt: string | null;
};

describe('jobs (admin)', () => {
  it('lists every registered job, the platform’s and the modules’, with its state', async () => {
    const res = await api(admin, 'GET', '/api/v1/jobs');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.key)).toEqual(t.services.jobs.map((j) => j.key));
    expect(items.find((i) => i.key === 'grm.deadline-scan')).toMatchObject({
      module: 'grm',
      status: 'pending',
      nextRunAt: null,
      everyMs: 300_000,
      retryAttempts: 3,
    });
    expect(items.some((i) => i.module === 'platform')).toBe(true);
  });

  it('asks a worker to run a job now, and audits it', async () => {
    const res = await api(admin, 'POST', '/api/v1/jobs/grm.periodic-reports/run');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ key: 'grm.periodic-reports', requestedAt: expect.any(String) });
    const listed = (await api(admin, 'GET', '/api/v1/jobs')).json().items as Item[];
    expect(listed.find((i) => i.key === 'grm.periodic-reports')?.requestedAt).toEqual(expect.any(String));
    const audit = await t.db.query<{ entityId: string; action: string }>(
      `select entity_id as "entityId", action from audit_log where entity = 'job'`,
    );
    expect(audit).toEqual([{ entityId: 'grm.periodic-reports', action: 'run' }]);
  });

  it('answers 404 for an unknown job and 403 to anyone but an administrator', async () => {
    const unknown = await api(admin, 'POST', '/api/v1/jobs/grm.nope/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    expect((await api(officer, 'GET', '/api/v1/jobs')).statusCode).toBe(403);
    expect((await api(officer, 'POST', '/api/v1/jobs/grm.deadline-scan/run')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/jobs' });
    expect(anonymous.statusCode).toBe(401);
  });
});
