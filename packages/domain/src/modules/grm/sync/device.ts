import { createDeviceEngine, type EngineOptions, randomUuid } from '../../../platform/sync/engine.js';
import type { DeviceEngine, NewLocalFile } from '../../../platform/sync/engine-api.js';
import type { DeviceEntity } from '../../../platform/sync/entities.js';
import type { SyncRow } from '../../../platform/sync/protocol.js';
import type { ComplaintAction } from '../complaints/lifecycle.js';
import { generateTrackingCode } from '../complaints/tracking-code.js';
import {
  CASE_ATTACHMENTS,
  COMPLAINT_EVENTS,
  COMPLAINTS,
  complaintEntity,
  deviceReference,
} from './entity.js';
import { type ComplaintCreatePayload, complaintCreatePayloadSchema } from './payloads.js';
import { caseFromCreate } from './view.js';

/**
 * The grievance module's words over the generic device engine (platform/sync/engine.ts): what the field
 * app's screens call. Every method is a read of `rows` or an `enqueue` of a `complaint.*` mutation; the
 * complaint entity's registration (entity.ts) says how they show before the server answers.
 */
export interface GrmDevice {
  /** Cases on the device, newest first, with pending local changes applied (`pending: true`). */
  complaints(): Promise<LocalComplaint[]>;
  complaint(id: string): Promise<LocalComplaint | undefined>;
  /** The case's timeline, oldest first, local pending events included (`pending: true`). */
  events(complaintId: string): Promise<SyncRow[]>;
  attachments(complaintId: string): Promise<SyncRow[]>;
  /** Reference lists and geo units as pulled. */
  reference(): Promise<SyncRow[]>;
  geoUnits(): Promise<SyncRow[]>;
  /**
   * Records a complaint offline: picks the case id and a tracking code (reserved pool, else generated on the
   * device), stores the files, queues `complaint.create` then one `attachment.add` per file. The receipt data
   * is available at once from the returned case.
   */
  createComplaint(
    input: Omit<ComplaintCreatePayload, 'id' | 'trackingCode'>,
    files?: NewLocalFile[],
  ): Promise<LocalComplaint>;
  /** Queues `complaint.act` with the case's current version as baseVersion; applied locally at once. */
  act(complaintId: string, action: ComplaintAction): Promise<void>;
}

/** The device engine of the field app today: the generic engine and the grievance module's words. */
export type SyncEngine = DeviceEngine & GrmDevice;

export interface LocalComplaint extends SyncRow {
  trackingCode: string;
  status: string;
  version: number;
  /** Queued on this device and not yet acknowledged by the server. */
  pending?: boolean;
  /**
   * The tracking code was made on the device because no reserved code was left: the server keeps it when it
   * is free and otherwise gives another one at sync, so the receipt should say it is provisional.
   */
  provisionalCode?: boolean;
}

/** The synced entities of the grievance module, for the engine and the device store's schema. */
export const GRM_DEVICE_ENTITIES: readonly DeviceEntity[] = [complaintEntity];

export function grmDevice(
  engine: DeviceEngine,
  { uuid = randomUuid, random = secureRandom }: { uuid?: () => string; random?: () => number } = {},
): GrmDevice {
  const cases = async () => (await engine.rows(COMPLAINTS)) as LocalComplaint[];
  return {
    complaints: cases,
    complaint: async (id) => (await engine.rows(COMPLAINTS, { id }))[0] as LocalComplaint | undefined,
    events: (complaintId) => engine.rows(COMPLAINT_EVENTS, { complaintId }),
    attachments: (complaintId) => engine.rows(CASE_ATTACHMENTS, { complaintId }),
    reference: () => engine.rows('reference_items'),
    geoUnits: () => engine.rows('geo_units'),

    async createComplaint(input, files: NewLocalFile[] = []) {
      const id = uuid();
      // Checked before a reserved code is spent on it.
      complaintCreatePayloadSchema.parse({ ...input, id });
      const { code } = await engine.takeCode(id, () => generateTrackingCode(random));
      const payload = complaintCreatePayloadSchema.parse({ ...input, id, trackingCode: code });
      const entry = await engine.enqueue('complaint.create', payload, { notify: files.length === 0 });
      for (const [i, file] of files.entries()) {
        await engine.enqueue(
          'attachment.add',
          { complaintId: id, uploadId: '', purpose: 'evidence' },
          { files: [file], notify: i === files.length - 1 },
        );
      }
      return caseFromCreate(payload, entry.mutation.clientTime, {
        ...deviceReference(
          await engine.rows('reference_items', undefined, { overlay: false }),
          await engine.rows('geo_units', undefined, { overlay: false }),
        ),
        provisional: await engine.provisionalCodes(),
      });
    },

    async act(complaintId, action) {
      const [server] = await engine.rows(COMPLAINTS, { id: complaintId }, { overlay: false });
      const baseVersion = typeof server?.version === 'number' ? server.version : undefined;
      await engine.enqueue(
        'complaint.act',
        { complaintId, action },
        baseVersion !== undefined ? { baseVersion } : {},
      );
    },
  };
}

/**
 * The device engine with the grievance module registered (and `entities`, e.g. a test entity): what the
 * field app, the benchmarks and the server's convergence test run.
 */
export function createSyncEngine(
  options: Omit<EngineOptions, 'entities'> & { entities?: readonly DeviceEntity[]; random?: () => number },
): SyncEngine {
  const { entities = [], random, ...rest } = options;
  const engine = createDeviceEngine({ ...rest, entities: [...GRM_DEVICE_ENTITIES, ...entities] });
  return {
    ...engine,
    ...grmDevice(engine, { ...(rest.uuid ? { uuid: rest.uuid } : {}), ...(random ? { random } : {}) }),
  };
}

function secureRandom(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]! / 2 ** 32;
}
