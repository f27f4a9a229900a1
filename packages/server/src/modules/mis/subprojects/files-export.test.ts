import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SubprojectDetail, SubprojectSummary } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.js';
import {
  createSubproject,
  later,
  misWorld,
  postEvent,
  SUBPROJECTS,
  schoolBody,
  walk,
} from '../../../test/mis-kit.js';
import { uploadBytes } from '../../../test/upload-kit.js';

/**
 * Photos and documents of a sub-project (claimed uploads, an event's proof, downloads in scope) and the
 * sub-project export (CSV/XLSX: the list's rows, codes with French labels, amounts as integers).
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof misWorld>>;
let photo: Buffer;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-mis-files-')) });
  w = await misWorld(t);
  photo = await sharp(randomBytes(16 * 16 * 3), { raw: { width: 16, height: 16, channels: 3 } })
    .jpeg()
    .toBuffer();
}, 300_000);
afterAll(() => t.close());

const detail = async (s: Session, id: string) =>
  (await t.app.inject({ url: `${SUBPROJECTS}/${id}`, headers: s.headers })).json() as SubprojectDetail;

describe('files', () => {
  it('claims uploads as photos and documents, serves them in scope only', async () => {
    const s = await createSubproject(t, w.kara, schoolBody(w.tree.a.villages[0]!.id));
    const ids = [await uploadBytes(t, w.kara, photo), await uploadBytes(t, w.kara, pdf)];
    const res = await t.app.inject({
      method: 'POST',
      url: `${SUBPROJECTS}/${s.id}/files`,
      headers: w.kara.headers,
      payload: { uploadIds: ids, caption: 'Site avant travaux', takenOn: later(0) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as SubprojectDetail['files'];
    expect(items.map((f) => [f.id, f.kind, f.contentType])).toEqual([
      [ids[0], 'photo', 'image/jpeg'],
      [ids[1], 'document', 'application/pdf'],
    ]);
    const url = `${SUBPROJECTS}/${s.id}/files/${ids[0]}`;
    const got = await t.app.inject({ url, headers: w.finance.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.rawPayload.equals(photo)).toBe(true);
    expect((await t.app.inject({ url, headers: w.savanes.headers })).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'POST',
      url: `${SUBPROJECTS}/${s.id}/files`,
      headers: w.kara.headers,
      payload: { uploadIds: [ids[0]] },
    });
    expect(again.statusCode).toBe(404); // consumed: upload_not_found
    const wav = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), randomBytes(64)]);
    const audio = await uploadBytes(t, w.kara, wav);
    const refused = await t.app.inject({
      method: 'POST',
      url: `${SUBPROJECTS}/${s.id}/files`,
      headers: w.kara.headers,
      payload: { uploadIds: [audio] },
    });
    expect(refused.statusCode).toBe(415);
    expect((await detail(w.kara, s.id)).files).toHaveLength(2);
  });

  it("keeps an event's proof with the event, and writes nothing when the event is refused", async () => {
    const s = await createSubproject(t, w.kara, schoolBody(w.tree.a.villages[1]!.id));
    const proof = await uploadBytes(t, w.kara, photo);
    const refused = await postEvent(t, w.kara, s.id, {
      step: 'final_acceptance',
      date: later(1),
      fileIds: [proof],
    });
    expect(refused.statusCode).toBe(409);
    const res = await postEvent(t, w.kara, s.id, { step: 'approved', date: later(1), fileIds: [proof] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().event.fileIds).toEqual([proof]);
    const d = await detail(w.kara, s.id);
    expect(d.files).toMatchObject([{ id: proof, kind: 'photo', eventId: res.json().event.id }]);
  });
});

describe('export', () => {
  const csvRows = async (s: Session, query = '') => {
    const res = await t.app.inject({
      url: `/api/v1/exports/mis-subprojects.csv?${query}`,
      headers: s.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    return { header: lines[0]!, rows: lines.slice(1) };
  };
  const listed = async (s: Session, query = '') =>
    (
      (await t.app.inject({ url: `${SUBPROJECTS}?limit=200&${query}`, headers: s.headers })).json() as {
        items: SubprojectSummary[];
      }
    ).items;

  it('exports the rows the list shows, in its order, codes with labels and whole amounts', async () => {
    const market = await createSubproject(t, w.national, {
      cantonId: w.tree.b.canton.id,
      title: 'Marché de Dapaong',
      component: '1.2a',
      sector: 'economy',
      type: 'market',
      estimatedCost: 123_456_789,
      identifiedOn: later(0),
    });
    await walk(t, w.national, market.id, ['approved']);
    for (const [s, query] of [
      [w.national, ''],
      [w.kara, ''],
      [w.savanes, ''],
      [w.national, 'sector=economy'],
    ] as const) {
      const { header, rows } = await csvRows(s, query);
      expect(header.split(',').slice(0, 3)).toEqual(['Code', 'Intitulé', 'Zone']);
      const codes = rows.map((r) => r.split(',')[0]);
      expect(codes).toEqual((await listed(s, query)).map((x) => x.code));
    }
    const { rows } = await csvRows(w.savanes, 'sector=economy');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(
      ',1.2a,1.2a Marchés,economy,Économie locale,market,Marché (hangars),approved,Approuvé,0,123456789,0,',
    );
    const xlsx = await t.app.inject({ url: '/api/v1/exports/mis-subprojects.xlsx', headers: w.kara.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const denied = await t.app.inject({
      url: '/api/v1/exports/mis-subprojects.csv',
      headers: w.focal.headers,
    });
    expect(denied.statusCode).toBe(403);
  });
});
