import type { Actor, Permission } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import { validationError } from '../../http/app-error.js';

/** What one run of a report is for: a period, a version, a format, and optionally one area. */
export interface ReportParams {
  period: string;
  version: 'internal' | 'public';
  format: string;
  /** An area of the runner's scope; absent for all of it. */
  area?: string | undefined;
}

/**
 * A kind of periodic report, registered by its module (modules/grm/reports/runs.ts). The platform runs it on
 * schedule (platform/reports/runs.ts), stores its file and lists its runs; the module writes its content.
 */
export interface ReportKind {
  /** `<module>.<name>`, stored in report_runs.kind and report_schedules.kind. */
  name: string;
  /** What a person needs for their schedule to run (checked at each run). */
  permission?: Permission;
  /** Its formats and their content types. */
  formats: Readonly<Record<string, { contentType: string }>>;
  /** The periods due on `today` (YYYY-MM-DD): the last complete ones a run is missing for. */
  duePeriods(today: string): string[];
  /** The file of one run, with the rights (scope) of `actor`. */
  render(
    q: Queryable,
    actor: Actor,
    params: ReportParams,
    today: string,
  ): Promise<{ bytes: Buffer; filename: string }>;
  /**
   * The module's built-in schedule (no person scheduled it), if any: the versions and formats it produces for
   * the whole country and the scope it runs with, which the module declares here explicitly.
   */
  builtIn?: {
    versions: readonly ReportParams['version'][];
    formats: readonly string[];
    actor(q: Queryable): Promise<Actor | undefined>;
  };
}

const kinds = new Map<string, ReportKind>();

/** Called by the composition root with each module's report kinds; the same definition twice is a no-op. */
export function registerReportKinds(list: readonly ReportKind[]) {
  for (const k of list) {
    const existing = kinds.get(k.name);
    if (existing && existing !== k) throw new Error(`report kind ${k.name} is registered twice`);
    kinds.set(k.name, k);
  }
}

export const findReportKind = (name: string) => kinds.get(name);
export const allReportKinds = () => [...kinds.values()];

/** The registered kind; a name no module registered is refused (400 validation_error, path `kind`). */
export function requireReportKind(name: string): ReportKind {
  const kind = kinds.get(name);
  if (!kind) throw validationError([{ path: 'kind', message: 'unknown_report_kind' }]);
  return kind;
}
