import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    officerB: await makeUser(t, ['grm_officer'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
    boss: await makeUser(t, ['supervisor'], [tree.country]),
    bossB: await makeUser(t, ['supervisor'], [tree.b.region]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s[who]!.headers, payload });
const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: s[who]!.cookie } });
const listIds = async (who: string, query = '') =>
  (await get(who, `/api/v1/complaints?limit=200${query}`)).json().items.map((c: { id: string }) => c.id);
const exported = async (who: string, format: 'csv' | 'xlsx' = 'csv') => {
  const res = await get(who, `/api/v1/complaints/export.${format}`);
  expect(res.statusCode).toBe(200);
  if (format === 'csv') return res.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells.join('\n');
};

// A word only in the original description, never in the summary.
const SECRET = 'baobaberaie';
const SUMMARY = 'Panne de forage signalée, vérification technique en cours.';

async function newCase(category = 'works') {
  const res = await post('facilitator', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'in_person',
    description: `Le chef ${SECRET} refuse de réparer le forage du quartier.`,
    placeDescription: `Derrière la maison ${SECRET}`,
    villageId: tree.a.villages[0]!.id,
    complainant: { anonymous: true },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; trackingCode: string; reference: string };
}

describe('publication review', () => {
  it('hides an unpublished case from wider staff everywhere: detail, lists, search and export', async () => {
    const c = await newCase();
    expect((await get('boss', `/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await get('boss', `/api/v1/complaints/${c.id}/events`)).statusCode).toBe(404);
    expect(await listIds('boss')).not.toContain(c.id);
    expect(await listIds('boss', `&q=${c.trackingCode}`)).toEqual([]);
    expect(await listIds('boss', '&sort=due_asc')).not.toContain(c.id);
    expect(await exported('boss')).not.toContain(c.trackingCode);
    // The handlers see it, original text included.
    const handler = (await get('focalA', `/api/v1/complaints/${c.id}`)).json();
    expect(handler).toMatchObject({ summaryOnly: false, publication: { summary: null, publishedAt: null } });
    expect(handler.description).toContain(SECRET);
    expect((await get('facilitator', `/api/v1/complaints/${c.id}`)).json().description).toContain(SECRET);
    expect(await listIds('focalA', `&q=${SECRET}`)).toContain(c.id);
  });

  it('shows the published summary, never the description, to wider staff of the area', async () => {
    const c = await newCase();
    const url = `/api/v1/complaints/${c.id}`;
    expect((await post('operator', `${url}/publish`, { summary: 'court' })).statusCode).toBe(400);
    expect((await post('focalA', `${url}/publish`, { summary: SUMMARY })).statusCode).toBe(403);
    expect((await post('officerB', `${url}/publish`, { summary: SUMMARY })).statusCode).toBe(404);
    expect((await post('boss', `${url}/publish`, { summary: SUMMARY })).statusCode).toBe(404);
    await post('focalA', `${url}/actions`, { action: 'comment', text: `Le chef ${SECRET} a été vu.` });

    const published = await post('operator', `${url}/publish`, { summary: SUMMARY });
    expect(published.statusCode).toBe(200);
    expect(published.json().publication).toMatchObject({
      summary: SUMMARY,
      publishedBy: { id: ids.operator },
    });

    const file = await get('boss', url);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({
      description: SUMMARY,
      summaryOnly: true,
      publication: null,
      placeDescription: null,
      allowedActions: [],
      canRefer: false,
      canPublish: false,
    });
    expect(file.body).not.toContain(SECRET);
    const events = await get('boss', `${url}/events`);
    expect(events.body).not.toContain(SECRET);
    expect(events.json().items.map((e: { kind: string }) => e.kind)).toContain('published');
    expect((await get('boss', `${url}/referrals`)).statusCode).toBe(403);
    expect((await post('boss', `${url}/actions`, { action: 'comment', text: 'Je passe.' })).statusCode).toBe(
      403,
    );

    expect(await listIds('boss')).toContain(c.id);
    expect(await listIds('boss', `&q=${SECRET}`)).toEqual([]);
    expect(await listIds('boss', '&q=vérification')).toContain(c.id);
    expect(await listIds('boss', `&q=${c.trackingCode}`)).toEqual([c.id]);
    expect(await listIds('boss', `&q=${c.reference}`)).toEqual([c.id]);
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exported('boss', format);
      expect(file).toContain(c.trackingCode);
      expect(file).not.toContain(SECRET);
    }
    // Outside their area, wider staff still see nothing.
    expect((await get('bossB', url)).statusCode).toBe(404);
    expect(await listIds('bossB')).not.toContain(c.id);
    // Handlers keep the original text.
    expect((await get('focalA', url)).json().description).toContain(SECRET);
  });

  it('may be corrected, and records every publication in the timeline and the audit log', async () => {
    const c = await newCase();
    const url = `/api/v1/complaints/${c.id}`;
    await post('operator', `${url}/publish`, { summary: SUMMARY });
    const corrected = 'Forage en panne, réparation programmée par la commune.';
    expect((await post('operator', `${url}/publish`, { summary: corrected })).statusCode).toBe(200);
    expect((await get('boss', url)).json().description).toBe(corrected);
    const audit = await t.db.query<{ actor_id: string; changes: { summary: { from: string; to: string } } }>(
      `select actor_id, changes from audit_log where entity_id = $1 and action = 'published' order by id`,
      [c.id],
    );
    expect(audit).toMatchObject([
      { actor_id: ids.operator, changes: { summary: { from: null, to: SUMMARY } } },
      { actor_id: ids.operator, changes: { summary: { from: SUMMARY, to: corrected } } },
    ]);
    const events = (await get('operator', `${url}/events`)).json().items;
    expect(events.filter((e: { kind: string }) => e.kind === 'published')).toMatchObject([
      { payload: { republished: false } },
      { payload: { republished: true } },
    ]);
  });

  it('never publishes a sensitive case (422), and wider staff never see one', async () => {
    const c = await newCase('gbv_sea');
    const res = await post('vbg', `/api/v1/complaints/${c.id}/publish`, { summary: SUMMARY });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('sensitive_case_not_publishable');
    expect(
      (await post('operator', `/api/v1/complaints/${c.id}/publish`, { summary: SUMMARY })).statusCode,
    ).toBe(404);
    const [row] = await t.db.query<{ published_at: Date | null }>(
      'select published_at from complaints where id = $1',
      [c.id],
    );
    expect(row!.published_at).toBeNull();
    expect(await listIds('boss', '&sensitive=true')).toEqual([]);
  });
});
