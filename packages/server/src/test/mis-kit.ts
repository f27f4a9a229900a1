import { type SubprojectDetail, togoDate } from '@coso/domain';
import { expect } from 'vitest';
import { makeDccTree } from './dcc-kit.js';
import { login, makeUser, type Session, type TestApp } from './harness.js';

/** A tree with CVDs, MIS people, and sub-projects created through the API. */

export const SUBPROJECTS = '/api/v1/mis/subprojects';

export async function misWorld(t: TestApp) {
  const tree = await makeDccTree(t.db);
  const nationalSpecialist = await makeUser(t, ['infrastructure_specialist'], [tree.country]);
  const karaSpecialist = await makeUser(t, ['infrastructure_specialist'], [tree.a.region]);
  const savanesAnalyst = await makeUser(t, ['analyst'], [tree.b.region]);
  const finance = await makeUser(t, ['finance_officer'], [tree.country]);
  const focal = await makeUser(t, ['focal_point'], [tree.country]);
  return {
    tree,
    national: await login(t, nationalSpecialist.username),
    kara: await login(t, karaSpecialist.username),
    savanes: await login(t, savanesAnalyst.username),
    finance: await login(t, finance.username),
    focal: await login(t, focal.username),
  };
}

/** A school block (education) in `villageId` unless `fields` say otherwise. */
export const schoolBody = (villageId: string, fields: Record<string, unknown> = {}) => ({
  villageId,
  title: 'Construction de 3 salles de classe',
  component: '1.1',
  sector: 'education',
  type: 'school_primary',
  estimatedCost: 45_000_000,
  attributes: { classrooms: 3 },
  identifiedOn: later(0),
  ...fields,
});

export async function createSubproject(
  t: TestApp,
  s: Session,
  body: Record<string, unknown>,
): Promise<SubprojectDetail> {
  const res = await t.app.inject({ method: 'POST', url: SUBPROJECTS, headers: s.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SubprojectDetail;
}

export const postEvent = (t: TestApp, s: Session, id: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `${SUBPROJECTS}/${id}/events`, headers: s.headers, payload });

/** The tests' sub-projects are identified 100 days ago, so that their later steps are not in the future. */
const START = Date.now() - 100 * 86_400_000;

/** The calendar date `days` after the tests' sub-projects were identified (`identifiedOn` of `schoolBody`). */
export const later = (days: number) => togoDate(new Date(START + days * 86_400_000));

/** Records each step in turn (201 expected), from today a day apart. */
export async function walk(
  t: TestApp,
  s: Session,
  id: string,
  steps: Array<string | { step: string; progressPercent?: number; amountSpent?: number }>,
) {
  for (const [i, item] of steps.entries()) {
    const e = typeof item === 'string' ? { step: item } : item;
    const res = await postEvent(t, s, id, { ...e, date: later(i) });
    expect(res.statusCode, res.body).toBe(201);
  }
}
