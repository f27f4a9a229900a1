import { Readable } from 'node:stream';
import { type FormAnswers, SEED_FORM_EXAMPLES } from '@coso/domain';
import sharp from 'sharp';
import type { AuthUser } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { withFileHooks } from '../../lib/file-hooks.js';
import { toAuthUser } from '../../platform/auth/service.js';
import type { UploadService } from '../../platform/sync/uploads.js';
import { findUserById } from '../../platform/users/repo.js';
import type { DccServices } from './index.js';

export const DEMO_CYCLE = 'COSO 2026-2027';

/** What each demo facilitator's first instances become, in template order (the rest stay to do). */
const PLAN = [
  ...Array.from({ length: 14 }, () => 'validated'),
  ...['submitted', 'submitted', 'returned', 'submitted', 'draft'],
];

async function actor(db: Db, username: string): Promise<AuthUser | undefined> {
  const [row] = await db.query<{ id: string }>('select id from users where username = $1 and active', [
    username,
  ]);
  const user = row && (await findUserById(db, row.id));
  return user && toAuthUser(user);
}

/**
 * A living cycle for `npm start` (issue #15): "COSO 2026-2027" from the COSO seed over the demo facilitators'
 * cantons, active, each facilitator assigned to the villages of their cantons, and the first tasks of each in
 * every state — validated, submitted, returned with a comment, draft — made through the services as people
 * would (answers from the seed forms' examples, the minutes and the attendance photo as real uploads).
 * Does nothing when the cycle exists or the demo accounts are missing.
 */
export async function seedDemoDcc(
  db: Db,
  services: Pick<DccServices, 'dccCycles' | 'dccAssignments' | 'dccTasks'>,
  uploads: UploadService,
): Promise<boolean> {
  if ((await db.query('select 1 from dcc_cycles where name = $1', [DEMO_CYCLE])).length > 0) return false;
  const specialist = await actor(db, 'specialiste.dcc');
  const facilitators = (
    await Promise.all(['facilitateur.kara', 'facilitateur.savanes'].map((u) => actor(db, u)))
  ).filter((f): f is AuthUser => f !== undefined);
  if (!specialist || facilitators.length === 0) return false;
  const as = (user: AuthUser) => ({ actor: user, ip: null });

  const areaIds = [...new Set(facilitators.flatMap((f) => f.jurisdictions.map((j) => j.unitId)))];
  const cycle = await services.dccCycles.create(as(specialist), {
    name: DEMO_CYCLE,
    year: 2026,
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    areaIds,
    template: 'coso',
  });
  await services.dccCycles.update(as(specialist), cycle.id, { status: 'active' });
  const photo = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 90 } },
  })
    .jpeg()
    .toBuffer();
  for (const facilitator of facilitators) {
    const villages = await db.query<{ id: string }>(
      `select v.id from geo_units v
        where v.level = 'village' and exists (select 1 from unnest($1::text[]) p where v.path like p || '%')
        order by v.name, v.id`,
      [facilitator.jurisdictions.map((j) => j.path)],
    );
    if (villages.length === 0) continue;
    await services.dccAssignments.assign(as(specialist), cycle.id, {
      facilitatorId: facilitator.id,
      unitIds: villages.map((v) => v.id),
    });
    await advance(db, services, uploads, cycle.id, facilitator, specialist, photo);
  }
  return true;
}

/** Takes the facilitator's first instances (template order, first village first) through PLAN. */
async function advance(
  db: Db,
  services: Pick<DccServices, 'dccTasks'>,
  uploads: UploadService,
  cycleId: string,
  facilitator: AuthUser,
  specialist: AuthUser,
  photo: Buffer,
) {
  const { dccTasks } = services;
  const instances = await db.query<{
    id: string;
    formId: string | null;
    slots: { key: string; required: boolean }[];
  }>(
    `select ti.id, t.form_id as "formId", t.attachment_slots as slots
       from dcc_task_instances ti
       join dcc_tasks t on t.id = ti.task_id
       join dcc_activities a on a.id = t.activity_id
       join dcc_phases p on p.id = a.phase_id
      where ti.cycle_id = $1
        and exists (select 1 from dcc_assignments s join geo_units v on v.id = s.village_id
                     where s.cycle_id = ti.cycle_id and s.facilitator_id = $2 and s.active
                       and (ti.unit_id = s.village_id or v.path like ti.scope_path || '%'))
      order by p.position, a.position, t.position, ti.scope_path, ti.id`,
    [cycleId, facilitator.id],
  );
  const by = { actor: facilitator, ip: null };
  let step = 0;
  for (const instance of instances) {
    const target = PLAN[step];
    if (!target) return;
    try {
      const answers: FormAnswers = (instance.formId && SEED_FORM_EXAMPLES[instance.formId]) || {};
      let version = (await dccTasks.saveDraft(by, instance.id, { answers, baseVersion: 1 })).version;
      if (target !== 'draft') {
        for (const slot of instance.slots.filter((s) => s.required)) {
          const uploadId = await uploads.create(facilitator, {
            length: photo.length,
            filename: `${slot.key}.jpg`,
            declaredType: 'image/jpeg',
          });
          await uploads.append(facilitator, uploadId, 0, Readable.from(photo), photo.length);
          await withFileHooks(
            (hooks) => dccTasks.attachFile(by, instance.id, { slot: slot.key, uploadId }, hooks),
            () => {},
          );
        }
        version = (await dccTasks.submit(by, instance.id, { baseVersion: version })).version;
        if (target === 'validated' || target === 'returned') {
          await dccTasks.review({ actor: specialist, ip: null }, instance.id, {
            decision: target === 'validated' ? 'validate' : 'return',
            comment:
              target === 'returned'
                ? 'Merci de joindre une photo plus lisible de la liste de présence.'
                : undefined,
            baseVersion: version,
          });
        }
      }
      step += 1;
    } catch (err) {
      // A task whose prerequisites another facilitator holds, or a slot that takes no photo: the next one.
      if (!(err instanceof AppError)) throw err;
    }
  }
}
