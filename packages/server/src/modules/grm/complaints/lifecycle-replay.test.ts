import { type ComplaintAction, complaintActionSchema, replay } from '@coso/domain';
import fc from 'fast-check';
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
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  // A national grievance officer supervises every ordinary case, so every lifecycle action is theirs to try.
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
});
afterAll(() => t.close());

const ATTEMPTS: ComplaintAction[] = [
  { action: 'acknowledge' },
  { action: 'reject_ineligible', reason: 'Hors du champ du projet' },
  { action: 'start' },
  { action: 'propose_resolution', resolution: 'Réparation par l’entreprise' },
  { action: 'record_answer', answer: 'accepted', appeal: false },
  { action: 'record_answer', answer: 'rejected', appeal: false },
  { action: 'record_answer', answer: 'no_response', appeal: false },
  { action: 'declare_unresolved', reason: 'Aucun accord trouvé' },
  { action: 'escalate', reason: 'Dépasse le niveau régional' },
  { action: 'withdraw', reason: 'Retirée par le plaignant' },
  { action: 'refer', referralBody: 'Tribunal', reason: 'Litige foncier' },
  { action: 'reopen', reason: 'Faits nouveaux' },
  { action: 'comment', text: 'Visite prévue' },
];

const LIFECYCLE_EVENTS = new Set(ATTEMPTS.map((a) => a.action));

describe('stored history', () => {
  it('replays to the stored status after any sequence of attempted actions through the API', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ATTEMPTS), { maxLength: 12 }), async (attempts) => {
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: officer.headers,
          payload: {
            type: 'complaint',
            category: 'works',
            channel: 'hotline',
            description: 'Chantier arrêté depuis un mois',
            villageId: tree.a.villages[0]!.id,
            complainant: { anonymous: true },
          },
        });
        const id = created.json().id as string;
        for (const attempt of attempts) {
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/v1/complaints/${id}/actions`,
            headers: officer.headers,
            payload: attempt,
          });
          expect([200, 409]).toContain(res.statusCode);
        }
        const stored = (
          await t.app.inject({ url: `/api/v1/complaints/${id}`, headers: { cookie: officer.cookie } })
        ).json();
        const events = (
          await t.app.inject({ url: `/api/v1/complaints/${id}/events`, headers: { cookie: officer.cookie } })
        ).json().items as Array<{
          kind: string;
          payload: Record<string, unknown>;
          fromStatus: string;
          toStatus: string;
        }>;
        const actions = events
          .filter((e) => LIFECYCLE_EVENTS.has(e.kind as ComplaintAction['action']))
          .map((e) => complaintActionSchema.parse({ action: e.kind, ...e.payload }));
        expect(replay(actions)).toBe(stored.status);
        // Each event starts where the previous one ended.
        for (let i = 1; i < events.length; i++)
          expect(events[i]!.fromStatus ?? events[i - 1]!.toStatus).toBe(events[i - 1]!.toStatus);
      }),
      { numRuns: 25 },
    );
  });
});
