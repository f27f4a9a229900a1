import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type Audience,
  isVisible,
  type Role,
  type ScopeRow,
  type VisibilityDefinition,
} from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conditions } from '../../db/conditions.js';
import type { RootDb } from '../../db/driver.js';
import { MODULES } from '../../modules/index.js';
import { DEMO_USERS } from '../../seed/demo-users.js';
import { openTestDatabase } from '../../test/database.js';
import { makeUnit, type TestUnit } from '../../test/harness.js';
import {
  type FixtureRow,
  VISIBILITY_FIXTURES,
  type VisibilityFixture,
} from '../../test/visibility-fixtures.js';
import { TEST_NOTES, testNotesFixture } from '../../test/visibility-test-entity.js';
import { syncScope } from '../sync/scope.js';
import { bindNamed } from '../sync/tables.js';
import { registerVisibility } from './registry.js';

/**
 * The TypeScript/SQL agreement of the visibility rules (decision 0019, issue 13): for every registered entity,
 * every demo account (its roles, over the same kind of jurisdiction as in the demo) and a few combined roles,
 * the rows each audience's SQL returns — the lists', the sync feed's (rows and removals), the exports' and the
 * reports' own SQL — must be exactly the rows the domain's rule (isVisible on the definition, and the entity's
 * policy functions) lets the actor see. Rows cover every combination of the scope columns: restricted or
 * not, owned, recorded or shared with each person or nobody, areas inside and outside each jurisdiction, every
 * flag. Changing either side alone fails here.
 */

/** The demo accounts, then a few combined roles and a person with none. */
const PERSONS: Array<{ label: string; roles: Role[]; units: string[] }> = [
  ...DEMO_USERS.map((u) => ({ label: u.username, roles: u.roles, units: u.jurisdictions })),
  { label: 'officer+gbv', roles: ['grm_officer', 'sensitive_focal_point'], units: ['TG-K'] },
  { label: 'supervisor+focal', roles: ['supervisor', 'focal_point'], units: ['TG-S'] },
  { label: 'analyst+supervisor', roles: ['analyst', 'supervisor'], units: ['TG-K'] },
  {
    label: 'facilitator+gbv',
    roles: ['facilitator', 'sensitive_focal_point'],
    units: ['TG-K-KOZ-1-LAM-002'],
  },
  { label: 'nobody', roles: [], units: [] },
];

/** Every entity of every module, registered as the composition root does. */
const VISIBILITY_ENTITIES = MODULES.flatMap((m) => m.visibility ?? []);
registerVisibility(VISIBILITY_ENTITIES);
/** Checked too: a test-only entity with the shapes complaints do not use (no restricted column, `any` roles). */
const CHECKED = [...VISIBILITY_ENTITIES, TEST_NOTES];
const FIXTURES: Readonly<Record<string, VisibilityFixture>> = {
  ...VISIBILITY_FIXTURES,
  [TEST_NOTES.entity]: testNotesFixture,
};

let db: RootDb;
let drop: () => Promise<void>;

interface Person {
  label: string;
  actor: Actor;
}
const people: Person[] = [];
let areas: TestUnit[] = [];
let regions: { a: TestUnit; b: TestUnit };

/** Units standing for the demo's: TG the country, TG-K / TG-S two regions, canton villages, another canton. */
async function buildWorld() {
  const country = await makeUnit(db, null, 'country');
  const region = async () => {
    const r = await makeUnit(db, country, 'region');
    const commune = await makeUnit(db, await makeUnit(db, r, 'prefecture'), 'commune');
    const canton = await makeUnit(db, commune, 'canton');
    const villages = [];
    for (let i = 0; i < 3; i++) villages.push(await makeUnit(db, canton, 'village'));
    const out = await makeUnit(db, await makeUnit(db, commune, 'canton'), 'village');
    return { r, villages, out };
  };
  const a = await region();
  const b = await region();
  regions = { a: a.r, b: b.r };
  areas = [a.villages[0]!, a.out, b.villages[2]!, b.out];
  const unitOf = (code: string): TestUnit => {
    const parts = code.split('-');
    if (parts.length === 1) return country;
    const side = parts[1] === 'K' ? a : b;
    if (parts.length === 2) return side.r;
    // A facilitator's villages: those of the first canton named are the canton's, any other the other canton's.
    const main = parts[1] === 'K' ? 'LAM' : 'DAP';
    return parts[4] === main ? side.villages[(Number(parts[5]) - 2) % 3]! : side.out;
  };
  const add = async (label: string, roles: Role[], units: TestUnit[]) => {
    const id = randomUUID();
    await db.query(`insert into users (id, username, display_name, password_hash) values ($1, $2, $2, 'x')`, [
      id,
      `vis.${label}`,
    ]);
    people.push({
      label,
      actor: { id, roles, jurisdictions: units.map((u) => ({ unitId: u.id, path: u.path })) },
    });
  };
  for (const p of PERSONS) await add(p.label, p.roles, p.units.map(unitOf));
}

interface Stored {
  id: string;
  row: ScopeRow;
  label: string;
}

/** Every combination of the entity's scope columns, for each person and for nobody. */
function combinations(def: VisibilityDefinition): Array<{ row: ScopeRow; label: string }> {
  const c = def.columns;
  const relations = (['owner', 'recorder', 'reader'] as const).filter((r) =>
    r === 'owner' ? c.owner : r === 'recorder' ? c.recorder : c.readers,
  );
  const flagNames = Object.keys(c.flags ?? {});
  const flagSets = flagNames.reduce<Array<Record<string, boolean>>>(
    (sets, f) =>
      sets.flatMap((s) => [
        { ...s, [f]: false },
        { ...s, [f]: true },
      ]),
    [{}],
  );
  const out: Array<{ row: ScopeRow; label: string }> = [];
  const holders: Array<Person | null> = [null, ...people];
  for (const p of holders)
    for (const rel of p ? relations : (['none'] as const))
      for (const restricted of c.restricted ? [false, true] : [false])
        for (const [ai, area] of areas.entries())
          for (const flags of flagSets) {
            const row: ScopeRow = {
              areaPath: area.path,
              ownerId: rel === 'owner' ? p!.actor.id : null,
              recorderId: rel === 'recorder' ? p!.actor.id : null,
              restricted,
              readers: rel === 'reader' ? [p!.actor.id] : [],
              flags,
            };
            const flagText = Object.entries(flags).map(([f, v]) => (v ? f : `!${f}`));
            const label = [
              `${rel}:${p?.label ?? '-'}`,
              restricted ? 'restricted' : 'ordinary',
              `area${ai}`,
              ...flagText,
            ];
            out.push({ row, label: label.join(' ') });
          }
  return out;
}

async function ids(sql: string, params: unknown[]): Promise<Set<string>> {
  return new Set((await db.query<{ id: string }>(sql, params)).map((r) => r.id));
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await buildWorld();
}, 120_000);
afterAll(() => drop());

it('every entity with a visibility rule has a fixture for this test', () => {
  for (const def of VISIBILITY_ENTITIES) expect(VISIBILITY_FIXTURES[def.entity], def.entity).toBeDefined();
});

describe.each(CHECKED.map((def) => [def.entity, def] as const))('%s', (entity, def) => {
  const fx: VisibilityFixture = FIXTURES[entity]!;
  let stored: Stored[] = [];

  beforeAll(async () => {
    const combos = combinations(def);
    const rows: FixtureRow[] = combos.map((c, n) => ({
      row: c.row,
      unit: areas.find((a) => a.path === c.row.areaPath)!,
      region: c.row.areaPath.startsWith(regions.a.path) ? regions.a : regions.b,
      n,
    }));
    const got = await fx.store(db, rows);
    stored = combos.map((c, i) => ({ id: got[i]!, row: c.row, label: c.label }));
    // The removals the feed would have recorded had each row left its scope, under the generic columns.
    for (const s of stored)
      await db.query(
        `insert into sync_removals (table_name, row_id, old_area_path, old_owner_id, old_recorder_id, old_restricted)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          fx.sync.table,
          s.id,
          s.row.areaPath,
          s.row.ownerId ?? null,
          s.row.recorderId ?? null,
          s.row.restricted ?? null,
        ],
      );
  }, 300_000);

  const labels = (found: Set<string>) => stored.filter((s) => found.has(s.id)).map((s) => s.label);
  const expected = (audience: Audience, actor: Actor) =>
    stored.filter((s) => isVisible(def, audience, actor, s.row)).map((s) => s.label);
  const where = (scope: ReturnType<VisibilityFixture['sql']['read']>) => {
    if ('text' in scope) return scope;
    const c = new Conditions();
    return { text: c.text(scope), params: c.params };
  };

  it.each(PERSONS)('reads, syncs, exports and counts as the domain says: $label', async ({ label }) => {
    const p = people.find((x) => x.label === label)!;
    const a = p.actor;
    const mine = stored.map((s) => s.id);
    for (const audience of ['read', 'dataset', 'count'] as const) {
      const w = where(fx.sql[audience](a));
      const sql = `select ${fx.id} as id from ${fx.from} where ${w.text}`;
      expect(labels(await ids(sql, w.params)), `${audience} ${p.label}`).toEqual(expected(audience, a));
    }
    const scope = { ...syncScope(a), table: fx.sync.table, mine };
    const rows = bindNamed(`select ${fx.id} as id from ${fx.from} where ${fx.sync.visible}`, scope);
    expect(labels(await ids(rows.text, rows.params)), `device ${p.label}`).toEqual(expected('device', a));
    const before = bindNamed(
      `select r.row_id as id from sync_removals r
            where r.table_name = :table and r.row_id = any(:mine::text[]) and ${fx.sync.visibleBefore}`,
      scope,
    );
    expect(labels(await ids(before.text, before.params)), `removal ${p.label}`).toEqual(
      expected('device', a),
    );
    for (const [audience, rule] of Object.entries(fx.predicates ?? {}))
      expect(
        stored.filter((s) => rule(a, s.row)).map((s) => s.label),
        `${audience} policy ${p.label}`,
      ).toEqual(expected(audience as Audience, a));
  });
});
