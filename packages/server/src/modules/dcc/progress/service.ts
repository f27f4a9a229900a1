import { type Actor, hasPermission, type ProgressQuery, pathIds } from '@coso/domain';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError, validationError } from '../../../http/app-error.js';
import type { Clock } from '../../../lib/clock.js';
import {
  LIVE_CELLS,
  LIVE_LEAGUE,
  LIVE_PHASES,
  ROLLUP_CELLS,
  ROLLUP_LEAGUE,
  ROLLUP_PHASES,
} from './queries.js';

/**
 * A cycle's progress within one area (issue #15, docs/api.md "DCC › Sync, plans and progress"), in three
 * set-based statements (queries.ts):
 * - the funnel: villages (units of the cycle's village-level instances under `within`) whose every instance of
 *   the phase that applies to them — their own, their CVD's, and those of the units above them — is validated;
 * - area × phase: per child unit of `within`, the share of the instances under it that are validated;
 * - the league: the facilitators actively assigned to villages under `within`, their submitted and validated
 *   instances there, their last activity and their plans past their date without an outcome.
 * Everything in an area is read from the rollups of migration 0026 (decision 0022); a facilitator (dcc.fill
 * without dcc.review) sees only what their assignments give them, read from those instances. Training accounts
 * (users.training_account) never count: their submissions and validations are not validated work, and they
 * are not in the league.
 */

interface Within {
  id: string;
  name: string;
  path: string;
}

export type ProgressSource = 'rollup' | 'live';

type Phase = { phaseId: string; name: string; villages: number; completed: number };
type Cell = { unitId: string; name: string; phaseId: string; percent: string | null };
type Facilitator = {
  id: string;
  displayName: string;
  tasksValidated: number;
  tasksSubmitted: number;
  lastActivity: Date | null;
  overduePlans: number;
};

/**
 * The three parts of the answer within `areaPath`, from the rollups or the instances (`live`; always for a
 * facilitator's own view, `facilitatorId`). Exported for the test that holds both sources to the same answer.
 */
export async function progressParts(
  db: Queryable,
  source: ProgressSource,
  { cycleId, areaPath, facilitatorId, today }: ProgressArgs,
) {
  const live = source === 'live' || facilitatorId !== null;
  const params = [cycleId, areaPath, facilitatorId];
  const phases = await db.query<Phase>(live ? LIVE_PHASES : ROLLUP_PHASES, params);
  const cells = await db.query<Cell>(live ? LIVE_CELLS : ROLLUP_CELLS, params);
  const areas = new Map<
    string,
    { unitId: string; name: string; phases: Array<{ phaseId: string; percentValidated: number | null }> }
  >();
  for (const c of cells) {
    const a = areas.get(c.unitId) ?? { unitId: c.unitId, name: c.name, phases: [] };
    a.phases.push({ phaseId: c.phaseId, percentValidated: c.percent === null ? null : Number(c.percent) });
    areas.set(c.unitId, a);
  }
  // The league never cuts the work by the caller's assignments: the rollup serves every view.
  const facilitators = await db.query<Facilitator>(source === 'live' ? LIVE_LEAGUE : ROLLUP_LEAGUE, [
    ...params,
    today,
  ]);
  return { phases, areas: [...areas.values()], facilitators };
}

interface ProgressArgs {
  cycleId: string;
  areaPath: string;
  facilitatorId: string | null;
  today: string;
}

export function createProgressService({ db, clock }: { db: Db; clock: Clock }) {
  /** `within`, checked against the jurisdictions; by default the deepest unit over all of them. */
  async function resolveWithin(
    actor: Actor,
    within: string | undefined,
    facilitator: boolean,
  ): Promise<Within> {
    let id = within;
    if (!id) {
      const lists = actor.jurisdictions.map((j) => pathIds(j.path));
      const common: string[] = [];
      for (let k = 0; k < (lists[0]?.length ?? 0); k++) {
        if (lists.every((l) => l[k] === lists[0]![k])) common.push(lists[0]![k]!);
        else break;
      }
      id = common.at(-1);
      if (!id) throw validationError([{ path: 'within', message: 'required' }]);
    }
    const [unit] = await db.query<Within>('select id, name, path from geo_units where id = $1', [id]);
    if (!unit) throw new AppError('not_found');
    const inside = actor.jurisdictions.some((j) => unit.path.startsWith(j.path));
    // A facilitator's view is cut by their assignments: any area over their villages will do.
    const over = actor.jurisdictions.some((j) => j.path.startsWith(unit.path));
    if (!inside && !(facilitator && over)) throw new AppError('outside_jurisdiction');
    return unit;
  }

  return {
    async progress(actor: Actor, { cycleId, within }: ProgressQuery) {
      if (!hasPermission(actor, 'dcc.read')) throw new AppError('forbidden');
      const facilitator = hasPermission(actor, 'dcc.fill') && !hasPermission(actor, 'dcc.review');
      const [cycle] = await db.query('select 1 from dcc_cycles where id = $1', [cycleId]);
      if (!cycle) throw new AppError('not_found');
      const area = await resolveWithin(actor, within, facilitator);
      const today = clock.now().toISOString().slice(0, 10);
      const parts = await progressParts(db, 'rollup', {
        cycleId,
        areaPath: area.path,
        facilitatorId: facilitator ? actor.id : null,
        today,
      });
      return { within: { id: area.id, name: area.name }, ...parts };
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
