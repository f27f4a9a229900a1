import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { exportsDir, MAX_ACTIVE_EXPORTS } from './jobs.js';

/** Background exports: queued, run by the worker, downloaded by their requester only, then expired. */

let t: TestApp;
let dataDir: string;
let tree: Awaited<ReturnType<typeof makeTree>>;
const who: Record<string, Session> = {};

const call = (as: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who[as]!.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'coso-exports-'));
  t = await createTestApp({ DATA_DIR: dataDir });
  tree = await makeTree(t.db);
  const users = {
    kara: await makeUser(t, ['focal_point'], [tree.a.region]),
    savanes: await makeUser(t, ['focal_point'], [tree.b.region]),
    analyst: await makeUser(t, ['analyst'], [tree.country]),
    field: await makeUser(t, ['facilitator'], [tree.a.canton]),
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
  };
  for (const [k, u] of Object.entries(users)) who[k] = await login(t, u.username);
  for (const village of [tree.a.villages[0]!, tree.a.villages[1]!, tree.b.villages[0]!]) {
    const res = await call('officer', 'POST', '/api/v1/complaints', {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId: village.id,
      complainant: { anonymous: false, name: 'Yawa Mensah', phone: '+22890000009', confidential: false },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('background exports', () => {
  it('queues, runs, and serves the file to its requester only until it expires', async () => {
    const queued = await call('kara', 'POST', '/api/v1/exports', { kind: 'complaints', format: 'csv' });
    expect(queued.statusCode, queued.body).toBe(202);
    const job = queued.json();
    expect(job).toMatchObject({ kind: 'complaints', format: 'csv', status: 'queued', downloadUrl: null });
    const notReady = await call('kara', 'GET', `/api/v1/exports/${job.id}/file`);
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().code).toBe('export_not_ready');

    expect(await t.services.exports.runPending()).toBe(1);
    const done = (await call('kara', 'GET', `/api/v1/exports/${job.id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      rowCount: 2,
      downloadUrl: `/api/v1/exports/${job.id}/file`,
    });
    expect(new Date(done.expiresAt).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    const file = await call('kara', 'GET', `/api/v1/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/filename="plaintes-\d{4}-\d\d-\d\d\.csv"/);
    // The same rows as the streamed export with the same filters and scope.
    const direct = await call('kara', 'GET', '/api/v1/exports/complaints.csv');
    expect(file.body).toBe(direct.body);
    expect(parse(file.body.replace(/^\uFEFF/, ''))).toHaveLength(3);
    expect(file.body).not.toContain('Mensah');
    expect(file.body).not.toContain('90000009');

    // Anybody else: as if it did not exist.
    for (const as of ['savanes', 'officer']) {
      expect((await call(as, 'GET', `/api/v1/exports/${job.id}`)).statusCode).toBe(404);
      expect((await call(as, 'GET', `/api/v1/exports/${job.id}/file`)).statusCode).toBe(404);
    }
    expect(
      (await call('kara', 'GET', '/api/v1/exports')).json().items.map((j: { id: string }) => j.id),
    ).toEqual([job.id]);

    const audit = await t.db.query<{ action: string; changes: Record<string, unknown> }>(
      `select action, changes from audit_log where entity = 'export_job' and entity_id = $1 order by id`,
      [job.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['request', 'complete', 'download']);
    expect(audit[1]!.changes).toMatchObject({ kind: 'complaints', rows: 2 });

    // Expiry: 410 with a code, then the purge deletes the file and keeps the row.
    await t.db.query(`update export_jobs set expires_at = now() - interval '1 minute' where id = $1`, [
      job.id,
    ]);
    const gone = await call('kara', 'GET', `/api/v1/exports/${job.id}/file`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('export_expired');
    expect((await call('kara', 'GET', `/api/v1/exports/${job.id}`)).json().status).toBe('expired');
    const onDisk = path.join(exportsDir(dataDir), `${job.id}.csv`);
    await access(onDisk);
    expect(await t.services.exports.purgeExpired(t.db)).toBe(1);
    await expect(access(onDisk)).rejects.toThrow();
    expect((await call('kara', 'GET', `/api/v1/exports/${job.id}/file`)).statusCode).toBe(410);
  });

  it("runs the analysts' dataset with its filters, as XLSX", async () => {
    const res = await call('analyst', 'POST', '/api/v1/exports', {
      kind: 'analyst',
      format: 'xlsx',
      filters: { area: tree.b.region.id },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.services.exports.runPending();
    expect((await call('analyst', 'GET', `/api/v1/exports/${res.json().id}`)).json()).toMatchObject({
      status: 'done',
      rowCount: 1,
    });
    const file = await call('analyst', 'GET', `/api/v1/exports/${res.json().id}/file`);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('checks the request: kind, rights, filters, and how many run at once', async () => {
    const post = (as: string, payload: object) => call(as, 'POST', '/api/v1/exports', payload);
    expect((await post('kara', { kind: 'everything', format: 'csv' })).statusCode).toBe(400);
    const badFilter = await post('kara', { kind: 'complaints', format: 'csv', filters: { status: 'lost' } });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().code).toBe('validation_error');
    expect((await post('field', { kind: 'analyst', format: 'csv' })).statusCode).toBe(403);
    expect((await post('analyst', { kind: 'complaints', format: 'csv' })).statusCode).toBe(403);
    for (let i = 0; i < MAX_ACTIVE_EXPORTS; i++)
      expect((await post('savanes', { kind: 'analyst_events', format: 'csv' })).statusCode).toBe(202);
    const tooMany = await post('savanes', { kind: 'analyst_events', format: 'csv' });
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().code).toBe('too_many_requests');
    expect(await t.services.exports.runPending()).toBe(MAX_ACTIVE_EXPORTS);
    expect((await post('savanes', { kind: 'analyst_events', format: 'csv' })).statusCode).toBe(202);
  });

  it('fails, without a file, the job of someone deactivated since the request', async () => {
    const res = await call('kara', 'POST', '/api/v1/exports', { kind: 'analyst', format: 'csv' });
    await t.db.query(
      `update users set active = false where id = (select requested_by from export_jobs where id = $1)`,
      [res.json().id],
    );
    await t.services.exports.runPending();
    const [job] = await t.db.query<{ status: string; error_code: string }>(
      'select status, error_code from export_jobs where id = $1',
      [res.json().id],
    );
    expect(job).toEqual({ status: 'failed', error_code: 'forbidden' });
    await expect(access(path.join(exportsDir(dataDir), `${res.json().id}.csv`))).rejects.toThrow();
  });
});
