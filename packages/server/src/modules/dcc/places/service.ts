import {
  type Actor,
  hasPermission,
  isWithin,
  type PlaceKind,
  type PlaceRecordPayload,
  withinPlaceArea,
} from '@coso/domain';
import type { Db, Queryable } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { readsByArea } from '../scope.js';

/**
 * GPS points of DCC villages (issue #15, migration 0027): the village's own position and its meeting places,
 * taken by the facilitator on the phone (sync mutation dcc.place.record) and read on the desktop
 * (GET /api/v1/dcc/places). A facilitator records points of a village they hold an active assignment for in
 * an active cycle; whoever may read the village (its facilitator, an area reader whose jurisdiction holds it)
 * reads them.
 */

export interface PlaceRow {
  id: string;
  villageId: string;
  kind: PlaceKind;
  name: string | null;
  latitude: number;
  longitude: number;
  accuracyM: number | null;
  capturedBy: string | null;
  capturedByName: string | null;
  capturedAt: Date;
  updatedAt: Date;
}

const SELECT = `select p.id, p.village_id as "villageId", p.kind, p.name, p.latitude, p.longitude,
    p.accuracy_m as "accuracyM", p.captured_by as "capturedBy", u.display_name as "capturedByName",
    p.captured_at as "capturedAt", p.updated_at as "updatedAt"
  from dcc_places p left join users u on u.id = p.captured_by`;

/** Whether `userId` holds an active assignment of the village (in an active cycle when `activeCycle`). */
async function assigned(q: Queryable, userId: string, villageId: string, activeCycle: boolean) {
  const rows = await q.query(
    `select 1 from dcc_assignments a join dcc_cycles c on c.id = a.cycle_id
      where a.village_id = $1 and a.facilitator_id = $2 and a.active and (not $3 or c.status = 'active') limit 1`,
    [villageId, userId, activeCycle],
  );
  return rows.length > 0;
}

export function createPlaceService({ db }: { db: Db }) {
  const one = async (q: Queryable, id: string) =>
    (await q.query<PlaceRow>(`${SELECT} where p.id = $1`, [id]))[0]!;

  return {
    /**
     * Records a point: the village's position replaces the one it had (same row, the server's id); a meeting
     * place is a new row. Refused outside the service area (dcc_place_out_of_area) and for a village the
     * caller is not assigned in an active cycle (dcc_unit_not_assigned).
     */
    async record(actor: Actor, input: PlaceRecordPayload): Promise<PlaceRow> {
      const q = db;
      if (!hasPermission(actor, 'dcc.fill')) throw new AppError('forbidden');
      if (!withinPlaceArea(input.latitude, input.longitude)) throw new AppError('dcc_place_out_of_area');
      if (!(await assigned(q, actor.id, input.villageId, true))) throw new AppError('dcc_unit_not_assigned');
      const values = [
        input.id,
        input.villageId,
        input.kind,
        input.kind === 'village' ? null : (input.name ?? null),
        input.latitude,
        input.longitude,
        input.accuracyM ?? null,
        actor.id,
        input.capturedAt,
      ];
      const insert = `insert into dcc_places (id, village_id, kind, name, latitude, longitude, accuracy_m,
          captured_by, captured_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, least($9::timestamptz, now()))`;
      const [row] =
        input.kind === 'village'
          ? await q.query<{ id: string }>(
              `${insert} on conflict (village_id) where kind = 'village' do update set
                 latitude = excluded.latitude, longitude = excluded.longitude, accuracy_m = excluded.accuracy_m,
                 captured_by = excluded.captured_by, captured_at = excluded.captured_at, updated_at = now()
               returning id`,
              values,
            )
          : await q.query<{ id: string }>(`${insert} on conflict (id) do nothing returning id`, values);
      if (!row) throw new AppError('conflict');
      return one(q, row.id);
    },

    /** A village's points, its own position first, then the meeting places by name. */
    async list(actor: Actor, villageId: string): Promise<PlaceRow[]> {
      const [village] = await db.query<{ path: string }>(
        `select path from geo_units where id = $1 and level = 'village'`,
        [villageId],
      );
      if (!village) throw new AppError('not_found');
      const byArea = readsByArea(actor) && actor.jurisdictions.some((j) => isWithin(village.path, j.path));
      const byAssignment =
        !byArea && hasPermission(actor, 'dcc.fill') && (await assigned(db, actor.id, villageId, false));
      if (!byArea && !byAssignment) throw new AppError('outside_jurisdiction');
      return db.query<PlaceRow>(
        `${SELECT} where p.village_id = $1 order by p.kind = 'meeting_place', p.name, p.captured_at desc`,
        [villageId],
      );
    },
  };
}

export type PlaceService = ReturnType<typeof createPlaceService>;
