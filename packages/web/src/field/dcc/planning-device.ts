import {
  type DeviceEngine,
  type NewLocalFile,
  type PlaceKind,
  type PlanOutcome,
  randomUuid,
} from '@coso/domain';
import { DCC_MUTATIONS } from './dcc-device';
import { DCC_TABLES } from './dcc-rows';
import { type DccPlace, type GpsReading, readPlace } from './places-model';
import { type DccPlan, readPlan } from './planning-model';

/**
 * The facilitator's plans and village points on this phone: read from the pulled rows (with the outbox's
 * overlays, domain modules/dcc/device-sync.ts and place-sync.ts) and queued as dcc.plan.* and
 * dcc.place.record mutations — offline first; a plan's photo is stored with its outbox entry and uploaded
 * before it, as a task's attachments are.
 */

export async function readPlans(engine: Pick<DeviceEngine, 'rows'>): Promise<DccPlan[]> {
  return (await engine.rows(DCC_TABLES.plans)).map(readPlan);
}

export async function readPlaces(engine: Pick<DeviceEngine, 'rows'>): Promise<DccPlace[]> {
  return (await engine.rows(DCC_TABLES.places)).flatMap((r) => readPlace(r) ?? []);
}

export interface NewPlan {
  cycleId: string;
  villageId: string;
  plannedOn: string;
  taskId?: string;
  title?: string;
}

export function queuePlan(engine: DeviceEngine, plan: NewPlan) {
  const payload = {
    id: randomUuid(),
    cycleId: plan.cycleId,
    unitId: plan.villageId,
    plannedOn: plan.plannedOn,
    ...(plan.taskId ? { taskId: plan.taskId } : { title: plan.title }),
  };
  return engine.enqueue(DCC_MUTATIONS.planCreate, payload);
}

/**
 * The outcome of a plan, on top of the version the phone holds (none for a plan not yet acknowledged: the
 * server then takes it as it is); the photo, when there is one, goes first and names its upload.
 */
export function queuePlanOutcome(
  engine: DeviceEngine,
  plan: DccPlan,
  outcome: { outcome: PlanOutcome; comment: string },
  photo?: NewLocalFile,
) {
  const baseVersion = plan.version >= 1 ? plan.version : undefined;
  const payload = { planId: plan.id, outcome: outcome.outcome, comment: outcome.comment.trim() || null };
  return engine.enqueue(DCC_MUTATIONS.planRecord, payload, {
    ...(baseVersion ? { baseVersion } : {}),
    ...(photo ? { files: [photo] } : {}),
  });
}

export function queuePlace(
  engine: DeviceEngine,
  villageId: string,
  kind: PlaceKind,
  reading: GpsReading,
  name?: string,
) {
  return engine.enqueue(DCC_MUTATIONS.placeRecord, {
    id: randomUuid(),
    villageId,
    kind,
    ...(kind === 'meeting_place' ? { name: name?.trim() } : {}),
    latitude: reading.latitude,
    longitude: reading.longitude,
    accuracyM: reading.accuracy,
    capturedAt: new Date().toISOString(),
  });
}
