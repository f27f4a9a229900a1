import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../../lib/clock.js';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/harness.js';
import { createDeadlineScanner } from './scanner.js';

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

const send = (who: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: who.headers, payload });

/** A case of `category` whose resolution was proposed to the complainant: its answer window runs. */
async function waitingForAnswer(category: string) {
  const created = await send(officer, 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: 'Les travaux de la piste sont arrêtés depuis un mois.',
    villageId: tree.b.villages[0]!.id,
    complainant: { anonymous: true },
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  for (const action of [
    { action: 'acknowledge' },
    { action: 'start' },
    { action: 'propose_resolution', resolution: 'Reprise des travaux la semaine prochaine.' },
  ]) {
    const res = await send(officer, 'POST', `/api/v1/complaints/${id}/actions`, action);
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

const state = async (id: string) => {
  const [c] = await t.db.query<{ status: string; outcome: string | null }>(
    'select status, closure_outcome as outcome from complaints where id = $1',
    [id],
  );
  const events = await t.db.query<{ kind: string }>(
    'select kind from complaint_events where complaint_id = $1 order by id',
    [id],
  );
  return { ...c, events: events.map((e) => e.kind) };
};

const settings = (category: string, answerLapse?: string) => ({
  category,
  acknowledgeDays: 5,
  resolveDays: 30,
  answerDays: 10,
  appealDays: 30,
  ...(answerLapse ? { answerLapse } : {}),
});

describe("a complainant's answer window that lapses", () => {
  it('flags the case "no answer" by default, and closes it "no response" when the settings say so', async () => {
    const saved = await send(admin, 'PUT', '/api/v1/grm/sla-settings', settings('payments', 'close'));
    expect(saved.json()).toMatchObject({ answerLapse: 'close' });
    expect(
      (await send(admin, 'PUT', '/api/v1/grm/sla-settings', settings('works', 'later'))).statusCode,
    ).toBe(400);
    const flagged = await waitingForAnswer('works');
    const closed = await waitingForAnswer('payments');

    const scanner = createDeadlineScanner({
      db: t.db,
      clock: fakeClock(new Date(Date.now() + 40 * 86_400_000)),
    });
    const result = await scanner.scan();
    expect(result).toMatchObject({ answerFlags: 1, answerClosures: 1 });
    expect(await state(flagged)).toMatchObject({ status: 'resolution_proposed', outcome: null });
    expect((await state(flagged)).events.slice(-2)).toEqual(['deadline_breached', 'answer_lapsed']);
    expect(await state(closed)).toMatchObject({ status: 'closed', outcome: 'no_response' });
    expect((await state(closed)).events).toContain('deadline_breached');
    // Once: a second scan finds the marks.
    expect(await scanner.scan()).toMatchObject({ answerFlags: 0, answerClosures: 0 });
  });
});
