import { UPLOADS_PATH } from '@coso/domain';
import { expect } from 'vitest';
import type { Session, TestApp } from './harness.js';

/** Test helper (not a test file): sends `data` as one complete tus upload of `s`; returns the upload id. */
export async function uploadBytes(t: TestApp, s: Session, data: Buffer): Promise<string> {
  const tus = { 'tus-resumable': '1.0.0' };
  const res = await t.app.inject({
    method: 'POST',
    url: UPLOADS_PATH,
    headers: { ...s.headers, ...tus, 'upload-length': String(data.length) },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = String(res.headers.location).split('/').pop()!;
  const sent = await t.app.inject({
    method: 'PATCH',
    url: `${UPLOADS_PATH}/${id}`,
    headers: {
      ...s.headers,
      ...tus,
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    },
    payload: data,
  });
  expect(sent.statusCode, sent.body).toBe(204);
  return id;
}
