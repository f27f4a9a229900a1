import type { LocalStore, OutboxEntry, Transport } from './device.js';
import { TransportError } from './device.js';
import type { PullProgress, SyncReport } from './engine-api.js';
import { pullAll } from './engine-pull.js';
import type { DeviceReader, EntityRegistry } from './entities.js';
import { type MutationResult, RETRYABLE_REJECT_CODES, type SyncRow } from './protocol.js';

/** One sync pass of the device engine (engine.ts): uploads, push, code refill, pull. */

export const PUSH_BATCH = 20;
export const CODES_LOW_WATER = 20;
export const CODES_REFILL = 50;
export const META = {
  codes: 'codes',
  /**
   * Rows made here and acknowledged, kept on screen until the pull brings the server's (table → id → row).
   * Releases before the entity registry kept cases only, flat under `acknowledged` (id → case): the grievance
   * overlay still reads that key, and the end of every pull empties both.
   */
  acknowledgedRows: 'acknowledgedRows',
  acknowledged: 'acknowledged',
  /** Ids of the records created here with a code made on the device, until the server settles it. */
  provisional: 'provisional',
  lastSuccessAt: 'lastSuccessAt',
  lastAttemptAt: 'lastAttemptAt',
  lastError: 'lastError',
} as const;

/** The rows of one table in the acknowledged map (META.acknowledgedRows). */
export function acknowledgedRows(
  all: Record<string, Record<string, SyncRow>> | undefined,
  table: string,
): Record<string, SyncRow> {
  return all?.[table] ?? {};
}

export interface PassDeps {
  store: LocalStore;
  registry: EntityRegistry;
  read: DeviceReader;
  transport: Transport;
  now: () => Date;
  notify: () => void;
  onProgress: (progress: PullProgress | undefined) => void;
}

export async function runPass(deps: PassDeps): Promise<SyncReport> {
  const { store, now, notify } = deps;
  const report: SyncReport = { ok: true, pushed: 0, pulled: 0, uploaded: 0 };
  await store.setMeta(META.lastAttemptAt, now().toISOString());
  try {
    const uploads = await uploadFiles(deps);
    report.uploaded = uploads.count;
    // A failed upload only holds back the entries that need the file: the others still go.
    report.pushed = await pushOutbox(deps);
    // Codes before the pull: a new phone can file offline with real codes within seconds of its first login,
    // not after a first pull of many minutes.
    // A refusal (a role that may not file) must not hold back the pull; it is reported after it.
    const codesError = await refillCodes(deps).then(
      () => undefined,
      (err: unknown) => {
        if (err instanceof TransportError && err.kind === 'server') return err;
        throw err;
      },
    );
    report.pulled = await pullAll(deps);
    // Every acknowledged creation the server lets this device see has now come back as a server row.
    await store.setMeta(META.acknowledgedRows, {});
    if (await store.meta(META.acknowledged)) await store.setMeta(META.acknowledged, undefined);
    if (uploads.error) throw uploads.error;
    if (codesError) throw codesError;
    await store.setMeta(META.lastSuccessAt, now().toISOString());
    await store.setMeta(META.lastError, undefined);
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    report.ok = false;
    report.error = {
      kind: err.kind,
      message: err.message,
      ...(err.code ? { code: err.code } : {}),
      ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    };
    if (err.kind === 'revoked') await store.wipe();
    else await store.setMeta(META.lastError, err.message);
  } finally {
    notify();
  }
  return report;
}

/**
 * Upload refusals the server will repeat every time (the file itself is wrong, or its bytes are gone from the
 * phone): the file's entry is refused for good and shown. Anything else (a proxy's 502, a lock, a lost
 * connection) is tried again at the next pass.
 */
const FINAL_UPLOAD_CODES: readonly string[] = [
  'unsupported_media_type',
  'upload_too_large',
  'payload_too_large',
  'validation_error',
  'file_missing',
];

/** Uploads the files of pending entries; stops at the first transient failure and hands it back. */
async function uploadFiles({
  store,
  transport,
  notify,
}: PassDeps): Promise<{ count: number; error?: TransportError }> {
  const entries = (await store.outbox()).filter((e) => e.state === 'pending' && e.files.length > 0);
  const needed = new Set(entries.flatMap((e) => e.files));
  let count = 0;
  for (const file of await store.files()) {
    if (!needed.has(file.id) || file.uploadId) continue;
    try {
      const uploadId = await transport.upload(file, (sent) => {
        file.uploaded = sent;
        store.putFile({ ...file }).catch(() => undefined);
        notify();
      });
      await store.putFile({ ...file, uploadId, uploaded: file.size });
      count++;
    } catch (err) {
      if (!(err instanceof TransportError) || err.kind === 'auth' || err.kind === 'revoked') throw err;
      if (!err.code || !FINAL_UPLOAD_CODES.includes(err.code)) return { count, error: err };
      for (const entry of entries.filter((e) => e.files.includes(file.id))) {
        await store.updateEntry({
          ...entry,
          state: 'rejected',
          result: { id: entry.mutation.id, status: 'rejected', code: err.code, message: err.message },
        });
      }
    }
    notify();
  }
  return { count };
}

/**
 * Pushes pending entries in outbox order. An entry waits while its files are not on the server, and so do
 * the later entries about the same record (an act on a case whose creation waits). At most one entry per
 * record per batch: when it applies, the next entries of that record are rebased by their type's rule (a
 * chain of offline actions does not conflict with itself).
 */
async function pushOutbox(deps: PassDeps): Promise<number> {
  const { store, transport, notify, registry } = deps;
  const tried = new Set<string>();
  let pushed = 0;
  for (;;) {
    const outbox = await store.outbox();
    const uploads = new Map((await store.files()).map((f) => [f.id, f.uploadId]));
    const blocked = new Set<string>();
    const batch: OutboxEntry[] = [];
    for (const entry of outbox) {
      if (batch.length >= PUSH_BATCH) break;
      if (entry.state !== 'pending') continue;
      const caseId = registry.subject(entry) ?? entry.mutation.id;
      const ready = entry.files.every((f) => uploads.get(f));
      if (blocked.has(caseId) || tried.has(entry.mutation.id) || !ready) {
        blocked.add(caseId);
        continue;
      }
      blocked.add(caseId);
      batch.push(withUploadIds(registry, entry, uploads));
    }
    if (batch.length === 0) return pushed;
    for (const e of batch) tried.add(e.mutation.id);
    const { results } = await transport.push(batch.map((e) => e.mutation));
    pushed += await settle(deps, batch, results);
    notify();
  }
}

function withUploadIds(
  registry: EntityRegistry,
  entry: OutboxEntry,
  uploads: Map<string, string | undefined>,
): OutboxEntry {
  const rule = registry.mutation(entry.mutation.type);
  if (!rule?.withUploads || entry.files.length === 0) return entry;
  const payload = rule.withUploads(
    entry.mutation.payload,
    entry.files.map((f) => uploads.get(f) ?? ''),
  );
  return { ...entry, mutation: { ...entry.mutation, payload } };
}

async function settle(deps: PassDeps, batch: OutboxEntry[], results: MutationResult[]): Promise<number> {
  const { store, registry } = deps;
  const byId = new Map(results.map((r) => [r.id, r]));
  const done: string[] = [];
  const acknowledged =
    (await store.meta<Record<string, Record<string, SyncRow>>>(META.acknowledgedRows)) ?? {};
  for (const entry of batch) {
    const result = byId.get(entry.mutation.id);
    if (!result) continue;
    if (result.status === 'applied' || result.status === 'duplicate') {
      done.push(entry.mutation.id);
      await keepUntilPulled(deps, entry, result, acknowledged);
      await rebaseFollowers(deps, entry, result);
    } else if (result.status === 'rejected' && result.code && RETRYABLE_REJECT_CODES.includes(result.code)) {
      await store.updateEntry({ ...entry, attempts: entry.attempts + 1, lastError: result.message });
    } else {
      await store.updateEntry({
        ...entry,
        state: result.status === 'conflict' ? 'conflict' : 'rejected',
        result,
      });
    }
  }
  await store.setMeta(META.acknowledgedRows, acknowledged);
  const provisional = (await store.meta<string[]>(META.provisional)) ?? [];
  const settled = new Set(batch.filter((e) => done.includes(e.mutation.id)).map((e) => registry.subject(e)));
  if (provisional.some((id) => settled.has(id)))
    await store.setMeta(
      META.provisional,
      provisional.filter((id) => !settled.has(id)),
    );
  await store.removeEntries(done);
  return done.length;
}

/** What the mutation's type keeps on screen until a pull brings the server's row (MutationRule). */
async function keepUntilPulled(
  { registry, read }: PassDeps,
  entry: OutboxEntry,
  result: MutationResult,
  acknowledged: Record<string, Record<string, SyncRow>>,
) {
  const rule = registry.mutation(entry.mutation.type);
  const table = registry.tableOf(entry.mutation.type);
  const row = rule?.keepUntilPulled && table ? await rule.keepUntilPulled(entry, result, read) : undefined;
  if (!row || !table) return;
  acknowledged[table] = { ...acknowledged[table], [row.id]: row };
}

/** The entries queued after an applied one on the same record, rebased by their type's rule. */
async function rebaseFollowers({ store, registry }: PassDeps, entry: OutboxEntry, result: MutationResult) {
  const subject = registry.subject(entry);
  if (!subject) return;
  for (const next of await store.outbox()) {
    if (next.state !== 'pending' || next.mutation.id === entry.mutation.id) continue;
    if (registry.subject(next) !== subject) continue;
    const rebased = registry.mutation(next.mutation.type)?.rebase?.(next.mutation, entry.mutation, result);
    if (rebased) await store.updateEntry({ ...next, mutation: rebased });
  }
}

async function refillCodes({ store, transport }: PassDeps) {
  const codes = (await store.meta<string[]>(META.codes)) ?? [];
  if (codes.length >= CODES_LOW_WATER) return;
  const fresh = await transport.reserveCodes(CODES_REFILL);
  const latest = (await store.meta<string[]>(META.codes)) ?? [];
  await store.setMeta(META.codes, [...latest, ...fresh.filter((c) => !latest.includes(c))]);
}
