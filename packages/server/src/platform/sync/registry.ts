import { type Actor, SYNC_TABLE_NAME, type SyncRow, type SyncTable } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import type { FileStore } from '../../lib/file-store.js';
import { createMutationRegistry, type MutationDefinition, type MutationRegistry } from './mutations.js';
import { syncScope } from './scope.js';
import { bindNamed, type SyncSource } from './tables.js';
import type { UploadService } from './uploads.js';

/** What a module's mutation handlers may be built with: the platform's upload service and file store. */
export interface MutationDeps {
  uploads: UploadService;
  files: FileStore;
}

/** Mutation types by name (`complaint.create`, `task.saveDraft`…). */
// biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own payload type behind the map
export type MutationTypes = Readonly<Record<string, MutationDefinition<any>>>;

/**
 * What one module (or the platform) adds to the field sync: the tables its devices hold, as the pull feed reads
 * them, and the mutation types a device may push (their handlers, built with the platform's deps when they need
 * them). Collected once at start by createSyncRegistry; docs/sync.md, "Adding a synced entity".
 */
export interface SyncContribution {
  sources?: readonly SyncSource[];
  mutations?: MutationTypes | ((deps: MutationDeps) => MutationTypes);
}

export interface SyncRegistry {
  /** Every synced table, in registration order: the feed merges them by change_seq. */
  readonly sources: readonly SyncSource[];
  /** The names of the tables a device may hold (what a pull's `changes` and `removed` are keyed by). */
  readonly tables: readonly SyncTable[];
  source(name: SyncTable): SyncSource | undefined;
  readonly mutations: MutationRegistry;
  /**
   * A conflict's `current`: the row exactly as a pull would send it to this user (same columns, presenter and
   * visibility rules as the feed), or undefined when the table is unknown or the user's device may not hold
   * the row (a sensitive case, a case out of scope), in which case the pull removes it from the device anyway.
   */
  current(q: Queryable, actor: Actor, table: SyncTable, id: string): Promise<SyncRow | undefined>;
}

const SQL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function check(sources: readonly SyncSource[]) {
  const names = new Set<string>();
  const tables = new Set<string>();
  for (const s of sources) {
    if (!SYNC_TABLE_NAME.test(s.name))
      throw new Error(`sync registry: bad table name ${JSON.stringify(s.name)}`);
    if (!SQL_NAME.test(s.table) || !SQL_NAME.test(s.alias)) {
      throw new Error(`sync registry: bad SQL table or alias for ${s.name}`);
    }
    // `r` is the feed's alias for a sync_removals row (visibleBefore).
    if (s.alias === 'r') throw new Error(`sync registry: alias r is reserved (${s.name})`);
    if (names.has(s.name)) throw new Error(`sync registry: table registered twice: ${s.name}`);
    // Removals name the SQL table: two sources over one table would each tell the other's removals.
    if (tables.has(s.table)) throw new Error(`sync registry: SQL table synced twice: ${s.table}`);
    names.add(s.name);
    tables.add(s.table);
  }
  for (const s of sources) {
    for (const d of s.dependents ?? []) {
      if (!names.has(d.name))
        throw new Error(`sync registry: ${s.name} names an unknown dependent ${d.name}`);
    }
  }
}

/** The field sync's registry, built once at start from the platform's and every module's contribution. */
export function createSyncRegistry(parts: readonly SyncContribution[], deps: MutationDeps): SyncRegistry {
  const sources = parts.flatMap((p) => p.sources ?? []);
  check(sources);
  const byName = new Map(sources.map((s) => [s.name, s]));
  const mutations = createMutationRegistry();
  for (const part of parts) {
    const types = typeof part.mutations === 'function' ? part.mutations(deps) : (part.mutations ?? {});
    for (const [type, definition] of Object.entries(types)) mutations.register(type, definition);
  }
  return {
    sources,
    tables: sources.map((s) => s.name),
    source: (name) => byName.get(name),
    mutations,
    async current(q, actor, table, id) {
      const source = byName.get(table);
      if (!source) return undefined;
      const scope = syncScope(actor);
      const { text, params } = bindNamed(
        `select ${source.columns}, ${source.alias}.change_seq as "changeSeq" from ${source.from} ${source.joins ?? ''}
          where ${source.id.sql} = :id::${source.id.type} and ${source.visible}`,
        { id, me: scope.me, handler: scope.handler, prefixes: scope.prefixes, ancestors: scope.ancestors },
      );
      const [row] = await q.query<Record<string, unknown>>(text, params);
      return row ? source.present(row) : undefined;
    },
  };
}
