import path from 'node:path';
import type { Permission, VisibilityDefinition } from '@coso/domain';
import type { Config } from '../config.js';
import type { Db } from '../db/driver.js';
import type { Api } from '../http/types.js';
import { type Clock, systemClock } from '../lib/clock.js';
import { type FileStore, localFileStore } from '../lib/file-store.js';
import { createVault, type Vault } from '../vault/vault.js';
import { createAuthService } from './auth/service.js';
import type { ExportKind } from './exports/kinds.js';
import { createVillageGroupService } from './geo/groups-service.js';
import { createGeoService } from './geo/service.js';
import type { JobDefinition } from './jobs/registry.js';
import type { NotificationTopic, SubjectKind } from './notifications/topics.js';
import type { ReferenceListDef } from './reference/lists.js';
import { createReferenceService } from './reference/service.js';
import type { ReportKind } from './reports/kinds.js';
import type { SyncContribution } from './sync/registry.js';
import { createUploadService, type UploadService, uploadsDir } from './sync/uploads.js';
import { createUserService } from './users/service.js';

/**
 * What every service is built from: the database (the root one, or a transaction seen as a Db), the
 * configuration, the time, the identity vault, the attachment store and the resumable uploads.
 * docs/decisions/0018-modules-and-registries.md.
 */
export interface PlatformDeps {
  db: Db;
  config: Config;
  clock: Clock;
  vault: Vault;
  files: FileStore;
  uploads: UploadService;
}

/** The platform's own services a module may use (reference lists, places, people, sign-in). */
export function createPlatformServices({ db, config }: PlatformDeps) {
  return {
    reference: createReferenceService({ db }),
    geo: createGeoService({ db }),
    groups: createVillageGroupService({ db }),
    users: createUserService({ db }),
    auth: createAuthService({ db, config }),
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;

/** What a module's `services` and `routes` get: the deps and the platform's services built over them. */
export interface PlatformContext extends PlatformDeps {
  platform: PlatformServices;
}

/**
 * The services every module exposes, by name, flat: each module adds its own by augmenting this interface
 * from its index.ts (`declare module '../../platform/module.js' { interface ModuleServices extends … {} }`),
 * so that the platform can type what it hands to a module's code (a sync mutation's services) without
 * importing any module. Names must be unique across modules (the composition root checks it).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's declaration merging
export interface ModuleServices {}

/**
 * One module (grievances, DCC, MIS): ONE object, listed once in modules/index.ts. The composition root
 * (app.ts) builds every module's services once, registers its routes, and hands its registrations (jobs,
 * synced tables and mutation types, notification topics, export and report kinds, reference lists) to the
 * platform's registries. A module may import the platform and the infrastructure, never another module.
 */
export interface ModuleDefinition<S extends object = object> {
  /** Short and stable: 'grm', 'dcc', 'mis' (prefixes its jobs' keys and its kinds). */
  name: string;
  /**
   * Builds the module's services. Cheap (closures only): it runs once at start over the root Db, and again
   * over each sync mutation's transaction (platform/sync/push-tx.ts), so it must not start anything.
   */
  services(ctx: PlatformContext): S;
  /** Registers the module's HTTP routes, with the services built once by the composition root. */
  routes(app: Api, ctx: PlatformContext, services: S): void;
  /** The permissions the module's routes and mutations check (each claimed by one module, or the platform). */
  permissions?: readonly Permission[];
  /** Background jobs, keys `<module>.<name>` (platform/jobs/registry.ts). */
  jobs?: readonly JobDefinition[];
  /** Synced tables and the mutation types devices push (platform/sync/registry.ts). */
  sync?: SyncContribution;
  /** Kinds of message the module sends (platform/notifications/topics.ts). */
  notificationTopics?: readonly NotificationTopic[];
  /** Entity types that are subjects of messages: contact and reference (platform/notifications/topics.ts). */
  subjectKinds?: readonly SubjectKind[];
  /** Periodic reports the platform runs on schedule (platform/reports/kinds.ts). */
  reportKinds?: readonly ReportKind[];
  /** What the module exports, streamed or in the background (platform/exports/kinds.ts). */
  exportKinds?: readonly ExportKind[];
  /** The configurable code lists of its forms (platform/reference/lists.ts). */
  referenceLists?: readonly ReferenceListDef[];
  /** Who sees the rows of its entities, per audience (platform/visibility/registry.ts, decision 0019). */
  visibility?: readonly VisibilityDefinition[];
}

/** Keeps a module object's own services type (ModuleDefinition's default erases it). */
export function defineModule<S extends object>(module: ModuleDefinition<S>): ModuleDefinition<S> {
  return module;
}

/** Builds the deps from the configuration (needs `config.masterKey`: main.ts resolves it, tests pass one). */
export function platformDeps(db: Db, config: Config, clock: Clock = systemClock): PlatformDeps {
  if (!config.masterKey) throw new Error('no master key: resolve it (vault/master-key.ts) first');
  return {
    db,
    config,
    clock,
    vault: createVault(config.masterKey),
    files: localFileStore(path.join(config.dataDir, 'files')),
    uploads: createUploadService({ db, dir: uploadsDir(config.dataDir) }),
  };
}

/** The platform context over `deps` (its db may be a transaction: see platform/sync/push-tx.ts). */
export function platformContext(deps: PlatformDeps): PlatformContext {
  return { ...deps, platform: createPlatformServices(deps) };
}

/**
 * The one factory of module services: every module's services over `ctx`, merged by name. Used by the
 * composition root (app.ts) over the root Db and by the sync push over each mutation's transaction.
 */
export function buildModuleServices(
  ctx: PlatformContext,
  modules: readonly ModuleDefinition[],
): ModuleServices {
  const merged: Record<string, unknown> = {};
  const taken = new Set<string>(Object.keys(ctx.platform));
  for (const module of modules) {
    for (const [name, service] of Object.entries(module.services(ctx))) {
      if (taken.has(name)) throw new Error(`module ${module.name}: service name taken: ${name}`);
      taken.add(name);
      merged[name] = service;
    }
  }
  // Built by name at run time; each module's declaration merging types the result (see ModuleServices).
  return merged as unknown as ModuleServices;
}

/** Start-time checks of the module list: unique names, each permission claimed once. */
export function checkModules(modules: readonly ModuleDefinition[]) {
  const names = new Set<string>();
  const permissions = new Map<Permission, string>();
  for (const m of modules) {
    if (!/^[a-z][a-z0-9]{1,15}$/.test(m.name)) throw new Error(`bad module name: ${JSON.stringify(m.name)}`);
    if (names.has(m.name)) throw new Error(`module listed twice: ${m.name}`);
    names.add(m.name);
    for (const p of m.permissions ?? []) {
      const owner = permissions.get(p);
      if (owner) throw new Error(`permission ${p} claimed by ${owner} and ${m.name}`);
      permissions.set(p, m.name);
    }
  }
}
