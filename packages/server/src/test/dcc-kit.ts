import { randomUUID } from 'node:crypto';
import type { Db } from '../db/driver.js';
import { insertCycle } from '../modules/dcc/cycles/repo.js';
import { insertTemplate, type TemplateSource } from '../modules/dcc/template/repo.js';
import { makeTree, makeUnit, type TestUnit, uniq } from './harness.js';

/** A small template with one task of every level (tests of generation and assignment). */
export const LEVELS_TEMPLATE: TemplateSource = {
  phases: [
    {
      name: 'Phase 1',
      activities: [
        {
          name: 'Réunion 1',
          tasks: [
            { code: 'V1', name: 'Assemblée villageoise', level: 'village' },
            { code: 'C1', name: 'Formation du CVD', level: 'cvd', shared: true, prerequisites: ['V1'] },
            { code: 'K1', name: 'Arbitrage cantonal', level: 'canton', shared: true, prerequisites: ['C1'] },
            { code: 'M1', name: 'Réunion communale', level: 'commune', prerequisites: ['K1'] },
          ],
        },
      ],
    },
  ],
};

/** A draft cycle over `areas` with `template`, written directly (no API): returns its id. */
export async function makeCycle(db: Db, areas: TestUnit[], template: TemplateSource = LEVELS_TEMPLATE) {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertCycle(tx, {
      id,
      name: uniq('Cycle '),
      year: 2027,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      areaIds: areas.map((a) => a.id),
      createdBy: null,
      at: new Date('2027-01-01T08:00:00Z'),
    });
    await insertTemplate(tx, id, template);
  });
  return id;
}

/** A CVD (village_groups kind 'cvd') of `canton` grouping `villages`. */
export async function makeCvd(db: Db, canton: TestUnit, villages: TestUnit[]) {
  const id = randomUUID();
  const code = uniq('CVD-');
  await db.query(
    `insert into village_groups (id, kind, code, name, name_key, canton_id) values ($1, 'cvd', $2, $2, lower($2), $3)`,
    [id, code, canton.id],
  );
  for (const v of villages) {
    await db.query(`insert into village_group_members (group_id, kind, village_id) values ($1, 'cvd', $2)`, [
      id,
      v.id,
    ]);
  }
  return id;
}

/** The test tree with a fourth village in branch a's canton and one CVD over its first two villages. */
export async function makeDccTree(db: Db) {
  const tree = await makeTree(db);
  tree.a.villages.push(await makeUnit(db, tree.a.canton, 'village'));
  const cvdA = await makeCvd(db, tree.a.canton, tree.a.villages.slice(0, 2));
  const cvdB = await makeCvd(db, tree.b.canton, tree.b.villages);
  return { ...tree, cvdA, cvdB };
}
