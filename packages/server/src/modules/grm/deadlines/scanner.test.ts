import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { fakeClock } from '../../../lib/clock.js';
import { createTestApp, makeTree, makeUser, type TestApp } from '../../../test/harness.js';
import { createDeadlineScanner } from './scanner.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  await makeUser(t, ['focal_point'], [tree.a.region]);
  await makeUser(t, ['focal_point'], [tree.a.prefecture]);
  await makeUser(t, ['grm_officer'], [tree.country]);
});
afterAll(() => t.close());

/** A case received on `receivedAt` (Monday 2 March 2026 by default: acknowledge due Monday 9 March). */
async function newCase(category = 'works', receivedAt = '2026-03-02T09:00:00Z') {
  const c = await t.services.complaints.create(SYSTEM_CONTEXT, {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
    villageId: tree.a.villages[0]!.id,
    receivedAt,
    ongoing: false,
    recurring: false,
    complainant: { anonymous: true, kind: 'individual', vulnerabilities: [], confidential: true },
  } as never);
  return c.id;
}

const events = (id: string, kind: string) =>
  t.db.query<{ payload: { deadline: string } }>(
    'select payload from complaint_events where complaint_id = $1 and kind = $2 order by id',
    [id, kind],
  );
const outbox = (id: string) =>
  t.db.query<{ topic: string }>(
    `select topic from notification_outbox
      where entity_type = 'complaint' and entity_id = $1 and topic like 'deadline_%' and channel = 'in_app' order by id`,
    [id],
  );

describe('deadline scan', () => {
  it('fires a reminder once before the due date and a breach once after it', async () => {
    const id = await newCase('payments');
    const clock = fakeClock('2026-03-04T08:00:00Z'); // Wednesday: 3 business days before the 9th
    const scanner = createDeadlineScanner({ db: t.db, clock });
    await scanner.scan();
    expect(await events(id, 'deadline_reminder')).toHaveLength(0);

    clock.set('2026-03-05T08:00:00Z'); // Thursday: 2 business days before → reminder
    await scanner.scan();
    await scanner.scan();
    expect((await events(id, 'deadline_reminder')).map((e) => e.payload.deadline)).toEqual(['acknowledge']);

    clock.set('2026-03-09T18:00:00Z'); // the due date itself: not yet breached
    await scanner.scan();
    expect(await events(id, 'deadline_breached')).toHaveLength(0);

    clock.set('2026-03-10T08:00:00Z');
    await scanner.scan();
    await scanner.scan();
    expect(await events(id, 'deadline_breached')).toHaveLength(1);
    expect((await outbox(id)).map((o) => o.topic)).toEqual(['deadline_reminder', 'deadline_breached']);
    const [d] = await t.db.query<{ breached: boolean }>(
      `select breached_at is not null as breached from complaint_deadlines where complaint_id = $1 and kind = 'acknowledge'`,
      [id],
    );
    expect(d?.breached).toBe(true);
  });

  it('never fires twice when two scans run at once', async () => {
    const ids = [await newCase('payments'), await newCase('payments'), await newCase('payments')];
    const clock = fakeClock('2026-03-05T08:00:00Z');
    const [a, b] = [createDeadlineScanner({ db: t.db, clock }), createDeadlineScanner({ db: t.db, clock })];
    await Promise.all([a.scan(), b.scan(), a.scan()]);
    clock.set('2026-03-12T08:00:00Z');
    await Promise.all([a.scan(), b.scan(), b.scan()]);
    for (const id of ids) {
      expect(await events(id, 'deadline_reminder')).toHaveLength(1);
      expect(await events(id, 'deadline_breached')).toHaveLength(1);
    }
  });

  it('catches up after downtime with a new scanner instance', async () => {
    const id = await newCase('payments');
    // "Restart": nothing ran since intake; a fresh scanner wakes up a week after the due date.
    const later = createDeadlineScanner({ db: t.db, clock: fakeClock('2026-03-16T08:00:00Z') });
    const result = await later.scan();
    expect(result.breaches).toBeGreaterThanOrEqual(1);
    expect(await events(id, 'deadline_breached')).toHaveLength(1);
    // The reminder came too late to be useful: the breach replaced it.
    expect(await events(id, 'deadline_reminder')).toHaveLength(0);
    await later.scan();
    expect(await events(id, 'deadline_breached')).toHaveLength(1);
  });

  it('escalates on breach when the level allows it, with a new resolve deadline at the new level', async () => {
    await t.db.query(
      `insert into sla_settings (id, level, category_code, acknowledge_days, resolve_days, answer_days, appeal_days,
                                 reminder_days, auto_escalate)
       values (gen_random_uuid(), 'region', 'conflicts', 5, 30, 10, 30, 2, true)`,
    );
    const escalating = await newCase('conflicts');
    const plain = await newCase('safeguards');
    const scanner = createDeadlineScanner({ db: t.db, clock: fakeClock('2026-03-10T08:00:00Z') });
    await scanner.scan();
    const cases = await t.db.query<{ id: string; status: string; level: string; escalationCount: number }>(
      `select id, status, handling_level as level, escalation_count as "escalationCount"
         from complaints where id = any($1::uuid[])`,
      [[escalating, plain]],
    );
    const byId = new Map(cases.map((c) => [c.id, c]));
    expect(byId.get(escalating)).toMatchObject({ status: 'escalated', level: 'country', escalationCount: 1 });
    expect(byId.get(plain)).toMatchObject({ status: 'received', level: 'region', escalationCount: 0 });
    const [escalation] = await t.db.query<{ actorId: string | null }>(
      `select actor_id as "actorId" from complaint_events where complaint_id = $1 and kind = 'escalate'`,
      [escalating],
    );
    expect(escalation).toEqual({ actorId: null });
    const deadlines = await t.db.query<{ kind: string; dueDate: string; level: string; met: boolean }>(
      `select kind, due_date as "dueDate", handling_level as level, met_at is not null as met
         from complaint_deadlines where complaint_id = $1 order by kind`,
      [escalating],
    );
    expect(deadlines).toEqual([
      { kind: 'acknowledge', dueDate: '2026-03-09', level: 'region', met: true },
      { kind: 'resolve', dueDate: '2026-04-22', level: 'country', met: false }, // 30 business days from 10 March
    ]);
    // A second scan on the same day finds nothing new to escalate.
    await scanner.scan();
    expect(await events(escalating, 'escalate')).toHaveLength(1);
  });
});
