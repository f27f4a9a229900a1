import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MATERIAL_MAX_BYTES, UPLOADS_PATH } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../lib/file-sniff.js';
import { localFileStore } from '../../../lib/file-store.js';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { materialKey } from './materials.js';

/** Supporting material of template tasks: links, uploaded files claimed on save, their download. */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeDccTree>>;
let specialist: Session;
let other: Session;
let facilitator: Session;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TUS = { 'tus-resumable': '1.0.0' };

async function upload(s: Session, data: Buffer) {
  const created = await t.app.inject({
    method: 'POST',
    url: UPLOADS_PATH,
    headers: { ...s.headers, ...TUS, 'upload-length': String(data.length) },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = String(created.headers.location).split('/').pop()!;
  const sent = await t.app.inject({
    method: 'PATCH',
    url: `${UPLOADS_PATH}/${id}`,
    headers: {
      ...s.headers,
      ...TUS,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    },
    payload: data,
  });
  expect(sent.statusCode, sent.body).toBe(204);
  return id;
}

const patch = (id: string, materials: unknown, session = specialist) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/dcc/tasks/${id}`,
    headers: { ...session.headers, 'accept-language': 'fr' },
    payload: { materials },
  });
const download = (fileId: string, session = facilitator) =>
  t.app.inject({ url: `/api/v1/dcc/materials/${fileId}`, headers: session.headers });

async function taskOf(code: string) {
  const cycleId = await makeCycle(t.db, [tree.a.canton]);
  const [row] = await t.db.query<{ id: string }>(
    'select id from dcc_tasks where cycle_id = $1 and code = $2',
    [cycleId, code],
  );
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-dcc-materials-')) });
  tree = await makeDccTree(t.db);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  other = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  facilitator = await login(t, (await makeUser(t, ['facilitator'], tree.b.villages)).username);
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

describe('DCC supporting material', () => {
  it('claims an uploaded PDF on save; any DCC reader downloads it, typed from its bytes', async () => {
    const taskId = await taskOf('V1');
    const uploadId = await upload(specialist, PDF);
    const link = { title: 'Vidéo de formation', kind: 'video', url: 'https://anadeb.tg/video' };
    const saved = await patch(taskId, [link, { title: 'Guide', kind: 'link', uploadId }]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().materials).toEqual([
      link,
      { title: 'Guide', kind: 'pdf', fileId: uploadId, sizeBytes: PDF.length },
    ]);
    // The upload was consumed: it cannot be claimed a second time.
    expect((await patch(taskId, [{ title: 'Encore', kind: 'pdf', uploadId }])).statusCode).toBe(404);

    const file = await download(uploadId);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await download('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await download('not-a-uuid')).statusCode).toBe(400);
  });

  it('keeps a file the task has (its stored size wins), reorders, and drops a removed file from the store', async () => {
    const taskId = await taskOf('C1');
    const uploadId = await upload(specialist, PDF);
    await patch(taskId, [{ title: 'Guide', kind: 'pdf', uploadId }]);
    const link = { title: 'Site', kind: 'link', url: 'http://anadeb.tg' };
    const kept = await patch(taskId, [
      link,
      { title: 'Guide v2', kind: 'pdf', fileId: uploadId, sizeBytes: 1 },
    ]);
    expect(kept.json().materials).toEqual([
      link,
      { title: 'Guide v2', kind: 'pdf', fileId: uploadId, sizeBytes: PDF.length },
    ]);
    const store = localFileStore(path.join(t.config.dataDir, 'files'));
    expect(await store.exists(materialKey(uploadId))).toBe(true);
    expect((await patch(taskId, [link])).statusCode).toBe(200);
    expect(await store.exists(materialKey(uploadId))).toBe(false);
    expect((await download(uploadId)).statusCode).toBe(404);
  });

  it('refuses bad material with 4xx and changes nothing', async () => {
    const taskId = await taskOf('K1');
    const stranger = await upload(other, PDF);
    const bad: Array<[unknown, number, string]> = [
      [[{ title: 'x', kind: 'link', url: 'javascript:alert(1)' }], 400, 'validation_error'],
      [[{ title: 'x', kind: 'pdf' }], 400, 'validation_error'],
      [[{ title: 'x', kind: 'pdf', url: 'https://a.tg', uploadId: stranger }], 400, 'validation_error'],
      [[{ title: 'x', kind: 'pdf', fileId: stranger }], 422, 'dcc_material_file_unknown'],
      // Another user's upload does not exist for the caller.
      [[{ title: 'x', kind: 'pdf', uploadId: stranger }], 404, 'upload_not_found'],
    ];
    for (const [materials, status, code] of bad) {
      const res = await patch(taskId, materials);
      expect([res.statusCode, res.json().code], JSON.stringify(materials)).toEqual([status, code]);
    }
    const [row] = await t.db.query<{ materials: unknown[] }>(
      'select materials from dcc_tasks where id = $1',
      [taskId],
    );
    expect(row!.materials).toEqual([]);
    // The refused upload is still the other user's to use.
    expect((await patch(taskId, [{ title: 'x', kind: 'pdf', uploadId: stranger }], other)).statusCode).toBe(
      200,
    );
  });

  it('only dcc.manage edits material; readers without dcc.read get 403', async () => {
    const taskId = await taskOf('M1');
    const uploadId = await upload(facilitator, PDF);
    const res = await patch(taskId, [{ title: 'x', kind: 'pdf', uploadId }], facilitator);
    expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
    const officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
    expect((await download(uploadId, officer)).statusCode).toBe(403);
  });

  it('the domain size bound is the largest upload', () => {
    expect(MATERIAL_MAX_BYTES).toBe(MAX_UPLOAD_BYTES);
  });
});
