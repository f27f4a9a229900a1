import { SYSTEM_CONTEXT } from '../context.js';
import type { Db } from '../db/driver.js';
import { seedDemoDcc } from '../modules/dcc/demo.js';
import type { DccServices } from '../modules/dcc/index.js';
import type { ComplaintService } from '../modules/grm/complaints/service.js';
import { seedDemoMis } from '../modules/mis/demo.js';
import { seedDemoMisFinance } from '../modules/mis/finance/demo.js';
import { appendAudit } from '../platform/audit/repo.js';
import { seedDemoForm } from '../platform/forms/demo-form.js';
import type { FormService } from '../platform/forms/service.js';
import type { PlatformContext } from '../platform/module.js';
import type { UploadService } from '../platform/sync/uploads.js';
import type { UserService } from '../platform/users/service.js';
import { seedDemoComplaints } from './demo-complaints.js';
import { seedDemoGeography } from './demo-geo.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

export const DEMO_MARKER = 'demo_seeded';

/**
 * Fills the database with the demo geography (when it has no places yet) and one account per role (those
 * missing), so that a restart, even after an interrupted first start, never duplicates or overwrites anything.
 */
export async function seedDemo(
  db: Db,
  services: {
    users: UserService;
    complaints: ComplaintService;
    forms: FormService;
    uploads: UploadService;
    context: PlatformContext;
  } & Pick<DccServices, 'dccCycles' | 'dccAssignments' | 'dccTasks'>,
): Promise<boolean> {
  const { users } = services;
  const [state] = await db.query<{ units: number }>('select count(*)::int as units from geo_units');
  let seeded = false;
  if (state?.units === 0) {
    await db.transaction(async (tx) => {
      await seedDemoGeography(tx);
      await tx.query(
        `insert into app_meta (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value`,
        [DEMO_MARKER, JSON.stringify({ at: new Date().toISOString() })],
      );
      await appendAudit(tx, {
        actorId: null,
        entity: 'geo_unit',
        entityId: null,
        action: 'seed_demo',
        ip: null,
      });
    });
    seeded = true;
  }
  const existing = new Set(
    (await db.query<{ username: string }>('select username from users')).map((r) => r.username),
  );
  const codes = DEMO_USERS.flatMap((u) => u.jurisdictions);
  const units = await db.query<{ id: string; code: string }>(
    'select id, code from geo_units where code = any($1)',
    [codes],
  );
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  for (const u of DEMO_USERS.filter((d) => !existing.has(d.username))) {
    const jurisdictionIds = u.jurisdictions.flatMap((code) => idOf.get(code) ?? []);
    if (jurisdictionIds.length === 0) continue; // The demo places were replaced: leave this account out.
    await users.create(SYSTEM_CONTEXT, {
      username: u.username,
      displayName: u.displayName,
      email: `${u.username}@coso.example.org`,
      locale: 'fr',
      roles: u.roles,
      jurisdictionIds,
      password: DEMO_PASSWORD,
    });
    seeded = true;
  }
  const [cases] = await db.query<{ n: number }>('select count(*)::int as n from complaints');
  if (cases?.n === 0 && (await seedDemoComplaints(db, services.complaints)) > 0) seeded = true;
  // The meeting attendance form, so that the forms pages and the field app have one to show (issue #14).
  if (await seedDemoForm(db, services.forms)) seeded = true;
  // A living DCC cycle: facilitators assigned, tasks validated, submitted, returned, drafted (issue #15).
  if (await seedDemoDcc(db, services, services.uploads)) seeded = true;
  // Sub-projects at every step, with their events, contracts and site photos (issue #16).
  if (await seedDemoMis(db, services.context)) seeded = true;
  // Finance lines on their cantons: allocations, transfers, disbursements, payments (issue #16).
  if (await seedDemoMisFinance(db, services.context)) seeded = true;
  return seeded;
}

/** A database that ever held demo data must never serve as production: its accounts are public. */
export async function holdsDemoData(db: Db): Promise<boolean> {
  const rows = await db.query('select 1 from app_meta where key = $1', [DEMO_MARKER]);
  return rows.length > 0;
}
