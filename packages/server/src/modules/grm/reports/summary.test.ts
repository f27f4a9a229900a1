import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';

/**
 * The summary against facts set by hand: reception, acknowledgment and due dates chosen around a weekend and
 * a holiday, so the expected business days and deadline compliance are known without the code under test.
 */

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const who: Record<string, Session> = {};

const fileCase = async (village: string, category = 'works') =>
  (
    await fileComplaint(t, who.officer!, village, {
      category,
      complainant: { anonymous: false, name: 'Ama Koffi', phone: '+22890000001', gender: 'female' },
    })
  ).id;

/** Received, acknowledged (or not) and the acknowledgment deadline, as the case history would have set them. */
async function setFacts(
  id: string,
  f: { received: string; acknowledged?: string; due: string; met?: string },
) {
  await t.db.query(
    `update complaints set received_at = $2::date + time '09:00', acknowledged_at = $3::date + time '10:00'
      where id = $1`,
    [id, f.received, f.acknowledged ?? null],
  );
  await t.db.query(
    `insert into complaint_deadlines (complaint_id, kind, started_on, due_date, remind_on, handling_level, met_at)
     values ($1, 'acknowledge', $2, $3, $3, 'commune', $4::date + time '10:00')
     on conflict (complaint_id, kind) do update set due_date = $3, met_at = $4::date + time '10:00'`,
    [id, f.received, f.due, f.met ?? null],
  );
}

const summary = async (as: string, query = '') => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/reports/complaints/summary?from=2026-06-01&to=2026-06-30${query}`,
    headers: who[as]!.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const users = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    kara: await makeUser(t, ['grm_officer'], [tree.a.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    boss: await makeUser(t, ['supervisor'], [tree.country]),
    field: await makeUser(t, ['facilitator'], [tree.a.canton]),
  };
  for (const [k, u] of Object.entries(users)) who[k] = await login(t, u.username);
  // A holiday entered by the administrator, on a Monday.
  await t.db.query(
    `insert into public_holidays (date, label_fr, label_en, kind) values ('2026-06-22', 'Férié', 'Holiday', 'movable')`,
  );
  const [v1, v2] = tree.a.villages;
  // Mon 1 → Thu 4: 3 business days, due Fri 5: on time.
  await setFacts(await fileCase(v1!.id), {
    received: '2026-06-01',
    acknowledged: '2026-06-04',
    due: '2026-06-05',
    met: '2026-06-04',
  });
  // Fri 5 → Tue 9 over a weekend: 2 business days, due Mon 8: late.
  await setFacts(await fileCase(v1!.id), {
    received: '2026-06-05',
    acknowledged: '2026-06-09',
    due: '2026-06-08',
    met: '2026-06-09',
  });
  // Fri 19 → Tue 23 over a weekend and the Monday holiday: 1 business day, due Wed 24: on time.
  await setFacts(await fileCase(v2!.id), {
    received: '2026-06-19',
    acknowledged: '2026-06-23',
    due: '2026-06-24',
    met: '2026-06-23',
  });
  // Not acknowledged, due date passed: due and late.
  await setFacts(await fileCase(v2!.id), { received: '2026-06-25', due: '2026-06-29' });
  // Elsewhere (region b) and a sensitive case in region a.
  for (let i = 0; i < 2; i++)
    await setFacts(await fileCase(tree.b.villages[0]!.id), { received: '2026-06-10', due: '2026-06-12' });
  await setFacts(await fileCase(v1!.id, 'gbv_sea'), { received: '2026-06-11', due: '2026-06-12' });
  // Outside the period.
  await setFacts(await fileCase(v1!.id), { received: '2026-07-02', due: '2026-07-03' });
});
afterAll(() => t?.close());

describe('grievance summary', () => {
  it('counts deadline compliance and durations in business days, weekends and holidays excluded', async () => {
    const s = await summary('kara');
    expect(s.received).toBe(4);
    expect(s.acknowledgedWithinDeadline).toEqual({ onTime: 2, due: 4, rate: 50 });
    expect(s.daysToAcknowledge).toEqual({ median: 2, average: 2, count: 3 });
    expect(s.trend.map((m: { month: string; received: number }) => [m.month, m.received])).toEqual([
      ['2026-06', 4],
    ]);
    // Dates were set by hand, statuses were not: all four are still "received".
    expect(s.byStatus).toEqual([{ key: 'received', n: 4 }]);
    expect(s.byGender).toEqual([{ key: 'female', n: 4 }]);
  });

  it('keeps to the caller’s jurisdiction and drills down one level under the chosen area', async () => {
    const all = await summary('officer');
    expect(all.received).toBe(6);
    const areas = Object.fromEntries(all.byArea.map((a: { id: string; n: number }) => [a.id, a.n]));
    expect(areas).toEqual({ [tree.a.region.id]: 4, [tree.b.region.id]: 2 });
    const kara = await summary('officer', `&area=${tree.a.region.id}`);
    expect(kara.received).toBe(4);
    expect(kara.byArea.map((a: { id: string }) => a.id)).toEqual([tree.a.prefecture.id]);
    expect((await summary('kara', `&area=${tree.b.region.id}`)).received).toBe(0);
  });

  it('shows sensitive cases as one total to people not entitled to them, in full to the focal point', async () => {
    for (const as of ['officer', 'kara', 'boss']) {
      const s = await summary(as);
      expect(s.sensitiveIncluded).toBe(false);
      expect(s.sensitiveTotal).toBe(1);
      expect(s.byCategory.map((c: { key: string }) => c.key)).not.toContain('gbv_sea');
      // Filtering on the category does not reveal its breakdown either.
      expect((await summary(as, '&category=gbv_sea')).received).toBe(0);
    }
    const vbg = await summary('vbg');
    expect(vbg.sensitiveIncluded).toBe(true);
    expect(vbg.received).toBe(7);
    expect(vbg.byCategory).toContainEqual({ key: 'gbv_sea', n: 1 });
  });

  it('is refused to roles without reporting rights, and checks its filters', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/complaints/summary',
      headers: who.field!.headers,
    });
    expect(res.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/complaints/summary?from=juin',
      headers: who.officer!.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_error');
  });

  it('computes the indicators from the same numbers, month by month', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/complaints/indicators?months=12&area=${tree.a.region.id}`,
      headers: who.kara!.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = Object.fromEntries(res.json().items.map((i: { code: string }) => [i.code, i])) as Record<
      string,
      { value: number; trend: Array<{ month: string; value: number | null }> }
    >;
    expect(items.received!.value).toBe(5);
    expect(items.received!.trend.find((m) => m.month === '2026-06')?.value).toBe(4);
    expect(items.received!.trend.find((m) => m.month === '2026-07')?.value).toBe(1);
    expect(items.acknowledged_within_deadline!.trend.find((m) => m.month === '2026-06')?.value).toBe(50);
    expect(items.days_to_acknowledge!.trend.find((m) => m.month === '2026-06')?.value).toBe(2);
  });
});

describe('periodic report', () => {
  const download = async (as: string, query: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/complaints/periodic.${query}`,
      headers: who[as]!.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const sheets = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    return wb;
  };

  it('renders the monthly report as a PDF with the project header and as an XLSX with one sheet per table', async () => {
    const pdf = await download('kara', 'pdf?period=2026-06');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('rapport-plaintes-2026-06-interne.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    const wb = await sheets((await download('kara', 'xlsx?period=2026-Q2')).rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Synthèse', 'Par statut', 'Par catégorie', 'Par zone', 'Par mois']),
    );
    const figures = wb
      .getWorksheet('Synthèse')!
      .getSheetValues()
      .map((r) => (Array.isArray(r) ? r.slice(1, 3) : []));
    expect(figures).toContainEqual(['Plaintes reçues', 4]);
    expect(String(wb.getWorksheet('Synthèse')!.getCell('A2').value)).toContain('2e trimestre 2026');
  });

  it('publishes anonymised aggregates: small counts hidden, no sensitive breakdown even for the focal point', async () => {
    const wb = await sheets((await download('vbg', 'xlsx?period=2026-06&version=public')).rawPayload);
    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Array.isArray)
        .map((r) => (r as unknown[]).slice(1, 3));
    expect(rows('Synthèse')).toContainEqual(['Plaintes reçues', 6]);
    expect(rows('Synthèse')).toContainEqual(['Plaintes résolues (clôturées)', 0]);
    expect(rows('Par catégorie').map((r) => r[0])).not.toContain(
      'Violences basées sur le genre, exploitation, abus et harcèlement sexuels (VBG/EAS/HS)',
    );
    expect(rows('Par région ou zone').map((r) => r[1])).toEqual(['Plaintes', '< 5', '< 5']);
  });

  it('refuses a malformed period', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/complaints/periodic.pdf?period=2026-13',
      headers: who.officer!.headers,
    });
    expect(res.statusCode).toBe(400);
  });
});
