import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../../context.js';
import { createTestApp, login, makeTree, makeUser, type TestApp } from '../../../test/harness.js';

/** A case taken over leaves its previous handler's hands: they hear it (in-app and email), like an assignment. */
let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
type U = { id: string; username: string };
let focal: U;
let peer: U;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  focal = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'focal.prise@coso.test' });
  peer = await makeUser(t, ['focal_point'], [tree.a.region], { email: 'peer.prise@coso.test' });
});
afterAll(() => t.close());

const newCase = () =>
  t.services.complaints.create(SYSTEM_CONTEXT, {
    type: 'complaint',
    category: 'works',
    channel: 'hotline',
    description: 'Les travaux ont bouché le caniveau devant le marché.',
    villageId: tree.a.villages[1]!.id,
    ongoing: false,
    recurring: false,
    complainant: { kind: 'individual', vulnerabilities: [], confidential: true, anonymous: true },
  } as never);

async function act(user: U, id: string, body: object) {
  const s = await login(t, user.username);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/actions`,
    headers: s.headers,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const rowsOfEvent = async (complaintId: string, kind: string) =>
  t.db.query<{ topic: string; channel: string; who: string; locale: string; payload: string }>(
    `select o.topic, o.channel, o.recipient_user_id::text as who, o.locale, o.payload::text as payload
       from notification_outbox o
      where o.entity_id = $1::text
        and split_part(o.dedupe_key, ':', 3)::bigint =
            (select max(id) from complaint_events where complaint_id = $1::uuid and kind = $2)
      order by o.id`,
    [complaintId, kind],
  );

describe('take over', () => {
  it('tells the previous assignee, in-app and by email, in their words; not the one who took it', async () => {
    const c = await newCase();
    const [row] = await t.db.query<{ a: string }>('select assignee_id as a from complaints where id = $1', [
      c.id,
    ]);
    const [holder, taker] = row!.a === focal.id ? [focal, peer] : [peer, focal];
    await act(taker, c.id, { action: 'take_over' });
    const rows = await rowsOfEvent(c.id, 'take_over');
    expect(rows.map((r) => `${r.topic}/${r.channel}/${r.who}`)).toEqual([
      `case_taken_over/in_app/${holder.id}`,
      `case_taken_over/email/${holder.id}`,
    ]);
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      reference: c.reference,
      category: expect.not.stringMatching(/^works$/),
      handlingLevel: 'régional',
    });
  });

  it('tells nobody when the case had no assignee', async () => {
    const c = await newCase();
    await t.db.query('update complaints set assignee_id = null where id = $1', [c.id]);
    await act(focal, c.id, { action: 'take_over' });
    expect(await rowsOfEvent(c.id, 'take_over')).toEqual([]);
  });
});
