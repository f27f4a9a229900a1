import { formatTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';
import { pdfToText } from '../../../../test/pdf-text.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const NAME = 'Ɖossou Akɔvi';
const DESCRIPTION = 'Les gravats du chantier bouchent le puits de Ŋɔti depuis lundi.';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  const people = {
    officer: await makeUser(t, ['grm_officer'], [tree.country]),
    focal: await makeUser(t, ['focal_point'], [tree.a.region]),
    outsider: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
    boss: await makeUser(t, ['supervisor'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) {
    s[key] = await login(t, user.username);
    ids[key] = user.id;
  }
});
afterAll(() => t.close());

async function newCase(over: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: s.officer!.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: DESCRIPTION,
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, name: NAME, phone: '+22890556677', confidential: false },
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; trackingCode: string; reference: string };
}

async function act(who: string, id: string, payload: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${id}/actions`,
    headers: s[who]!.headers,
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const caseFile = (who: string, id: string, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/complaints/${id}/case-file.pdf${query}`,
    headers: { cookie: s[who]!.cookie },
  });

const audits = (id: string) =>
  t.db.query<{ action: string; actor: string; changes: Record<string, unknown> }>(
    `select action, actor_id as actor, changes from audit_log where entity_id = $1 order by id`,
    [id],
  );

describe('printable case file', () => {
  it('prints summary, deadlines, decisions, actions and timeline, without the identity unless revealed', async () => {
    const c = await newCase();
    await act('focal', c.id, { action: 'acknowledge' });
    await act('focal', c.id, { action: 'comment', text: 'Visite prévue avec le chef de Ŋɔti.' });
    await act('focal', c.id, { action: 'start' });
    await act('focal', c.id, {
      action: 'propose_resolution',
      resolution: 'L’entreprise dégage le puits jeudi.',
    });

    const res = await caseFile('focal', c.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="dossier-${c.reference}.pdf"`,
      'cache-control': 'private, no-store',
    });
    const text = pdfToText(res.rawPayload).replace(/\s+/g, ' ');
    for (const expected of [
      `Dossier de plainte ${c.reference}`,
      formatTrackingCode(c.trackingCode),
      'Résumé',
      'Solution proposée',
      'Travaux des sous-projets',
      DESCRIPTION,
      'Délais',
      'Accusé de réception respecté le',
      'Décisions',
      'Solution : L’entreprise dégage le puits jeudi.',
      'Actions menées',
      'Commentaire : Visite prévue avec le chef de Ŋɔti.',
      'Chronologie',
      'Statut : En traitement, puis Solution proposée',
      'Identité non incluse',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Akɔvi');
    expect(text).not.toContain('90556677');
    expect((await audits(c.id)).filter((a) => a.action === 'case_file_printed')).toEqual([
      { action: 'case_file_printed', actor: ids.focal, changes: { identity: false } },
    ]);

    // With a reason: the same audited reveal as POST …/reveal-identity, and the identity as typed.
    const revealed = await caseFile(
      'focal',
      c.id,
      `?identityReason=${encodeURIComponent('Convocation à la médiation')}`,
    );
    expect(revealed.statusCode, revealed.body).toBe(200);
    const withIdentity = pdfToText(revealed.rawPayload).replace(/\s+/g, ' ');
    expect(withIdentity).toContain(`Nom ${NAME}`);
    expect(withIdentity).toContain('+22890556677');
    expect(withIdentity).toContain('Identité révélée pour ce document');
    const trail = await audits(c.id);
    expect(trail).toContainEqual({
      action: 'reveal_identity',
      actor: ids.focal,
      changes: { reason: 'Convocation à la médiation' },
    });
    expect(trail.at(-1)).toEqual({
      action: 'case_file_printed',
      actor: ids.focal,
      changes: { identity: true },
    });
  });

  it('speaks English when asked', async () => {
    const c = await newCase();
    const text = pdfToText((await caseFile('focal', c.id, '?lang=en')).rawPayload);
    expect(text).toContain(`Complaint case file ${c.reference}`);
    expect(text).toContain('Timeline');
    expect(text).toContain('Complaint recorded');
  });

  it('is scoped like the case page: 404 outside the area or for a sensitive case of others', async () => {
    const c = await newCase();
    expect((await caseFile('outsider', c.id)).statusCode).toBe(404);
    const sensitive = await newCase({ category: 'gbv_sea' });
    expect((await caseFile('focal', sensitive.id)).statusCode).toBe(404);
    const vbg = await caseFile('vbg', sensitive.id);
    expect(vbg.statusCode).toBe(200);
    expect(pdfToText(vbg.rawPayload)).not.toContain('Akɔvi');
  });

  it('gives a supervisor the published summary and what happened, never the description or free texts', async () => {
    const c = await newCase();
    await act('focal', c.id, { action: 'comment', text: 'Le chef Mawuli refuse de signer.' });
    expect((await caseFile('boss', c.id)).statusCode).toBe(404); // unpublished: not theirs
    const summary = 'Puits bouché par des gravats, nettoyage en cours.';
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${c.id}/publish`,
      headers: s.officer!.headers,
      payload: { summary },
    });
    expect(published.statusCode, published.body).toBe(200);
    const res = await caseFile('boss', c.id);
    expect(res.statusCode).toBe(200);
    const text = pdfToText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(`Résumé publié (votre rôle ne lit que le résumé) : ${summary}`);
    expect(text).toContain('Commentaire (');
    for (const hidden of ['gravats du chantier bouchent', 'Mawuli', 'Akɔvi', '90556677']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('refuses a reveal the caller may not make (403, audited), a short reason (400), an anonymous one (409)', async () => {
    const c = await newCase();
    // A peer focal point of the area sees the case but may not reveal who filed it.
    const peer = await makeUser(t, ['focal_point'], [tree.a.region]);
    const session = await login(t, peer.username);
    const reason = `?identityReason=${encodeURIComponent('Convocation à la médiation')}`;
    const asPeer = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/complaints/${c.id}/case-file.pdf${query}`,
        headers: { cookie: session.cookie },
      });
    expect((await asPeer('')).statusCode).toBe(200);
    expect((await asPeer(reason)).statusCode).toBe(403);
    expect(await audits(c.id)).toContainEqual({
      action: 'reveal_identity_refused',
      actor: peer.id,
      changes: { reason: 'Convocation à la médiation' },
    });
    expect((await caseFile('focal', c.id, '?identityReason=court')).statusCode).toBe(400);
    const anonymous = await newCase({ complainant: { anonymous: true } });
    // The national grievance officer supervises it: allowed, but there is nobody to reveal.
    expect((await caseFile('officer', anonymous.id, reason)).statusCode).toBe(409);
  });
});
