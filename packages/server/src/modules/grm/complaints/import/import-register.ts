import { type CreateComplaintInput, type Locale, togoDate } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../../context.js';
import type { Db, Queryable } from '../../../../db/driver.js';
import { AppError } from '../../../../http/app-error.js';
import type { Sheet } from '../../../../lib/tabular.js';
import { appendAudit } from '../../../../platform/audit/repo.js';
import { listReference } from '../../../../platform/reference/repo.js';
import type { ReferenceService } from '../../../../platform/reference/service.js';
import type { Vault } from '../../../../vault/vault.js';
import { recordComplaint } from '../intake.js';
import { findIdentity } from '../repo.js';
import { mapRegisterColumns, REGISTER_COLUMNS, type RegisterColumn } from './columns.js';
import { referenceMatcher, villageFinder } from './lookups.js';
import { LIST_NAMES, type RegisterReason, registerReasonText, STATUS_NOTE } from './messages.js';
import { savepointDb } from './savepoint-db.js';
import { type RowChecks, validateRegisterRow } from './validate-row.js';

/**
 * Bounds one request: every row is routed and written in one transaction, about 8 ms a row (measured on
 * PGlite and PostgreSQL), so 2,000 rows stay well under a reverse proxy's 60 s timeout. Bigger registers
 * are split.
 */
export const MAX_REGISTER_ROWS = 2000;

export interface RegisterRejection {
  line: number;
  column: string | null;
  code: RegisterReason;
  reason: string;
}

export interface RegisterImportReport {
  dryRun: boolean;
  applied: boolean;
  /** Cases created; in a dry run, the rows that would be. */
  created: number;
  rejected: RegisterRejection[];
  /** Headers of the file that the import does not read (e.g. "Statut"). */
  ignoredColumns: string[];
  notes: string[];
}

export interface RegisterImportOptions {
  dryRun: boolean;
  onError: 'stop' | 'skip';
  locale: Locale;
  filename: string;
  /** PROJECT_START_DATE: no register date may be earlier. */
  projectStart: string;
  /** The reference service over another Db (the import's transaction): the platform's one factory. */
  referenceOver(db: Db): ReferenceService;
}

type Ctx = RequestContext & { actor: AuthUser };

class Rollback extends Error {}

/**
 * A re-sent register: same day, village, description and name as a case an earlier import created. Names
 * are sealed, so the few cases matching on the rest are opened and their names compared here.
 */
async function alreadyImported(db: Queryable, vault: Vault, input: CreateComplaintInput): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `select c.id from complaints c
       join complaint_events e on e.complaint_id = c.id and e.kind = 'created' and e.payload->>'source' = 'import'
      where c.village_id = $1 and c.received_at = $2::timestamptz and c.description = $3`,
    [input.villageId, input.receivedAt, input.description],
  );
  const name = input.complainant.name ?? null;
  for (const { id } of rows) {
    if (((await findIdentity(db, vault, id))?.name ?? null) === name) return true;
  }
  return false;
}

/**
 * Imports a historic paper register. Every row is validated first, without writing (so a dry run consumes
 * no case reference numbers); then the valid rows go through staff intake (`recordComplaint`: routing,
 * tracking code, event, audit) inside one transaction, each row in its own savepoint. With onError=stop,
 * any bad row means nothing is written (422 import_rejected carrying the report).
 */
export async function importRegister(
  db: Db,
  vault: Vault,
  ctx: Ctx,
  sheet: Sheet,
  opts: RegisterImportOptions,
) {
  const map = mapRegisterColumns(sheet.headers);
  const report: RegisterImportReport = {
    dryRun: opts.dryRun,
    applied: false,
    created: 0,
    rejected: [],
    ignoredColumns: map.ignored,
    notes: [STATUS_NOTE[opts.locale]],
  };
  const headerOf = (column: RegisterColumn | null) => {
    if (column === null) return null;
    const i = map.index[column];
    return i === undefined ? REGISTER_COLUMNS[column].fr : (sheet.headers[i] ?? null);
  };
  const reject = (line: number, column: string | null, code: RegisterReason, params = {}) =>
    report.rejected.push({ line, column, code, reason: registerReasonText(code, opts.locale, params) });

  for (const column of map.missing) reject(1, column, 'missing_column', { column });
  if (sheet.rows.length > MAX_REGISTER_ROWS) {
    reject(1, null, 'too_many_rows', { count: sheet.rows.length, max: MAX_REGISTER_ROWS });
  }
  if (report.rejected.length) return finish(report);

  const codeOf = referenceMatcher(await listReference(db, false));
  const checks: RowChecks = {
    map,
    actor: ctx.actor,
    today: togoDate(),
    projectStart: opts.projectStart,
    codeOf,
    villagesNamed: villageFinder(db),
    alreadyImported: (input) => alreadyImported(db, vault, input),
  };
  const valid: Array<{ line: number; input: CreateComplaintInput }> = [];
  for (const row of sheet.rows) {
    const result = await validateRegisterRow(row, checks);
    if ('input' in result) valid.push({ line: row.line, input: result.input });
    for (const issue of 'issues' in result ? result.issues : []) {
      const list = issue.params.list;
      const params = list ? { ...issue.params, list: LIST_NAMES[list]?.[opts.locale] ?? list } : issue.params;
      reject(row.line, headerOf(issue.column), issue.reason, params);
    }
  }
  if (opts.dryRun) {
    report.created = valid.length;
    return report;
  }
  if (opts.onError === 'stop' && report.rejected.length) return finish(report);

  try {
    await db.transaction(async (tx) => {
      const nested = savepointDb(tx, db.kind);
      const reference = opts.referenceOver(nested);
      for (const row of valid) {
        try {
          await recordComplaint(nested, reference, vault, ctx, row.input, {
            source: 'import',
            projectStart: opts.projectStart,
          });
          report.created += 1;
        } catch (err) {
          // Validation ran just before; only a concurrent change (a village or code removed) lands here.
          if (!(err instanceof AppError)) throw err;
          reject(row.line, null, 'invalid', { detail: err.code });
          if (opts.onError === 'stop') throw new Rollback();
        }
      }
      report.applied = true;
      // Counts only: the rows' contents are in each case's own audit entry, identities nowhere.
      await appendAudit(tx, {
        actorId: ctx.actor.id,
        entity: 'complaint_import',
        entityId: null,
        action: 'import',
        changes: {
          filename: opts.filename,
          created: report.created,
          rejectedRows: new Set(report.rejected.map((r) => r.line)).size,
        },
        ip: ctx.ip,
      });
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    report.created = 0;
    report.applied = false;
  }
  return finish(report);
}

function finish(report: RegisterImportReport): RegisterImportReport {
  if (!report.applied && !report.dryRun) throw new AppError('import_rejected', report);
  return report;
}
