import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RETRYABLE_REJECT_CODES, UPLOADS_PATH } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { createPayload, footprint, mutation, push } from '../../test/sync-push-kit.js';
import { uploadsDir } from './uploads.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let ada: Session;
let ben: Session;
let photo: Buffer;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-push-files-')) });
  tree = await makeTree(t.db);
  ada = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  ben = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  photo = await sharp(randomBytes(96 * 96 * 3), { raw: { width: 96, height: 96, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

const TUS = { 'tus-resumable': '1.0.0' };

async function startUpload(session: Session, length: number, filename = 'puits.png'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: UPLOADS_PATH,
    headers: {
      ...session.headers,
      ...TUS,
      'upload-length': String(length),
      'upload-metadata': `filename ${Buffer.from(filename).toString('base64')}`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return String(res.headers.location).split('/').pop()!;
}

async function send(session: Session, id: string, offset: number, bytes: Buffer) {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `${UPLOADS_PATH}/${id}`,
    headers: {
      ...session.headers,
      ...TUS,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset),
    },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(204);
}

async function uploaded(session: Session, data: Buffer, filename?: string) {
  const id = await startUpload(session, data.length, filename);
  await send(session, id, 0, data);
  return id;
}

/** A PCM WAV recording: 8 kHz mono 16-bit header, then `dataBytes` of samples. */
function wav(dataBytes: number) {
  const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
  const u16 = (n: number) => Buffer.from(new Uint16Array([n]).buffer);
  return Buffer.concat([
    Buffer.from('RIFF'),
    u32(36 + dataBytes),
    Buffer.from('WAVEfmt '),
    ...[u32(16), u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)],
    Buffer.from('data'),
    u32(dataBytes),
    Buffer.alloc(dataBytes, 7),
  ]);
}

const uploadRow = (id: string) => t.db.query('select 1 from sync_uploads where id = $1', [id]);
const storedFiles = async (caseId: string) =>
  readdir(path.join(t.config.dataDir, 'files', 'complaints', caseId)).catch(() => [] as string[]);

describe('attachment.add', () => {
  it('waits while its upload is incomplete, then attaches it once and consumes the upload', async () => {
    const c = createPayload(tree.a.villages[0]!.id);
    const uploadId = await startUpload(ada, photo.length, 'puits tari.png');
    await send(ada, uploadId, 0, photo.subarray(0, 6000));
    const batch = [
      mutation('complaint.create', c),
      mutation('attachment.add', { complaintId: c.id, uploadId, purpose: 'evidence' }),
    ];
    const first = await push(t, ada, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(first[1]).toMatchObject({ code: 'upload_incomplete' });
    expect(RETRYABLE_REJECT_CODES).toContain(first[1]!.code);
    expect(await storedFiles(c.id)).toEqual([]);

    await send(ada, uploadId, 6000, photo.subarray(6000));
    const second = await push(t, ada, batch);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'applied']);
    const attachmentId = second[1]!.result!.attachmentId as string;
    expect(second[1]!.result).toMatchObject({ complaintId: c.id, kind: 'image', sizeBytes: photo.length });

    const content = await t.app.inject({
      url: `/api/v1/complaints/${c.id}/attachments/${attachmentId}/content`,
      headers: { cookie: ada.cookie },
    });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload).toEqual(photo);
    const [row] = await t.db.query<{ filename: string; preview: string | null }>(
      'select filename, preview_key as preview from complaint_attachments where id = $1',
      [attachmentId],
    );
    expect(row).toMatchObject({ filename: 'puits tari.png', preview: expect.any(String) });
    expect(await uploadRow(uploadId)).toHaveLength(0);
    await expect(stat(path.join(uploadsDir(t.config.dataDir), uploadId))).rejects.toThrow();

    const before = await footprint(t);
    const third = await push(t, ada, batch);
    expect(third.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(third[1]!.result).toEqual(second[1]!.result);
    expect(await footprint(t)).toEqual(before);
    // Another mutation cannot attach the consumed upload again.
    const [again] = await push(t, ada, [
      mutation('attachment.add', { complaintId: c.id, uploadId, purpose: 'evidence' }),
    ]);
    expect(again).toMatchObject({ status: 'rejected', code: 'upload_not_found' });
  });

  it('accepts an audio recording for a complainant who cannot write', async () => {
    const c = createPayload(tree.a.villages[1]!.id);
    const uploadId = await uploaded(ada, wav(16_000), 'témoignage.wav');
    const results = await push(t, ada, [
      mutation('complaint.create', c),
      mutation('attachment.add', { complaintId: c.id, uploadId }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(results[1]!.result).toMatchObject({ kind: 'audio', mimeType: 'audio/wav' });
  });

  it('attaches files to a sensitive case its filer just pushed, which the filer still cannot read', async () => {
    const c = createPayload(tree.a.villages[2]!.id, { category: 'gbv_sea' });
    const uploadId = await uploaded(ada, photo);
    const results = await push(t, ada, [
      mutation('complaint.create', c),
      mutation('attachment.add', { complaintId: c.id, uploadId }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const read = await t.app.inject({ url: `/api/v1/complaints/${c.id}`, headers: { cookie: ada.cookie } });
    expect(read.statusCode).toBe(404);
  });

  it("refuses another user's upload, and keeps an upload whose attachment was refused", async () => {
    const c = createPayload(tree.a.villages[0]!.id);
    await push(t, ada, [mutation('complaint.create', c)]);
    const bens = await uploaded(ben, photo);
    const [foreign] = await push(t, ada, [mutation('attachment.add', { complaintId: c.id, uploadId: bens })]);
    expect(foreign).toMatchObject({ status: 'rejected', code: 'upload_not_found' });
    const [notAnId] = await push(t, ada, [mutation('attachment.add', { complaintId: c.id, uploadId: 'x' })]);
    expect(notAnId).toMatchObject({ status: 'rejected', code: 'upload_not_found' });

    // A case outside the filer's reach: refused after the upload was taken, so nothing is stored or consumed.
    const other = createPayload(tree.b.villages[0]!.id);
    const outsider = await login(t, (await makeUser(t, ['facilitator'], tree.b.villages)).username);
    await push(t, outsider, [mutation('complaint.create', other)]);
    const mine = await uploaded(ada, photo);
    const [refused] = await push(t, ada, [
      mutation('attachment.add', { complaintId: other.id, uploadId: mine }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await uploadRow(mine)).toHaveLength(1);
    expect(await storedFiles(other.id)).toEqual([]);
  });
});
