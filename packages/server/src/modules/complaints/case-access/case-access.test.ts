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
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    focal: await makeUser(t, ['focal_point'], [tree.a.region]),
    peer: await makeUser(t, ['focal_point'], [tree.a.region]),
    supervisor: await makeUser(t, ['supervisor'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    ids[key] = user.id;
    s[key] = await login(t, user.username);
  }
});
afterAll(() => t.close());

const ORIGINAL = 'Le magasinier du chantier détourne les sacs de ciment livrés pour la clinique.';
const send = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

async function newCase(category: string) {
  const res = await send('officer', 'POST', '/api/v1/complaints', {
    type: 'complaint',
    category,
    channel: 'hotline',
    description: ORIGINAL,
    villageId: tree.a.villages[0]!.id,
    complainant: { anonymous: true },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
const listIds = async (who: string, query = '') =>
  (await send(who, 'GET', `/api/v1/complaints?limit=200${query}`))
    .json()
    .items.map((c: { id: string }) => c.id);

describe('people added to a sensitive case', () => {
  it('grants a focal point the case in detail and lists, and takes it back on removal', async () => {
    const id = await newCase('gbv_sea');
    expect((await send('focal', 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(404);
    const denied = await send('peer', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.focal,
      reason: 'Accompagnement local',
    });
    expect(denied.statusCode).toBe(404); // the peer cannot even see it
    const added = await send('vbg', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.focal,
      reason: 'Accompagnement local de la survivante',
    });
    expect(added.statusCode).toBeLessThan(300);
    expect((await send('focal', 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(200);
    expect(await listIds('focal')).toContain(id);
    expect(await listIds('peer')).not.toContain(id);
    // Added people read and comment, nothing more; they do not reveal the identity.
    expect(
      (await send('focal', 'POST', `/api/v1/complaints/${id}/actions`, { action: 'acknowledge' })).statusCode,
    ).toBe(403);
    expect(
      (
        await send('focal', 'POST', `/api/v1/complaints/${id}/actions`, {
          action: 'comment',
          text: 'Visite faite.',
        })
      ).statusCode,
    ).toBe(200);
    const again = await send('vbg', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.focal,
      reason: 'Accompagnement local de la survivante',
    });
    expect(again.json().code).toBe('access_already_granted');

    expect(
      (await send('vbg', 'DELETE', `/api/v1/complaints/${id}/access/${ids.focal}`)).statusCode,
    ).toBeLessThan(300);
    expect((await send('focal', 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(404);
    expect(await listIds('focal')).not.toContain(id);
    const audit = await t.db.query(`select action from audit_log where entity_id = $1 order by id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['access_granted', 'access_revoked']),
    );
  });

  it('refuses sharing an ordinary case with 422', async () => {
    const id = await newCase('works');
    const res = await send('officer', 'POST', `/api/v1/complaints/${id}/access`, {
      userId: ids.peer,
      reason: 'Pour avis',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('case_not_sensitive');
  });
});

describe('referrals to services', () => {
  it('records a referral and its outcome, and refuses dates in the future or before the referral', async () => {
    const id = await newCase('gbv_sea');
    const future = await send('vbg', 'POST', `/api/v1/complaints/${id}/referrals`, {
      service: 'health',
      referredOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const created = await send('vbg', 'POST', `/api/v1/complaints/${id}/referrals`, {
      service: 'psychosocial',
      provider: 'Centre social de Kara',
      referredOn: '2026-03-02',
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/complaints/${id}/referrals/${created.json().id}`;
    expect(
      (await send('vbg', 'PATCH', url, { outcome: 'Suivi commencé', outcomeOn: '2026-03-01' })).statusCode,
    ).toBe(400);
    expect(
      (await send('vbg', 'PATCH', url, { outcome: 'Suivi commencé', outcomeOn: '2026-03-05' })).statusCode,
    ).toBe(200);
    const list = (await send('vbg', 'GET', `/api/v1/complaints/${id}/referrals`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        service: 'psychosocial',
        referredOn: '2026-03-02',
        outcome: 'Suivi commencé',
        outcomeOn: '2026-03-05',
      }),
    ]);
    expect((await send('focal', 'GET', `/api/v1/complaints/${id}/referrals`)).statusCode).toBe(404);
  });
});

describe('publication review', () => {
  it('hides an unpublished case from supervisors everywhere, then shows the summary, never the original', async () => {
    const id = await newCase('works');
    expect((await send('supervisor', 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(404);
    expect(await listIds('supervisor')).not.toContain(id);
    const csv = (await send('supervisor', 'GET', '/api/v1/complaints/export.csv')).body;
    expect(csv).not.toContain(ORIGINAL);

    expect(
      (await send('focal', 'POST', `/api/v1/complaints/${id}/publish`, { summary: 'Résumé trop court' }))
        .statusCode,
    ).toBe(403);
    const summary = 'Signalement de détournement de matériaux sur un chantier ; vérification en cours.';
    expect(
      (await send('officer', 'POST', `/api/v1/complaints/${id}/publish`, { summary })).statusCode,
    ).toBeLessThan(300);

    const file = (await send('supervisor', 'GET', `/api/v1/complaints/${id}`)).json();
    expect(file.description).toBe(summary);
    expect(JSON.stringify(file)).not.toContain('magasinier');
    expect(await listIds('supervisor')).toContain(id);
    // A word of the original text only: the supervisor's search does not find it; the summary's words do.
    expect(await listIds('supervisor', '&q=magasinier')).not.toContain(id);
    expect(await listIds('supervisor', '&q=chantier')).toContain(id);
    expect(await listIds('officer', '&q=magasinier')).toContain(id);
    const exported = (await send('supervisor', 'GET', '/api/v1/complaints/export.csv')).body;
    expect(exported).toContain(file.reference); // listed now, and without the original text
    expect(exported).not.toContain('magasinier');
    // Handlers keep the original.
    expect((await send('officer', 'GET', `/api/v1/complaints/${id}`)).json().description).toBe(ORIGINAL);
  });

  it('never publishes a sensitive case', async () => {
    const id = await newCase('gbv_sea');
    const res = await send('vbg', 'POST', `/api/v1/complaints/${id}/publish`, {
      summary: 'Un résumé assez long.',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('sensitive_case_not_publishable');
  });
});
