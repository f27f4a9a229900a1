import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let filer: Session;
let other: Session;

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['sensitive_focal_point'], [tree.country]);
  filer = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
  other = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
});
afterAll(() => t.close());

const upload = (s: Session, id: string) => {
  const boundary = 'x-filer-window';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/attachments`,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
};

describe("the filer's window on a sensitive case", () => {
  it('lets the facilitator who filed it attach files and print the receipt, but not read it, and only for a while', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: filer.headers,
      payload: {
        type: 'complaint',
        category: 'gbv_sea',
        channel: 'in_person',
        description: 'Signalement recueilli au village',
        villageId: tree.a.villages[0]!.id,
        complainant: { anonymous: true },
      },
    });
    const id = res.json().id as string;
    expect(
      (await t.app.inject({ url: `/api/v1/complaints/${id}`, headers: { cookie: filer.cookie } })).statusCode,
    ).toBe(404);
    expect((await upload(filer, id)).statusCode).toBe(201);
    const receipt = await t.app.inject({
      url: `/api/v1/complaints/${id}/receipt.pdf`,
      headers: { cookie: filer.cookie },
    });
    expect(receipt.statusCode).toBe(200);
    expect((await upload(other, id)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/complaints/${id}/attachments`, headers: { cookie: filer.cookie } }))
        .statusCode,
    ).toBe(404);

    await t.db.query(`update complaints set created_at = now() - interval '3 hours' where id = $1`, [id]);
    expect((await upload(filer, id)).statusCode).toBe(404);
    const late = await t.app.inject({
      url: `/api/v1/complaints/${id}/receipt.pdf`,
      headers: { cookie: filer.cookie },
    });
    expect(late.statusCode).toBe(404);
  });
});
