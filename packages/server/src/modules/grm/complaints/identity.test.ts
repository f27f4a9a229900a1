import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
  uniq,
} from '../../../test/harness.js';
import { sealLegacyIdentities } from './legacy-identities.js';
import { findIdentity } from './repo.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    focalA: await makeUser(t, ['focal_point'], [tree.a.region]),
    peerA: await makeUser(t, ['focal_point'], [tree.a.region]),
    focalB: await makeUser(t, ['focal_point'], [tree.b.region]),
    facilitator: await makeUser(t, ['facilitator'], tree.a.villages),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const person = () => ({ name: `Zébulon ${uniq()}`, phone: `+2289${String(Date.now()).slice(-7)}` });
const body = (complainant: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  type: 'complaint',
  category: 'works',
  channel: 'hotline',
  description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
  villageId: tree.a.villages[0]!.id,
  complainant: { anonymous: false, confidential: true, gender: 'male', ...complainant },
  ...over,
});
const post = (who: string, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s[who]!.headers, payload: payload as object });
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: s[who]!.cookie } });
const reveal = (who: string, id: string, reason = 'Rappeler le plaignant pour la visite') =>
  post(who, `/api/v1/complaints/${id}/reveal-identity`, { reason });
const create = async (complainant: Record<string, unknown>, over: Record<string, unknown> = {}) => {
  const res = await post('operator', '/api/v1/complaints', body(complainant, over));
  expect(res.statusCode).toBe(201);
  const c = res.json();
  // Published, so that the supervisor (wider staff) sees the case and these tests can check what it shows.
  const summary = { summary: 'Forage en panne signalé, vérification en cours.' };
  expect((await post('operator', `/api/v1/complaints/${c.id}/publish`, summary)).statusCode).toBeLessThan(
    300,
  );
  const handler = c.assignee?.id === ids.focalA ? 'focalA' : 'peerA';
  return { c, handler, peer: handler === 'focalA' ? 'peerA' : 'focalA' };
};
const audits = (id: string) =>
  t.db.query<{ action: string; actor_id: string; changes: unknown }>(
    `select action, actor_id, changes from audit_log where entity_id = $1 and action like 'reveal%' order by id`,
    [id],
  );

/** Every row of every table, as text: the name must be in none of them, neither as text nor as bytes. */
async function wholeDatabaseText(): Promise<string> {
  const tables = await t.db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await t.db.query<{ row: string }>(`select to_jsonb(x)::text as row from ${name} x`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

describe('identity at rest', () => {
  it('never stores the name or the phone in clear, in any column of any table', async () => {
    const who = person();
    const { c, handler } = await create({ ...who, email: 'zebulon@example.org' });
    expect((await reveal(handler, c.id)).statusCode).toBe(200);

    const [raw] = await t.db.query<Record<string, unknown>>(
      'select * from complainant_identities where complaint_id = $1',
      [c.id],
    );
    expect(Object.keys(raw!).sort()).toEqual(['complaint_id', 'key_id', 'sealed']);
    const sealed = Buffer.from(raw!.sealed as Uint8Array);
    for (const secret of [who.name, who.phone, 'zebulon@example.org']) {
      expect(sealed.includes(Buffer.from(secret))).toBe(false);
    }
    const ofCase = await t.db.query<{ row: string }>(
      `select to_jsonb(c)::text as row from complaints c where id = $1
       union all select to_jsonb(e)::text from complaint_events e where complaint_id = $1
       union all select to_jsonb(a)::text from audit_log a where entity_id = $1::text`,
      [c.id],
    );
    expect(ofCase.length).toBeGreaterThanOrEqual(3);
    const everything = await wholeDatabaseText();
    for (const secret of [who.name, who.phone]) {
      expect(ofCase.map((r) => r.row).join('\n')).not.toContain(secret);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(hex(secret));
    }
    expect(await t.db.query('select * from complainant_identities_legacy')).toEqual([]);
  });

  it('never writes the identity to the logs, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: t.config,
      db: t.db,
      logger: { level: 'trace', stream },
      services: t.services,
    });
    try {
      const who = person();
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: s.operator!.headers,
        payload: body({ ...who, confidential: false }),
      });
      expect(created.statusCode).toBe(201);
      const { id, assignee } = created.json();
      const handler = assignee.id === ids.focalA ? 'focalA' : 'peerA';
      const url = `/api/v1/complaints/${id}`;
      expect(
        (await app.inject({ method: 'GET', url, headers: { cookie: s[handler]!.cookie } })).json(),
      ).toMatchObject({
        complainant: { name: who.name },
      });
      const revealed = await app.inject({
        method: 'POST',
        url: `${url}/reveal-identity`,
        headers: s[handler]!.headers,
        payload: { reason: 'Vérifier le numéro de téléphone' },
      });
      expect(revealed.json()).toMatchObject(who);
      const log = lines.join('');
      expect(log).toContain('incoming request');
      expect(log).toContain('request completed');
      expect(log).not.toContain(who.name);
      expect(log).not.toContain(who.phone);
    } finally {
      await app.close();
    }
  });

  it('fails cleanly on a tampered or moved ciphertext, revealing nothing', async () => {
    const { c, handler } = await create(person());
    const other = await create(person());
    await t.db.query(
      `update complainant_identities set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1)
        where complaint_id = $1`,
      [c.id],
    );
    const res = await reveal(handler, c.id);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal_error' });
    await expect(findIdentity(t.db, t.services.vault, c.id)).rejects.toThrow(
      /cannot decrypt value: wrong key or altered data/,
    );
    // A valid ciphertext copied onto another case does not open there (bound to its complaint).
    await t.db.query(
      `update complainant_identities set sealed = (select sealed from complainant_identities where complaint_id = $2)
        where complaint_id = $1`,
      [c.id, other.c.id],
    );
    await expect(findIdentity(t.db, t.services.vault, c.id)).rejects.toThrow(/cannot decrypt/);
  });

  it('seals identities left in clear by migration 0004 and empties the legacy table', async () => {
    const { c } = await create({ anonymous: true });
    await t.db.query(
      `insert into complainant_identities_legacy (complaint_id, name, phone) values ($1, 'Ama Legacy', '+22890000001')`,
      [c.id],
    );
    expect(await sealLegacyIdentities(t.db, t.services.vault)).toBe(1);
    expect(await sealLegacyIdentities(t.db, t.services.vault)).toBe(0);
    expect(await t.db.query('select * from complainant_identities_legacy')).toEqual([]);
    expect(await findIdentity(t.db, t.services.vault, c.id)).toMatchObject({
      name: 'Ama Legacy',
      phone: '+22890000001',
    });
  });
});

describe('case file', () => {
  it('shows a non-confidential identity to case handlers, not to a read-only supervisor', async () => {
    const who = person();
    const { c, handler, peer } = await create({ ...who, confidential: false });
    expect(c.complainant).toMatchObject({ name: who.name, phone: who.phone, confidential: false });
    for (const user of [handler, peer, 'facilitator']) {
      const file = (await get(user, `/api/v1/complaints/${c.id}`)).json();
      expect(file.complainant).toMatchObject({ name: who.name, confidential: false });
    }
    const file = (await get('supervisor', `/api/v1/complaints/${c.id}`)).json();
    expect(file.complainant).toMatchObject({ anonymous: false, confidential: true, revealable: false });
    expect(file.complainant).not.toHaveProperty('name');
    expect(JSON.stringify(file)).not.toContain(who.phone);
  });

  it('never puts a confidential identity in the case file, even for its assignee', async () => {
    const who = person();
    const { c, handler, peer } = await create(who);
    expect(c.complainant).not.toHaveProperty('name');
    for (const user of ['operator', handler, peer, 'facilitator', 'supervisor']) {
      const res = await get(user, `/api/v1/complaints/${c.id}`);
      expect(res.body).not.toContain(who.name);
      expect(res.json().complainant.confidential).toBe(true);
    }
    expect((await get(handler, `/api/v1/complaints/${c.id}`)).json().complainant.revealable).toBe(true);
    expect((await get(peer, `/api/v1/complaints/${c.id}`)).json().complainant.revealable).toBe(false);
  });
});

describe('reveal identity', () => {
  it('reveals to the assignee and the supervising officer, and audits each reveal with its reason', async () => {
    const who = person();
    const { c, handler } = await create({ ...who, whatsapp: who.phone, postalAddress: 'BP 12 Kara' });
    const res = await reveal(handler, c.id, '  Appeler pour fixer la visite de terrain  ');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      name: who.name,
      phone: who.phone,
      email: null,
      whatsapp: who.phone,
      postalAddress: 'BP 12 Kara',
    });
    expect((await reveal('operator', c.id)).statusCode).toBe(200);
    expect(await audits(c.id)).toEqual([
      {
        action: 'reveal_identity',
        actor_id: ids[handler],
        changes: { reason: 'Appeler pour fixer la visite de terrain' },
      },
      {
        action: 'reveal_identity',
        actor_id: ids.operator,
        changes: { reason: 'Rappeler le plaignant pour la visite' },
      },
    ]);
  });

  it('refuses a peer focal point, a facilitator and a supervisor with 403, and audits the refusals', async () => {
    const who = person();
    const { c, peer } = await create(who);
    for (const user of [peer, 'facilitator', 'supervisor']) {
      const res = await reveal(user, c.id);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect(res.body).not.toContain(who.name);
    }
    expect(await audits(c.id)).toEqual(
      [peer, 'facilitator', 'supervisor'].map((user) => ({
        action: 'reveal_identity_refused',
        actor_id: ids[user],
        changes: { reason: 'Rappeler le plaignant pour la visite' },
      })),
    );
  });

  it('answers 404 for a case out of sight, 409 for an anonymous one, 400 without a real reason', async () => {
    const { c, handler } = await create(person());
    expect((await reveal('focalB', c.id)).statusCode).toBe(404);
    expect((await reveal(handler, c.id, 'court')).statusCode).toBe(400);
    expect((await reveal(handler, c.id, 'x'.repeat(501))).statusCode).toBe(400);
    expect(await audits(c.id)).toEqual([]);
    const anonymous = await create({ anonymous: true });
    const res = await reveal(anonymous.handler, anonymous.c.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: { reason: 'anonymous' } });
  });

  it('on a sensitive case, reveals to the sensitive-case focal point only', async () => {
    const who = person();
    const res = await post('facilitator', '/api/v1/complaints', body(who, { category: 'gbv_sea' }));
    const c = res.json();
    expect(c).toMatchObject({ sensitive: true, assignee: { id: ids.vbg } });
    expect(c.complainant).not.toHaveProperty('name');
    expect((await reveal('operator', c.id)).statusCode).toBe(404);
    expect((await reveal('facilitator', c.id)).statusCode).toBe(404);
    expect((await reveal('vbg', c.id)).json()).toMatchObject(who);
  });
});
