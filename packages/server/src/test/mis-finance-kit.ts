import { randomUUID } from 'node:crypto';
import type { Db } from '../db/driver.js';
import { makeCvd } from './dcc-kit.js';
import { login, makeTree, makeUser, type Session, type TestApp, type TestUnit, uniq } from './harness.js';

/** Test helper (not a test file): a sub-project in `unit` (optionally in a CVD) with one contract of `amount`. */
export async function makeContract(
  db: Db,
  unit: TestUnit,
  amount: number,
  { component = '1.1', cvdId = null }: { component?: string; cvdId?: string | null } = {},
) {
  const subprojectId = randomUUID();
  const contractId = randomUUID();
  await db.query(
    `insert into mis_subprojects (id, code, title, unit_id, area_path, cvd_id, component, sector, type,
                                  estimated_cost)
     values ($1, $2, 'Forage du village', $3, $4, $5, $6, 'water', 'borehole', $7)`,
    [subprojectId, uniq('SP-'), unit.id, unit.path, cvdId, component, amount],
  );
  await db.query(
    `insert into mis_contracts (id, subproject_id, kind, company, reference, amount)
     values ($1, $2, 'works', 'Entreprise Lomé BTP', $3, $4)`,
    [contractId, subprojectId, uniq('MARCHE-'), amount],
  );
  return { subprojectId, contractId };
}

/** Two regions (makeTree) with a CVD in each canton, a finance officer of region a, readers of each region. */
export async function makeFinanceWorld(t: TestApp) {
  const tree = await makeTree(t.db);
  const cvdA = await makeCvd(t.db, tree.a.canton, tree.a.villages.slice(0, 2));
  const cvdB = await makeCvd(t.db, tree.b.canton, tree.b.villages);
  const officer = await makeUser(t, ['finance_officer'], [tree.a.region]);
  const specialist = await makeUser(t, ['infrastructure_specialist'], [tree.a.region]);
  const officerB = await makeUser(t, ['finance_officer'], [tree.b.region]);
  const sessions: Record<'officer' | 'specialist' | 'officerB', Session> = {
    officer: await login(t, officer.username),
    specialist: await login(t, specialist.username),
    officerB: await login(t, officerB.username),
  };
  return { tree, cvdA, cvdB, sessions };
}

/** POSTs `payload` to a finance route as `s`. */
export const post = (t: TestApp, s: Session, path: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/mis/finance/${path}`,
    headers: s.headers,
    payload: payload as object,
  });

/** GETs a finance route as `s`. */
export const get = (t: TestApp, s: Session, path: string) =>
  t.app.inject({ url: `/api/v1/mis/finance/${path}`, headers: s.headers });
