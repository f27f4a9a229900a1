import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

/**
 * Response contracts (docs/api.md): every route declares the schema of its successful answer (a zod schema
 * from @coso/domain in `schema.response`), so that OpenAPI documents it, the serializer checks it and the
 * web client takes its types from it. The routes below do not, each for the reason given. A new route
 * without a response schema fails this test until it declares one (or, for a file download or a stream, is
 * listed).
 */
const WITHOUT_CONTRACT: Record<string, string> = {
  // Files and streamed answers: the body is not JSON (or is streamed row by row).
  'GET /api/v1/complaints/{id}/receipt.pdf': 'PDF download',
  'GET /api/v1/complaints/{id}/case-file.pdf': 'PDF download',
  'GET /api/v1/complaints/{id}/attachments/{attachmentId}/content': 'file download (byte ranges)',
  'GET /api/v1/complaints/{id}/attachments/{attachmentId}/preview': 'image download',
  'GET /api/v1/public/track/{trackingCode}/receipt.pdf': 'PDF download',
  'GET /api/v1/exports/complaints.csv': 'CSV stream',
  'GET /api/v1/exports/complaints.xlsx': 'XLSX stream',
  'GET /api/v1/complaints/export.csv': 'CSV stream',
  'GET /api/v1/complaints/export.xlsx': 'XLSX stream',
  'GET /api/v1/exports/analyst.csv': 'CSV stream',
  'GET /api/v1/exports/analyst.xlsx': 'XLSX stream',
  'GET /api/v1/exports/analyst-events.csv': 'CSV stream',
  'GET /api/v1/exports/analyst-events.xlsx': 'XLSX stream',
  'GET /api/v1/exports/{id}/file': 'file download',
  'GET /api/v1/geo/export': 'CSV/XLSX download',
  'GET /api/v1/reports/complaints/periodic.pdf': 'PDF download',
  'GET /api/v1/reports/complaints/periodic.xlsx': 'XLSX download',
  'GET /api/v1/reports/runs/{id}/file': 'file download',
  'GET /api/v1/forms/{id}/xlsform': 'XLSX download',
  'GET /api/v1/forms/{id}/submissions/{submissionId}/files/{fileId}': 'file download',
  'GET /api/v1/dcc/task-instances/{id}/files/{uploadId}': 'file download',
  'GET /api/v1/mis/subprojects/{id}/files/{fileId}': 'file download',
  'GET /api/v1/mis/finance/files/{id}': 'file download',
  'GET /api/v1/exports/mis-subprojects.csv': 'CSV stream',
  'GET /api/v1/exports/mis-subprojects.xlsx': 'XLSX stream',
  'GET /api/v1/dcc/materials/{fileId}': 'file download',
  // Resumable uploads (tus protocol): the answers are headers, with no JSON body.
  'OPTIONS /api/v1/uploads': 'tus',
  'POST /api/v1/uploads': 'tus',
  'PATCH /api/v1/uploads/{id}': 'tus',
  'DELETE /api/v1/uploads/{id}': 'tus',
};

interface Operation {
  responses?: Record<string, { description?: string; content?: unknown }>;
}

/** Declared: a 2xx answer with a body schema, or a declared empty one (204). */
function declaresContract(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(
    ([code, r]) => /^2\d\d$/.test(code) && (r.content !== undefined || r.description !== 'Default Response'),
  );
}

let t: TestApp;
let routes: Array<{ key: string; declared: boolean }>;

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      declared: declaresContract(op),
    })),
  );
});
afterAll(() => t.close());

describe('response contracts', () => {
  it('every route declares its answer, except the listed downloads and streams', () => {
    const missing = routes.filter((r) => !r.declared && !(r.key in WITHOUT_CONTRACT)).map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it('the list holds no route that now declares its answer, nor one that no longer exists', () => {
    const keys = new Set(routes.map((r) => r.key));
    const stale = Object.keys(WITHOUT_CONTRACT).filter(
      (k) => !keys.has(k) || routes.find((r) => r.key === k)?.declared,
    );
    expect(stale).toEqual([]);
  });

  it('documents the answers from the domain schemas (dates as date-time strings)', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const me = doc.paths['/api/v1/me'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(me.properties)).toEqual(
      expect.arrayContaining(['id', 'username', 'roles', 'permissions', 'jurisdictions', 'csrfToken']),
    );
    const user = doc.paths['/api/v1/users/{id}'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(user.properties.createdAt)).toContain('date-time');
  });
});
