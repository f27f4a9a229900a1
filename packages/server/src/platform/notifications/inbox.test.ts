import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let me: { id: string; username: string };
let other: { id: string; username: string };
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  me = await makeUser(t, ['focal_point'], [tree.a.region]);
  other = await makeUser(t, ['focal_point'], [tree.a.region]);
  // Five of mine (titles M1..M5, oldest first) and one of someone else's, as the sender would write them.
  for (let i = 1; i <= 5; i++) {
    await t.db.query(
      `insert into notifications (user_id, topic, title, body) values ($1, 'case_comment', $2, 'b')`,
      [me.id, `M${i}`],
    );
  }
  await t.db.query(
    `insert into notifications (user_id, topic, title, body) values ($1, 'case_comment', 'O1', 'o')`,
    [other.id],
  );
  s = await login(t, me.username);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const post = (url: string) => t.app.inject({ method: 'POST', url, headers: s.headers });
const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);
const idOf = async (title: string) =>
  (await t.db.query<{ id: number }>('select id::int from notifications where title = $1', [title]))[0]!.id;

describe('staff inbox', () => {
  it('lists only my notifications, newest first, page by page', async () => {
    const first = (await get('/api/v1/notifications?limit=2')).json();
    expect(titles(first.items)).toEqual(['M5', 'M4']);
    expect(first.items[0]).toMatchObject({
      topic: 'case_comment',
      body: 'b',
      complaintId: null,
      readAt: null,
    });
    const second = (await get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(titles(second.items)).toEqual(['M3', 'M2']);
    const last = (await get(`/api/v1/notifications?limit=2&cursor=${second.nextCursor}`)).json();
    expect(last).toEqual({ items: [expect.objectContaining({ title: 'M1' })], nextCursor: null });
    expect((await get('/api/v1/notifications?cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await get('/api/v1/notifications?limit=0')).statusCode).toBe(400);
  });

  it('counts unread, marks one read (idempotently), refuses someone else’s as not found', async () => {
    expect((await get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 5 });
    const m2 = await idOf('M2');
    expect((await post(`/api/v1/notifications/${m2}/read`)).statusCode).toBe(204);
    const [{ readAt }] = (await t.db.query<{ readAt: Date }>(
      'select read_at as "readAt" from notifications where id = $1',
      [m2],
    )) as [{ readAt: Date }];
    expect((await post(`/api/v1/notifications/${m2}/read`)).statusCode).toBe(204);
    const [again] = await t.db.query<{ readAt: Date }>(
      'select read_at as "readAt" from notifications where id = $1',
      [m2],
    );
    expect(again!.readAt).toEqual(readAt);
    expect((await get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 4 });
    expect(titles((await get('/api/v1/notifications?unread=false')).json().items)).toEqual(['M2']);
    expect(titles((await get('/api/v1/notifications?unread=true')).json().items)).toEqual([
      'M5',
      'M4',
      'M3',
      'M1',
    ]);

    const theirs = await post(`/api/v1/notifications/${await idOf('O1')}/read`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('not_found');
    expect((await post('/api/v1/notifications/999999/read')).statusCode).toBe(404);
    expect((await post('/api/v1/notifications/abc/read')).statusCode).toBe(400);
    const [o1] = await t.db.query<{ readAt: Date | null }>(
      `select read_at as "readAt" from notifications where title = 'O1'`,
    );
    expect(o1!.readAt).toBeNull();
  });

  it('marks all mine read, audits it, and leaves others’ alone', async () => {
    expect((await post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 4 });
    expect((await post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect((await get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    const o = await login(t, other.username);
    const count = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: o.headers,
    });
    expect(count.json()).toEqual({ count: 1 });
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where entity = 'notification' and actor_id = $1 order by id`,
      [me.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['read', 'read_all']);
  });

  it('is for signed-in users only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(res.statusCode).toBe(401);
  });
});
