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
let admin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t.close());

const send = (who: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

/** A case received on Monday 2 March 2026 (its acknowledge deadline runs a few business days). */
async function newCase(category: string) {
  const res = await send(officer, 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: 'Les travaux de la piste sont arrêtés depuis un mois.',
    villageId: tree.b.villages[0]!.id,
    receivedAt: '2026-03-02T09:00:00Z',
    complainant: { anonymous: true },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const acknowledgeDue = async (id: string) => {
  const [row] = await t.db.query<{ due: string; next: string }>(
    `select d.due_date as due, c.next_due_date as next
       from complaint_deadlines d join complaints c on c.id = d.complaint_id
      where d.complaint_id = $1 and d.kind = 'acknowledge'`,
    [id],
  );
  expect(row!.next).toBe(row!.due); // the lists' copy follows
  return row!.due;
};
const recomputed = (id: string) =>
  t.db.query<{ payload: { cause: string; changes: { deadline: string; from: string; to: string }[] } }>(
    `select payload from complaint_events where complaint_id = $1 and kind = 'deadlines_recomputed' order by id`,
    [id],
  );

describe('recomputing open deadlines', () => {
  it('moves due dates when a holiday is entered or removed, with an event on each case moved', async () => {
    const id = await newCase('works');
    const before = await acknowledgeDue(id);
    const unaffected = await newCase('works');
    await t.db.query(`update complaint_deadlines set met_at = now() where complaint_id = $1`, [unaffected]);

    const added = await send(admin, 'POST', '/api/v1/grm/holidays', {
      date: '2026-03-04',
      labelFr: 'Fermeture exceptionnelle',
      labelEn: 'Exceptional closure',
    });
    expect(added.statusCode).toBe(201);
    const later = await acknowledgeDue(id);
    expect(later > before).toBe(true);
    expect((await recomputed(id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        cause: 'holiday_added',
        date: '2026-03-04',
        changes: [{ deadline: 'acknowledge', from: before, to: later }],
      }),
    ]);
    expect(await recomputed(unaffected)).toEqual([]); // a met deadline stays as it was

    expect((await send(admin, 'DELETE', '/api/v1/grm/holidays/2026-03-04')).statusCode).toBe(204);
    expect(await acknowledgeDue(id)).toBe(before);
    expect((await recomputed(id)).map((e) => e.payload.cause)).toEqual(['holiday_added', 'holiday_removed']);
    const [audit] = await t.db.query<{ changes: { recomputedCases: number } }>(
      `select changes from audit_log where entity = 'public_holiday' and action = 'delete' order by id desc limit 1`,
    );
    expect(audit!.changes.recomputedCases).toBeGreaterThanOrEqual(1);
  });

  it('moves due dates when the settings that apply to a case change', async () => {
    const id = await newCase('payments');
    const other = await newCase('works');
    const before = await acknowledgeDue(id);
    const untouched = await acknowledgeDue(other);
    const saved = await send(admin, 'PUT', '/api/v1/grm/sla-settings', {
      category: 'payments',
      acknowledgeDays: 9,
      resolveDays: 30,
      answerDays: 10,
      appealDays: 30,
    });
    expect(saved.statusCode).toBe(201);
    const after = await acknowledgeDue(id);
    expect(after > before).toBe(true);
    expect((await recomputed(id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ cause: 'sla_settings', category: 'payments' }),
    ]);
    expect(await acknowledgeDue(other)).toBe(untouched);
    expect(await recomputed(other)).toEqual([]);
  });
});
