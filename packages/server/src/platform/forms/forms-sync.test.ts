import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UPLOADS_PATH } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { footprint, mutation, push } from '../../test/sync-push-kit.js';
import { FakeDevice } from '../sync/pull-test-kit.js';
import { DEMO_ANSWERS, DEMO_FORM, seedDemoForm } from './demo-form.js';

/** Forms in the field sync: versions pulled by the devices of form readers, `form.submit` pushed. */

let t: TestApp;
let ada: Session;
let ben: Session;
let focal: Session;
let manager: Session;
let formId: string;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-forms-sync-')) });
  const tree = await makeTree(t.db);
  ada = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  ben = await login(t, (await makeUser(t, ['facilitator'], tree.b.villages)).username);
  focal = await login(t, (await makeUser(t, ['focal_point'], [tree.a.region])).username);
  manager = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  await seedDemoForm(t.db, t.services.forms);
  formId = (await t.db.query<{ id: string }>('select id from forms'))[0]!.id;
  photo = await sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

const TUS = { 'tus-resumable': '1.0.0' };

async function upload(session: Session, data: Buffer, sent = data.length): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: UPLOADS_PATH,
    headers: { ...session.headers, ...TUS, 'upload-length': String(data.length) },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = String(created.headers.location).split('/').pop()!;
  const patched = await t.app.inject({
    method: 'PATCH',
    url: `${UPLOADS_PATH}/${id}`,
    headers: {
      ...session.headers,
      ...TUS,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    },
    payload: data.subarray(0, sent),
  });
  expect(patched.statusCode, patched.body).toBe(204);
  return id;
}

const submit = (payload: object) => mutation('form.submit', { formVersionId: formId, ...payload });

describe('pull', () => {
  it('sends every published version to a form reader, with its definition; none to other roles', async () => {
    const device = new FakeDevice(t, { cookie: ada.cookie });
    await device.sync();
    const [row] = device.rows('forms');
    expect(row).toMatchObject({ id: formId, formId: DEMO_FORM.formId, version: '2027-01', fieldCount: 14 });
    expect(row!.definition).toEqual(DEMO_FORM);
    const other = new FakeDevice(t, { cookie: focal.cookie });
    await other.sync();
    expect(other.rows('forms')).toEqual([]);
  });

  it('sends a version published later on the next incremental pull', async () => {
    const device = new FakeDevice(t, { cookie: ben.cookie });
    await device.sync();
    await t.services.forms.publish({ actor: null, ip: null }, { ...DEMO_FORM, version: 'sync-test' });
    const [page] = await device.sync();
    expect(page!.reset).toBe(false);
    expect(page!.changes.forms?.map((r) => r.version)).toEqual(['sync-test']);
  });
});

describe('form.submit', () => {
  it('applies valid answers once; a retry is a duplicate that writes nothing', async () => {
    const m = submit({ id: randomUUID(), answers: DEMO_ANSWERS, completedAt: '2024-05-02T10:00:00Z' });
    const [first] = await push(t, ada, [m]);
    expect(first).toMatchObject({ status: 'applied', result: { id: m.payload.id, formVersionId: formId } });
    const before = await footprint(t);
    const [again] = await push(t, ada, [m]);
    expect(again).toMatchObject({ status: 'duplicate', result: first!.result });
    expect(await footprint(t)).toEqual(before);
    const [row] = await t.db.query<{ answers: Record<string, unknown> }>(
      'select answers from form_submissions where id = $1',
      [m.payload.id],
    );
    expect(row!.answers.total_participants).toBe('14');
  });

  it('rejects invalid answers with form_invalid and the field errors', async () => {
    const id = randomUUID();
    const [res] = await push(t, ada, [submit({ id, answers: { ...DEMO_ANSWERS, femmes_gt35: -3 } })]);
    expect(res).toMatchObject({ status: 'rejected', code: 'form_invalid' });
    expect((res!.details as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(
      'femmes_gt35',
    );
    expect(await t.db.query('select 1 from form_submissions where id = $1', [id])).toEqual([]);
  });

  it("claims the submitter's completed upload; refuses another user's, and waits for an incomplete one", async () => {
    const answersWith = (photoId: string) => ({ ...DEMO_ANSWERS, pv_signe: true, photo_pv: photoId });
    const bens = await upload(ben, photo);
    const [stolen] = await push(t, ada, [submit({ id: randomUUID(), answers: answersWith(bens) })]);
    expect(stolen).toMatchObject({ status: 'rejected', code: 'form_attachment_missing' });

    const partial = await upload(ada, photo, 100);
    const id = randomUUID();
    const [waiting] = await push(t, ada, [submit({ id, answers: answersWith(partial) })]);
    expect(waiting).toMatchObject({ status: 'rejected', code: 'upload_incomplete' });

    const mine = await upload(ada, photo);
    const [done] = await push(t, ada, [submit({ id, answers: answersWith(mine) })]);
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'applied' });
    const [file] = await t.db.query<{ storage_key: string; size_bytes: string }>(
      'select storage_key, size_bytes from form_submission_files where submission_id = $1',
      [id],
    );
    expect(file!.storage_key).toBe(`forms/${id}/${mine}`);
    expect(await readFile(path.join(t.config.dataDir, 'files', file!.storage_key))).toEqual(photo);
    expect(await t.db.query('select 1 from sync_uploads where id = $1', [mine])).toEqual([]);

    // The submitter and the form managers read it back; another facilitator does not.
    const url = `/api/v1/forms/${formId}/submissions/${id}/files/${mine}`;
    const back = await t.app.inject({ url, headers: { cookie: ada.cookie } });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload).toEqual(photo);
    expect((await t.app.inject({ url, headers: { cookie: manager.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: { cookie: ben.cookie } })).statusCode).toBe(404);
  });

  it('refuses a file of another kind than the field takes (a recording as the photo) with unsupported_media_type', async () => {
    // A PCM WAV header (8 kHz mono 16-bit) and a little silence: the uploads recognise it as audio.
    const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
    const u16 = (n: number) => Buffer.from(new Uint16Array([n]).buffer);
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      u32(36 + 4000),
      Buffer.from('WAVEfmt '),
      ...[u32(16), u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)],
      Buffer.from('data'),
      u32(4000),
      Buffer.alloc(4000),
    ]);
    const recording = await upload(ada, wav);
    const id = randomUUID();
    const answers = { ...DEMO_ANSWERS, pv_signe: true, photo_pv: recording };
    const [res] = await push(t, ada, [submit({ id, answers })]);
    expect(res).toMatchObject({ status: 'rejected', code: 'unsupported_media_type' });
    expect(await t.db.query('select 1 from form_submissions where id = $1', [id])).toEqual([]);
    expect(await t.db.query('select 1 from sync_uploads where id = $1', [recording])).toHaveLength(1);
  });

  it('is refused to a user without forms.read', async () => {
    const [res] = await push(t, focal, [submit({ id: randomUUID(), answers: DEMO_ANSWERS })]);
    expect(res).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});
