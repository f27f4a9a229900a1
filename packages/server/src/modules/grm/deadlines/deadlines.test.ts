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
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    admin: await makeUser(t, ['admin'], [tree.country]),
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    focal: await makeUser(t, ['focal_point'], [tree.b.region]),
  };
  for (const [key, user] of Object.entries(people)) s[key] = await login(t, user.username);
});
afterAll(() => t.close());

const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload: payload as object } : {}) });
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });

/** A case in region B, received on `receivedAt`. */
async function newCase(receivedAt: string, category = 'works') {
  const res = await send('officer', 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: 'Les travaux de la piste sont arrêtés depuis un mois.',
    villageId: tree.b.villages[0]!.id,
    receivedAt,
    complainant: { anonymous: true },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const settings = (over: Record<string, unknown>) => ({
  acknowledgeDays: 5,
  resolveDays: 30,
  answerDays: 10,
  appealDays: 30,
  ...over,
});

describe('holidays', () => {
  it('lets the administrator enter a feast, lists it with the computed holidays, and removes it', async () => {
    const created = await send('admin', 'POST', '/api/v1/grm/holidays', {
      date: '2026-03-20',
      labelFr: 'Fin du Ramadan',
      labelEn: 'End of Ramadan',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ date: '2026-03-20', kind: 'movable', source: 'entered' });
    expect((await send('admin', 'POST', '/api/v1/grm/holidays', created.json())).statusCode).toBe(409);

    const list = (await get('focal', '/api/v1/grm/holidays?year=2026')).json().items;
    expect(list.map((h: { date: string }) => h.date)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-03-20', '2026-04-06', '2026-04-27']),
    );
    const audit = await t.db.query(`select 1 from audit_log where entity = 'public_holiday'`);
    expect(audit.length).toBe(1);

    await send('admin', 'POST', '/api/v1/grm/holidays', {
      date: '2026-05-27',
      labelFr: 'Tabaski',
      labelEn: 'Eid',
    });
    expect((await send('admin', 'DELETE', '/api/v1/grm/holidays/2026-05-27')).statusCode).toBe(204);
    expect((await send('admin', 'DELETE', '/api/v1/grm/holidays/2026-05-27')).statusCode).toBe(404);
  });

  it('refuses bad input with 400 and writes by non-administrators with 403', async () => {
    const bad = await send('admin', 'POST', '/api/v1/grm/holidays', {
      date: '2026-02-30',
      labelFr: '',
      labelEn: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const law = await send('admin', 'POST', '/api/v1/grm/holidays', {
      date: '2026-12-25',
      labelFr: 'N',
      labelEn: 'C',
    });
    expect(law.statusCode).toBe(400);
    const forbidden = await send('focal', 'POST', '/api/v1/grm/holidays', {
      date: '2026-06-16',
      labelFr: 'Tabaski',
      labelEn: 'Eid al-Adha',
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('SLA settings', () => {
  it('lists the default row and upserts rows per scope, validating level and category', async () => {
    const list = (await get('officer', '/api/v1/grm/sla-settings')).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        level: null,
        category: null,
        acknowledgeDays: 5,
        resolveDays: 30,
        reminderDays: 2,
      }),
    ]);
    const created = await send(
      'admin',
      'PUT',
      '/api/v1/grm/sla-settings',
      settings({ level: 'region', acknowledgeDays: 3 }),
    );
    expect(created.statusCode).toBe(201);
    const replaced = await send(
      'admin',
      'PUT',
      '/api/v1/grm/sla-settings',
      settings({ level: 'region', acknowledgeDays: 4 }),
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().id).toBe(created.json().id);
    const bad = await send(
      'admin',
      'PUT',
      '/api/v1/grm/sla-settings',
      settings({ level: 'galaxy', category: 'nope' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['category', 'level']);
    expect(
      (await send('admin', 'PUT', '/api/v1/grm/sla-settings', settings({ resolveDays: 0 }))).statusCode,
    ).toBe(400);
    expect((await send('officer', 'PUT', '/api/v1/grm/sla-settings', settings({}))).statusCode).toBe(403);
  });

  it('applies the most specific row to a new case', async () => {
    await send(
      'admin',
      'PUT',
      '/api/v1/grm/sla-settings',
      settings({ category: 'payments', acknowledgeDays: 2 }),
    );
    await send(
      'admin',
      'PUT',
      '/api/v1/grm/sla-settings',
      settings({ level: 'region', category: 'payments', acknowledgeDays: 1 }),
    );
    // Received Monday 2 March 2026; cases of region B are handled at the region level.
    const works = await newCase('2026-03-02T09:00:00Z', 'works'); // level row: 4 days
    const payments = await newCase('2026-03-02T09:00:00Z', 'payments'); // category + level: 1 day
    const other = await newCase('2026-03-02T09:00:00Z', 'safeguards');
    expect(works.deadlines[0]).toMatchObject({ kind: 'acknowledge', dueDate: '2026-03-06' });
    expect(payments.deadlines[0]).toMatchObject({ kind: 'acknowledge', dueDate: '2026-03-03' });
    expect(other.deadlines[0]).toMatchObject({ kind: 'acknowledge', dueDate: '2026-03-06' });
  });
});

describe('deadlines of a case', () => {
  it('skips weekends and holidays, including one entered by the administrator', async () => {
    // Received Tuesday 17 March; level row: 4 business days; Friday 20 March entered above (Ramadan end).
    const c = await newCase('2026-03-17T09:00:00Z', 'safeguards');
    expect(c.deadlines).toEqual([
      expect.objectContaining({ kind: 'acknowledge', dueDate: '2026-03-24', overdue: true, metAt: null }),
    ]);
    expect(c.deadlines[0].remainingBusinessDays).toBeLessThan(0);
  });

  it('meets the acknowledge deadline when the case is acknowledged and starts the resolve one from receipt', async () => {
    const c = await newCase('2026-03-02T09:00:00Z', 'safeguards');
    const res = await send('officer', 'POST', `/api/v1/complaints/${c.id}/actions`, {
      action: 'acknowledge',
    });
    expect(res.statusCode).toBe(200);
    const [ack, resolve] = res.json().deadlines;
    expect(ack).toMatchObject({ kind: 'acknowledge', overdue: false });
    expect(ack.metAt).not.toBeNull();
    // 30 business days from 2 March 2026, skipping 20 March (entered above) and Easter Monday (6 April).
    expect(resolve).toMatchObject({ kind: 'resolve', dueDate: '2026-04-15', metAt: null });
    const file = (await get('officer', `/api/v1/complaints/${c.id}`)).json();
    expect(file.deadlines).toHaveLength(2);
  });

  it('filters overdue cases and sorts by the next due date, page by page', async () => {
    // Received just now (a reception date in the future is refused): nothing of it is due yet.
    const late = await newCase('2026-01-05T09:00:00Z', 'safeguards');
    const fresh = await newCase(new Date().toISOString(), 'safeguards');
    const overdue = (await get('officer', '/api/v1/complaints?overdue=true&limit=200')).json().items;
    const ids = overdue.map((c: { id: string }) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(fresh.id);
    // The list item carries the earliest open due date, which the web flags as overdue.
    const lateItem = overdue.find((c: { id: string }) => c.id === late.id);
    expect(lateItem.nextDueDate).toBe(late.deadlines[0].dueDate);
    const notOverdue = (await get('officer', '/api/v1/complaints?overdue=false&limit=200')).json().items;
    expect(notOverdue.map((c: { id: string }) => c.id)).toContain(fresh.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        'officer',
        `/api/v1/complaints?sort=due_asc&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((c: { id: string }) => c.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    const all = (await get('officer', '/api/v1/complaints?limit=200')).json().items;
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(seen.length);
    const due = await t.db.query<{ id: string; next: string }>(
      `select c.id, coalesce(min(d.due_date) filter (where d.met_at is null), '9999-12-31')::text as next
         from complaints c left join complaint_deadlines d on d.complaint_id = c.id group by c.id`,
    );
    const nextOf = new Map(due.map((r) => [r.id, r.next]));
    const dates = seen.map((id) => nextOf.get(id)!);
    expect(dates).toEqual([...dates].sort());
    expect(seen.indexOf(late.id)).toBeLessThan(seen.indexOf(fresh.id));
  });
});
