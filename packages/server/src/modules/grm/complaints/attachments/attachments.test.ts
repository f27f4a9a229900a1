import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileStore } from '../../../../lib/file-store.js';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';
import { type AttachmentService, createAttachmentService } from './service.js';

const MIB = 1024 * 1024;
let t: TestApp;
let root: string;
let attachments: AttachmentService;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-attachments-')) });
  root = path.join(t.config.dataDir, 'files');
  attachments = createAttachmentService({ db: t.db, files: localFileStore(root) });
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    focal: await makeUser(t, ['focal_point'], [tree.a.region]),
    supervisor: await makeUser(t, ['supervisor'], [tree.a.region]),
    outsider: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) s[key] = await login(t, user.username);
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

async function newCase(category = 'works'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: s.operator!.headers,
    payload: {
      type: 'complaint',
      category,
      channel: 'hotline',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: true },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Publishes the case's summary, so that the supervisor (wider staff) sees it at all. */
async function publish(id: string) {
  const published = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/publish`,
    headers: s.operator!.headers,
    payload: { summary: 'Forage en panne signalé, vérification en cours.' },
  });
  expect(published.statusCode).toBeLessThan(300);
}

function multipart(filename: string, contentType: string, data: Buffer, field = 'file') {
  const boundary = `----coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const upload = (
  who: string,
  caseId: string,
  name: string,
  type: string,
  data: Buffer,
  query = '',
  field = 'file',
) => {
  const file = multipart(name, type, data, field);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${caseId}/attachments${query}`,
    headers: { ...s[who]!.headers, 'content-type': file.contentType },
    payload: file.payload,
  });
};
const get = (who: string, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie, ...headers } });

const filesOf = async (caseId: string) =>
  (await readdir(path.join(root, 'complaints', caseId), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => e.name);
const rowsOf = (caseId: string) =>
  t.db.query('select id from complaint_attachments where complaint_id = $1', [caseId]);

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a7f62' } })
    .png()
    .toBuffer();
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A PCM WAV file: 8 kHz mono 16-bit header, then `dataBytes` of samples. */
function wav(dataBytes: number) {
  const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
  const u16 = (n: number) => Buffer.from(new Uint16Array([n]).buffer);
  const fmt = [u32(16), u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)];
  const head = [
    Buffer.from('RIFF'),
    u32(36 + dataBytes),
    Buffer.from('WAVEfmt '),
    ...fmt,
    Buffer.from('data'),
  ];
  return Buffer.concat([...head, u32(dataBytes), Buffer.alloc(dataBytes, 7)]);
}
const opusHead = Buffer.from('OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00', 'latin1');
const ogg = Buffer.concat([
  Buffer.from('OggS', 'latin1'),
  Buffer.from([0, 2, ...new Array(20).fill(0), 1, opusHead.length]),
  opusHead,
]);

describe('upload', () => {
  it('stores a photo by its content, makes a preview of at most 1280 px, and records it in the case', async () => {
    const caseId = await newCase();
    const image = await png(2000, 1000);
    const res = await upload('focal', caseId, 'forage cassé.png', 'application/octet-stream', image);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      purpose: 'evidence',
      kind: 'image',
      filename: 'forage cassé.png',
      mimeType: 'image/png',
      sizeBytes: image.length,
      sha256: createHash('sha256').update(image).digest('hex'),
      url: `/api/v1/complaints/${caseId}/attachments/${a.id}/content`,
      previewUrl: `/api/v1/complaints/${caseId}/attachments/${a.id}/preview`,
    });

    const content = await get('focal', a.url);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(image)).toBe(true);
    expect(content.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `inline; filename="forage cass_.png"; filename*=UTF-8''forage%20cass%C3%A9.png`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
    });
    const preview = await get('focal', a.previewUrl);
    expect(preview.headers['content-type']).toBe('image/webp');
    const meta = await sharp(preview.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1280, height: 640 });
    expect((await get('focal', a.url, { 'if-none-match': content.headers.etag as string })).statusCode).toBe(
      304,
    );

    const [event] = await t.db.query<{ id: number; payload: unknown }>(
      `select id, payload from complaint_events where complaint_id = $1 and kind = 'attachment_added'`,
      [caseId],
    );
    expect(event!.payload).toEqual({ attachmentId: a.id, purpose: 'evidence', filename: 'forage cassé.png' });
    const [row] = await t.db.query<{ event_id: number }>(
      'select event_id from complaint_attachments where id = $1',
      [a.id],
    );
    expect(row!.event_id).toBe(event!.id);
    const audit = await t.db.query<{ changes: Record<string, unknown> }>(
      `select changes from audit_log where entity = 'complaint' and entity_id = $1 and action = 'attachment_added'`,
      [caseId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ attachmentId: a.id, kind: 'image', sizeBytes: image.length });
    expect((await get('focal', `/api/v1/complaints/${caseId}`)).json().version).toBe(2);
    expect((await filesOf(caseId)).sort()).toEqual([a.id, `${a.id}-preview.webp`].sort());
  });

  it('keeps small photos at their size, and accepts PDFs and audio of each kind', async () => {
    const caseId = await newCase();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const photo = (await upload('focal', caseId, 'p.bin', 'text/plain', jpeg)).json();
    expect(photo).toMatchObject({ kind: 'image', mimeType: 'image/jpeg' });
    expect((await sharp((await get('focal', photo.previewUrl)).rawPayload).metadata()).width).toBe(64);

    const minutes = await upload('focal', caseId, 'pv.pdf', 'application/pdf', pdf, '?purpose=minutes');
    expect(minutes.json()).toMatchObject({ kind: 'pdf', purpose: 'minutes', previewUrl: null });
    expect((await get('focal', `${minutes.json().url.replace(/content$/, 'preview')}`)).statusCode).toBe(404);

    const voice = await upload('operator', caseId, 'note.opus', 'audio/ogg', ogg, '?purpose=investigation');
    expect(voice.json()).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg', purpose: 'investigation' });
    // Above the 10 MiB global multipart limit: the route raises it for audio.
    const long = await upload('focal', caseId, 'long.wav', 'audio/wav', wav(12 * MIB));
    expect(long.json()).toMatchObject({ kind: 'audio', mimeType: 'audio/wav', sizeBytes: 12 * MIB + 44 });

    const list = (await get('focal', `/api/v1/complaints/${caseId}/attachments`)).json();
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['image', 'pdf', 'audio', 'audio']);
    // Wider staff read the published summary only: no file list, no photo, no preview (photos identify people).
    await publish(caseId);
    expect((await get('supervisor', `/api/v1/complaints/${caseId}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/complaints/${caseId}/attachments`, photo.url, photo.previewUrl]) {
      const res = await get('supervisor', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });

  it('refuses a text file named .jpg with 415 and keeps nothing', async () => {
    const caseId = await newCase();
    const res = await upload('focal', caseId, 'photo.jpg', 'image/jpeg', Buffer.from('just text'));
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x41)]);
    expect((await upload('focal', caseId, 'fake.jpg', 'image/jpeg', fake)).statusCode).toBe(415);
    expect(await filesOf(caseId)).toEqual([]);
    expect(await rowsOf(caseId)).toEqual([]);
  });

  it('refuses files over their limit with 413 and keeps nothing', async () => {
    const caseId = await newCase();
    const bigImage = Buffer.concat([(await png(10, 10)).subarray(0, 33), Buffer.alloc(10 * MIB)]);
    const res = await upload('focal', caseId, 'big.png', 'image/png', bigImage);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    const bigPdf = Buffer.concat([pdf, Buffer.alloc(10 * MIB)]);
    expect((await upload('focal', caseId, 'big.pdf', 'application/pdf', bigPdf)).statusCode).toBe(413);
    // Past the multipart limit itself: the plugin truncates, and the upload is still refused cleanly.
    const bigWav = wav(20 * MIB + 1000);
    expect((await upload('focal', caseId, 'big.wav', 'audio/wav', bigWav)).statusCode).toBe(413);
    expect(await filesOf(caseId)).toEqual([]);
    expect(await rowsOf(caseId)).toEqual([]);
    expect((await get('focal', `/api/v1/complaints/${caseId}`)).json().version).toBe(1);
  });

  it('asks for the file field and a known purpose', async () => {
    const caseId = await newCase();
    const noFile = await upload('focal', caseId, 'a.pdf', 'application/pdf', pdf, '', 'other');
    expect(noFile.json()).toMatchObject({ code: 'validation_error', details: [{ path: 'file' }] });
    const badPurpose = await upload('focal', caseId, 'a.pdf', 'application/pdf', pdf, '?purpose=x');
    expect(badPurpose.statusCode).toBe(400);
    expect(await filesOf(caseId)).toEqual([]);
  });

  it('removes the stored file when the database write fails', async () => {
    const caseId = await newCase();
    const actor = (await t.services.auth.authenticate(s.focal!.cookie.split('=')[1]!, 'session'))!.user;
    await expect(
      attachments.upload({ actor, ip: null }, caseId, {
        purpose: 'not-a-purpose' as 'evidence',
        filename: 'x.png',
        content: Readable.from([await png(20, 20)]),
      }),
    ).rejects.toThrow();
    expect(await filesOf(caseId)).toEqual([]);
    expect(await rowsOf(caseId)).toEqual([]);
  });
});

describe('reading and access', () => {
  it('serves byte ranges so audio players can seek', async () => {
    const caseId = await newCase();
    const audio = wav(1000);
    const { url } = (await upload('focal', caseId, 'a.wav', 'audio/wav', audio)).json();
    const whole = await get('focal', url);
    expect(whole.headers).toMatchObject({ 'accept-ranges': 'bytes', 'content-length': '1044' });
    const part = await get('focal', url, { range: 'bytes=0-99' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 0-99/1044');
    expect(part.rawPayload.equals(audio.subarray(0, 100))).toBe(true);
    const tail = await get('focal', url, { range: 'bytes=-10' });
    expect(tail.headers['content-range']).toBe('bytes 1034-1043/1044');
    expect(tail.rawPayload.equals(audio.subarray(1034))).toBe(true);
    const past = await get('focal', url, { range: 'bytes=5000-' });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */1044');
  });

  it('hides the attachments of a case from users who cannot see it, and keeps read-only users from uploading', async () => {
    const caseId = await newCase();
    const { url } = (await upload('focal', caseId, 'a.pdf', 'application/pdf', pdf)).json();
    for (const res of [
      await upload('outsider', caseId, 'b.pdf', 'application/pdf', pdf),
      await get('outsider', `/api/v1/complaints/${caseId}/attachments`),
      await get('outsider', url),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    await publish(caseId);
    const denied = await upload('supervisor', caseId, 'b.pdf', 'application/pdf', pdf);
    expect(denied.statusCode).toBe(403);
    // Wider staff see the published summary, never the files (see the upload test above).
    expect((await get('supervisor', url)).statusCode).toBe(403);
    expect(await rowsOf(caseId)).toHaveLength(1);
  });

  it('reads and drops a refused upload over real HTTP, so the connection and shutdown do not stall', async () => {
    const caseId = await newCase();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const send = (who: string) => {
      const form = new FormData();
      form.append('file', new Blob([wav(12 * MIB)]), 'long.wav');
      return fetch(`${base}/api/v1/complaints/${caseId}/attachments`, {
        method: 'POST',
        headers: s[who]!.headers,
        body: form,
      });
    };
    await publish(caseId);
    expect((await send('outsider')).status).toBe(404);
    expect((await send('supervisor')).status).toBe(403);
    expect((await send('focal')).status).toBe(201);
  });

  it('never lets browsers store the files of a sensitive case', async () => {
    const caseId = await newCase('gbv_sea');
    const { url } = (await upload('vbg', caseId, 'a.pdf', 'application/pdf', pdf)).json();
    expect((await get('vbg', url)).headers['cache-control']).toBe('private, no-store');
    expect((await get('operator', url)).statusCode).toBe(404);
    expect((await get('focal', url)).statusCode).toBe(404);
  });
});
