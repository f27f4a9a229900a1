import type { DeviceEntity, DeviceReader } from '../../../platform/sync/entities.js';
import type { SyncRow } from '../../../platform/sync/protocol.js';
import type { LocalComplaint } from './device.js';
import {
  type AttachmentAddPayload,
  type ComplaintCreatePayload,
  complaintCreatePayloadSchema,
} from './payloads.js';
import {
  caseFromCreate,
  pendingAttachments,
  pendingEvents,
  sensitiveCategoryCodes,
  viewCases,
} from './view.js';

/**
 * The complaint, the grievance module's synced entity on the device: a case (`complaints`) with its timeline
 * (`complaint_events`) and files (`attachments`), which leave the device with it; `complaint.create`,
 * `complaint.act` and `attachment.add` as its mutations; the overlays of view.ts.
 */

export const COMPLAINTS = 'complaints';
export const COMPLAINT_EVENTS = 'complaint_events';
export const CASE_ATTACHMENTS = 'attachments';
const CHILD_KEY = 'complaintId';
/** Where releases before the entity registry kept acknowledged cases (id → case); see engine-sync's META. */
const LEGACY_ACKNOWLEDGED = 'acknowledged';
const PROVISIONAL = 'provisional';

/** What the case overlay needs from the reference tables: sensitive categories, village names. */
export function deviceReference(items: SyncRow[], units: SyncRow[]) {
  return {
    sensitiveCategories: sensitiveCategoryCodes(items),
    villageNames: new Map(units.map((u) => [u.id, String(u.name)])),
  };
}

async function readReference(read: DeviceReader) {
  const [items, units] = await Promise.all([read.rows('reference_items'), read.rows('geo_units')]);
  return deviceReference(items, units);
}

const caseOf = (payload: unknown) => (payload as { complaintId?: string } | undefined)?.complaintId;

export const complaintEntity: DeviceEntity = {
  name: 'complaint',
  table: COMPLAINTS,
  children: [
    { table: COMPLAINT_EVENTS, parentKey: CHILD_KEY },
    { table: CASE_ATTACHMENTS, parentKey: CHILD_KEY },
  ],
  mutations: {
    'complaint.create': {
      payload: complaintCreatePayloadSchema,
      subject: (p) => (p as { id?: string } | undefined)?.id,
      /** Sensitive cases never come back to a device, so they leave at once. */
      async keepUntilPulled(entry, result, read) {
        const sensitive = sensitiveCategoryCodes(await read.rows('reference_items'));
        const payload = entry.mutation.payload as ComplaintCreatePayload;
        if (sensitive.has(payload.category)) return undefined;
        const row = caseFromCreate(payload, entry.mutation.clientTime, {
          sensitiveCategories: sensitive,
          villageNames: new Map(),
        });
        return { ...row, ...(result.result ?? {}), id: row.id, pending: false } as LocalComplaint;
      },
    },
    // Not checked when queued (as before the registry): the server's answer says what is wrong with it.
    'complaint.act': {
      subject: caseOf,
      // Only a version the device had seen is carried forward; an unchecked action stays unchecked.
      rebase(next, applied, result) {
        const version = result.result?.version;
        if (typeof version !== 'number') return undefined;
        const base = next.baseVersion;
        if (base === undefined || base !== applied.baseVersion) return undefined;
        return { ...next, baseVersion: version };
      },
    },
    // No payload check when queued: its uploadId is only known once the file is uploaded.
    'attachment.add': {
      subject: caseOf,
      withUploads: (payload, [uploadId]) => ({ ...(payload as AttachmentAddPayload), uploadId }),
    },
  },
  overlays: {
    async [COMPLAINTS]({ rows, pending, acknowledged, read }) {
      const [legacy, provisional, reference] = await Promise.all([
        read.meta<Record<string, LocalComplaint>>(LEGACY_ACKNOWLEDGED),
        read.meta<string[]>(PROVISIONAL),
        readReference(read),
      ]);
      const kept = { ...legacy, ...Object.fromEntries(acknowledged.map((r) => [r.id, r as LocalComplaint])) };
      return viewCases({
        cases: rows,
        outbox: pending,
        acknowledged: kept,
        provisional: new Set(provisional),
        ...reference,
      });
    },
    async [COMPLAINT_EVENTS]({ rows, pending, filter, read }) {
      const subjects = typeof filter?.complaintId === 'string' ? [filter.complaintId] : casesOf(pending);
      const local: SyncRow[] = [];
      for (const id of subjects) {
        const server = await read.row(COMPLAINTS, id);
        local.push(...pendingEvents(pending, id, server?.status as string | undefined));
      }
      return [...rows, ...local].sort((a, b) => String(a.at).localeCompare(String(b.at)));
    },
    async [CASE_ATTACHMENTS]({ rows, pending, filter, read }) {
      const subjects = typeof filter?.complaintId === 'string' ? [filter.complaintId] : casesOf(pending);
      const files = new Map((await read.files()).map((f) => [f.id, f]));
      const local = subjects
        .flatMap((id) => pendingAttachments(pending, id))
        .map((row) => {
          const file = files.get(row.id);
          return { ...row, filename: file?.name, mimeType: file?.type, sizeBytes: file?.size };
        });
      return [...rows, ...local];
    },
  },
};

function casesOf(pending: { mutation: { type: string; payload: unknown } }[]): string[] {
  const ids = pending.map(({ mutation }) =>
    mutation.type === 'complaint.create'
      ? (mutation.payload as { id?: string }).id
      : caseOf(mutation.payload),
  );
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
