import type { z } from 'zod';
import type { ChildLink, DeviceSchema, LocalFile, OutboxEntry, RowFilter } from './device.js';
import type { Mutation, MutationResult, SyncRow } from './protocol.js';

/**
 * The device-side entity registry, the mirror of the server's sync registry: per synced entity, the tables
 * the pull fills, their key and parent keys, how a queued mutation shows in the rows before the server
 * answers (overlay), and what happens to queued mutations when the server has answered an earlier one of the
 * same record (rebase). The engine (engine.ts), the stores and the outbox only ever read this registry:
 * adding a synced entity is one more DeviceEntity, never an edit of the engine or of a store.
 */

/** What an overlay or a rule may read on the device: rows as pulled (no overlay), meta values, files. */
export interface DeviceReader {
  rows(table: string, filter?: RowFilter): Promise<SyncRow[]>;
  row(table: string, id: string): Promise<SyncRow | undefined>;
  meta<T>(key: string): Promise<T | undefined>;
  files(): Promise<LocalFile[]>;
}

export interface OverlayInput {
  table: string;
  /** The reader's filter: `rows` match it; rows the overlay adds are filtered by the engine afterwards. */
  filter: RowFilter | undefined;
  /** The rows as pulled. */
  rows: SyncRow[];
  /** Pending outbox entries of the entity's mutation types, in the order they were made. */
  pending: OutboxEntry[];
  /** Rows of this table the device made, acknowledged by the server, that no pull has brought back yet. */
  acknowledged: SyncRow[];
  read: DeviceReader;
}

/** How pending mutations show in a table's rows (`pending: true`) until the server's rows replace them. */
export type Overlay = (input: OverlayInput) => Promise<SyncRow[]> | SyncRow[];

export interface MutationRule {
  /** Checked by `enqueue` before the mutation is queued (a programming error throws). */
  payload?: z.ZodType;
  /**
   * The id of the record the mutation is about. Entries about one record are pushed in the order they were
   * made, one per batch, and wait while an earlier one of the same record waits for its files.
   */
  subject(payload: unknown): string | undefined;
  /** The payload as pushed once its files are uploaded (`uploadIds` in the order of the entry's files). */
  withUploads?(payload: unknown, uploadIds: string[]): unknown;
  /**
   * A row kept on screen once the server acknowledged the mutation, until the next pull brings the server's
   * own (undefined: nothing to keep, e.g. a record the server never sends to devices).
   */
  keepUntilPulled?(
    entry: OutboxEntry,
    result: MutationResult,
    read: DeviceReader,
  ): Promise<SyncRow | undefined> | SyncRow | undefined;
  /**
   * The rebase rule: a pending mutation of the same record, queued after `applied`, once the server answered
   * `applied` with `result`; returns the mutation to send instead, or undefined to leave it as it is. Pulled
   * rows never rewrite a pending entry: overlays are recomputed on every read, so a pull that replaces a row
   * keeps the local change on top, and a stale `baseVersion` is the server's conflict to report.
   */
  rebase?(next: Mutation, applied: Mutation, result: MutationResult): Mutation | undefined;
}

export interface DeviceEntity {
  /** Used in errors and documentation, e.g. 'complaint'. */
  name: string;
  /** The entity's table as the pull names it. Rows are keyed by `id` (the protocol's rule for every table). */
  table: string;
  /** Tables of rows that belong to one record and leave the device with it (a case's timeline). */
  children?: readonly ChildLink[];
  /** The mutation types the entity queues. */
  mutations?: Readonly<Record<string, MutationRule>>;
  /** Overlays per table (the entity's own and its children's). */
  overlays?: Readonly<Record<string, Overlay>>;
}

export interface EntityRegistry {
  readonly entities: readonly DeviceEntity[];
  readonly schema: DeviceSchema;
  /** The rule of a mutation type; undefined for a type no entity queues. */
  mutation(type: string): MutationRule | undefined;
  /** The table of the entity that queues a mutation type. */
  tableOf(type: string): string | undefined;
  /** The mutation types whose pending entries a table's overlay sees (those of the table's entity). */
  typesOf(table: string): ReadonlySet<string>;
  overlay(table: string): Overlay | undefined;
  /** The record an outbox entry is about (see MutationRule.subject). */
  subject(entry: OutboxEntry): string | undefined;
}

/** The platform's own synced tables (reference lists, places): pulled and read, never changed on a device. */
export const PLATFORM_DEVICE_ENTITIES: readonly DeviceEntity[] = [
  { name: 'reference_item', table: 'reference_items' },
  { name: 'geo_unit', table: 'geo_units' },
];

/**
 * The registry of the platform's entities and `entities`. Throws on a table or mutation type registered
 * twice, and on a child table that is also an entity's table.
 */
export function createEntityRegistry(entities: readonly DeviceEntity[]): EntityRegistry {
  const all = [...PLATFORM_DEVICE_ENTITIES, ...entities.filter((e) => !PLATFORM_DEVICE_ENTITIES.includes(e))];
  const tables: Record<string, string[]> = {};
  const children: Record<string, ChildLink[]> = {};
  const rules = new Map<string, MutationRule>();
  const owners = new Map<string, string>();
  const types = new Map<string, Set<string>>();
  const overlays = new Map<string, Overlay>();
  const claim = (table: string, by: string) => {
    if (table in tables) throw new Error(`sync table ${table} registered twice (${by})`);
    tables[table] = [];
  };
  for (const entity of all) {
    claim(entity.table, entity.name);
    const own = new Set(Object.keys(entity.mutations ?? {}));
    types.set(entity.table, own);
    for (const child of entity.children ?? []) {
      claim(child.table, entity.name);
      tables[child.table]!.push(child.parentKey);
      types.set(child.table, own);
    }
    if (entity.children?.length) children[entity.table] = [...entity.children];
    for (const [type, rule] of Object.entries(entity.mutations ?? {})) {
      if (rules.has(type)) throw new Error(`mutation type ${type} registered twice (${entity.name})`);
      rules.set(type, rule);
      owners.set(type, entity.table);
    }
    for (const [table, overlay] of Object.entries(entity.overlays ?? {})) overlays.set(table, overlay);
  }
  const none: ReadonlySet<string> = new Set();
  return {
    entities: all,
    schema: { tables, children },
    mutation: (type) => rules.get(type),
    tableOf: (type) => owners.get(type),
    typesOf: (table) => types.get(table) ?? none,
    overlay: (table) => overlays.get(table),
    subject: (entry) => rules.get(entry.mutation.type)?.subject(entry.mutation.payload),
  };
}

/** The schema a device store needs for these entities (the platform's included). */
export function deviceSchema(entities: readonly DeviceEntity[]): DeviceSchema {
  return createEntityRegistry(entities).schema;
}
