import { type Actor, hasPermission, type Permission, togoDate } from '@coso/domain';
import type { z } from 'zod';
import type { AuthUser } from '../../context.js';
import type { Queryable } from '../../db/driver.js';
import { AppError, validationError } from '../../http/app-error.js';
import type { Pages, TableSpec } from './table-stream.js';

/** The rows of one export: the table's columns and its pages. */
export interface ExportSource {
  table: TableSpec<never>;
  pages: Pages<never>;
}

/**
 * A kind of export, registered by its module (modules/grm/exports/sources.ts): who may have it, its filters
 * (as a query string gives them), its audit entity and file name, and how to open its rows for a person. The
 * same definition serves streamed downloads (download.ts) and background jobs (jobs.ts).
 */
export interface ExportKind<F = unknown> {
  /** Stored in export_jobs.kind. */
  name: string;
  permission: Permission;
  filters: z.ZodType<F, unknown>;
  /** Audit log entity of the export. */
  entity: string;
  /** File name before the date and the extension. */
  file: string;
  open(db: Queryable, actor: AuthUser, filters: F, today: string): Promise<ExportSource>;
}

const kinds = new Map<string, ExportKind>();

/** Called by the composition root with each module's export kinds; the same definition twice is a no-op. */
export function registerExportKinds(list: readonly ExportKind[]) {
  for (const k of list) {
    const existing = kinds.get(k.name);
    if (existing && existing !== k) throw new Error(`export kind ${k.name} is registered twice`);
    kinds.set(k.name, k);
  }
}

export const isExportKind = (name: string) => kinds.has(name);

/** The registered kind; a name no module registered is refused (400 validation_error, path `kind`). */
export function requireExportKind(name: string): ExportKind {
  const kind = kinds.get(name);
  if (!kind) throw validationError([{ path: 'kind', message: 'unknown_export_kind' }]);
  return kind;
}

export function checkExportPermission(actor: Actor, kind: string) {
  if (!hasPermission(actor, requireExportKind(kind).permission)) throw new AppError('forbidden');
}

/** Opens an export whose filters were already validated (the routes' query schemas, parseExportFilters). */
export function openExport(
  db: Queryable,
  actor: AuthUser,
  kind: string,
  filters: unknown,
  today = togoDate(),
): Promise<ExportSource> {
  checkExportPermission(actor, kind);
  return requireExportKind(kind).open(db, actor, filters, today);
}

/** Validates filters given as a query string would give them (background jobs store them so). */
export function parseExportFilters(kind: string, raw: Record<string, string>): unknown {
  return requireExportKind(kind).filters.parse(raw);
}

export const exportFileName = (kind: string, format: string, today: string) =>
  `${requireExportKind(kind).file}-${today}.${format}`;

export const exportEntity = (kind: string) => requireExportKind(kind).entity;
