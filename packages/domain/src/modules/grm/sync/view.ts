import type { OutboxEntry } from '../../../platform/sync/device.js';
import type { SyncRow } from '../../../platform/sync/protocol.js';
import { type ComplaintStatus, transition } from '../complaints/lifecycle.js';
import type { LocalComplaint } from './device.js';
import type { ComplaintActPayload, ComplaintCreatePayload } from './payloads.js';

/**
 * The grievance overlays of the device's view (registered in entity.ts): the rows the server sent, with the
 * queued mutations applied on top in outbox order. Recomputed on every read, so a pull that replaces a server
 * row never loses a local change.
 */

export interface ViewInput {
  cases: SyncRow[];
  outbox: OutboxEntry[];
  /** Cases this device created that the server acknowledged but no pull has brought back yet. */
  acknowledged: Record<string, LocalComplaint>;
  /** Codes of the sensitive categories (reference_items, list 'category'). */
  sensitiveCategories: ReadonlySet<string>;
  /** Village id → name, for the cases created here. */
  villageNames: ReadonlyMap<string, string>;
  /** Ids of the cases created here whose tracking code was made on the device (no reserved code left). */
  provisional?: ReadonlySet<string>;
}

/** Codes of the sensitive categories among the pulled reference items. */
export function sensitiveCategoryCodes(items: SyncRow[]): Set<string> {
  return new Set(items.filter((r) => r.list === 'category' && r.sensitive).map((r) => String(r.code)));
}

/** The case a device-made `complaint.create` stands for until the server's row arrives. */
export function caseFromCreate(
  payload: ComplaintCreatePayload,
  clientTime: string,
  view: Pick<ViewInput, 'sensitiveCategories' | 'villageNames' | 'provisional'>,
): LocalComplaint {
  const { complainant } = payload;
  return {
    id: payload.id,
    changeSeq: 0,
    trackingCode: payload.trackingCode ?? '',
    reference: null,
    type: payload.type,
    category: payload.category,
    channel: payload.channel,
    status: 'received',
    sensitive: view.sensitiveCategories.has(payload.category),
    description: payload.description,
    incidentDate: payload.incidentDate ?? null,
    ongoing: payload.ongoing,
    recurring: payload.recurring,
    subprojectRef: payload.subprojectRef ?? null,
    villageId: payload.villageId,
    villageName: view.villageNames.get(payload.villageId) ?? null,
    latitude: payload.latitude ?? null,
    longitude: payload.longitude ?? null,
    placeDescription: payload.placeDescription ?? null,
    anonymous: complainant.anonymous,
    gender: complainant.gender ?? null,
    ageGroup: complainant.ageGroup ?? null,
    vulnerabilities: complainant.vulnerabilities ?? [],
    complainant,
    receivedAt: payload.receivedAt ?? clientTime,
    version: 0,
    pending: true,
    ...(view.provisional?.has(payload.id) ? { provisionalCode: true } : {}),
  };
}

/** The case id a mutation is about, for ordering and for the view. */
export function caseIdOf(entry: OutboxEntry): string | undefined {
  const p = entry.mutation.payload as { id?: string; complaintId?: string } | undefined;
  if (entry.mutation.type === 'complaint.create') return p?.id;
  return p?.complaintId;
}

export function viewCases(input: ViewInput): LocalComplaint[] {
  const byId = new Map<string, LocalComplaint>();
  for (const row of input.cases) byId.set(row.id, row as LocalComplaint);
  for (const [id, row] of Object.entries(input.acknowledged)) if (!byId.has(id)) byId.set(id, row);
  for (const entry of input.outbox) {
    if (entry.state !== 'pending') continue;
    const { type, payload, clientTime } = entry.mutation;
    if (type === 'complaint.create') {
      const p = payload as ComplaintCreatePayload;
      if (!byId.has(p.id)) byId.set(p.id, caseFromCreate(p, clientTime, input));
    } else if (type === 'complaint.act') {
      const { complaintId, action } = payload as ComplaintActPayload;
      const current = byId.get(complaintId);
      const next = current && transition(current.status as ComplaintStatus, action);
      if (current && next) byId.set(complaintId, { ...current, status: next.to, pending: true });
    }
  }
  return [...byId.values()].sort((a, b) =>
    String(b.receivedAt ?? '').localeCompare(String(a.receivedAt ?? '')),
  );
}

/**
 * Timeline rows the queued mutations add to a case (shown as pending), their statuses following each other
 * from `serverStatus` (the case as the server last sent it; absent for a case created on this device).
 */
export function pendingEvents(outbox: OutboxEntry[], complaintId: string, serverStatus?: string): SyncRow[] {
  const out: SyncRow[] = [];
  let status = serverStatus as ComplaintStatus | undefined;
  for (const entry of outbox) {
    if (entry.state !== 'pending' || caseIdOf(entry) !== complaintId) continue;
    const { id, type, payload, clientTime } = entry.mutation;
    const base = {
      id: `local:${id}`,
      changeSeq: 0,
      complaintId,
      at: clientTime,
      pending: true,
      actorName: null,
    };
    if (type === 'complaint.create') {
      status = 'received';
      out.push({ ...base, kind: 'created', fromStatus: null, toStatus: status, payload: {} });
    } else if (type === 'complaint.act') {
      const { action } = payload as ComplaintActPayload;
      const next = status && transition(status, action);
      const { action: kind, ...rest } = action;
      out.push({ ...base, kind, fromStatus: status ?? null, toStatus: next ? next.to : null, payload: rest });
      if (next) status = next.to;
    }
  }
  return out;
}

/** Files queued with `attachment.add`, shown on the case before they reach the server. */
export function pendingAttachments(outbox: OutboxEntry[], complaintId: string): SyncRow[] {
  return outbox
    .filter(
      (e) => e.state === 'pending' && e.mutation.type === 'attachment.add' && caseIdOf(e) === complaintId,
    )
    .flatMap((e) =>
      e.files.map((fileId) => ({
        id: fileId,
        changeSeq: 0,
        complaintId,
        localFileId: fileId,
        pending: true,
      })),
    );
}
