import { COSO_SEED_FORMS, COSO_SEED_TEMPLATE } from '@coso/domain';
import { defineModule, type PlatformContext } from '../../platform/module.js';
import { assignmentRoutes } from './assignments/routes.js';
import { createDccAssignmentService } from './assignments/service.js';
import { cycleRoutes } from './cycles/routes.js';
import { createDccCycleService, type DccSeed } from './cycles/service.js';
import { dccNotificationTopics, dccSubjectKinds } from './notifications.js';
import { placeRoutes } from './places/routes.js';
import { createPlaceService } from './places/service.js';
import { planRoutes } from './plans/routes.js';
import { createPlanService } from './plans/service.js';
import { progressRoutes } from './progress/routes.js';
import { createProgressService } from './progress/service.js';
import { dccSync } from './sync/index.js';
import { taskInstanceRoutes } from './tasks/routes.js';
import { createDccTaskService } from './tasks/service.js';
import { templateRoutes } from './template/routes.js';
import { createDccTemplateService } from './template/service.js';
import { villageRoutes } from './villages/routes.js';

/** The COSO seed a cycle may start from (domain data): its template and the forms of its key tasks. */
const COSO_SEED: DccSeed = { template: { phases: COSO_SEED_TEMPLATE }, forms: COSO_SEED_FORMS };

/** The DCC module's services, built once by the composition root (and per sync mutation). */
export function createDccServices({ db, clock, uploads, files }: PlatformContext) {
  return {
    dccCycles: createDccCycleService({ db, clock, seed: COSO_SEED }),
    dccTemplate: createDccTemplateService({ db, uploads, files }),
    dccAssignments: createDccAssignmentService({ db, clock }),
    dccTasks: createDccTaskService({ db, clock, uploads, files }),
    dccPlans: createPlanService({ db, files, uploads }),
    dccPlaces: createPlaceService({ db }),
    dccProgress: createProgressService({ db, clock }),
  };
}

export type DccServices = ReturnType<typeof createDccServices>;

declare module '../../platform/module.js' {
  interface ModuleServices extends DccServices {}
}

/**
 * The community-driven development cycle (issue #15): cycles and their template (phase → activity → task),
 * facilitators' assignments, task instances per unit with their forms, review, planning and progress.
 */
export const dcc = defineModule({
  name: 'dcc',
  permissions: ['dcc.read', 'dcc.fill', 'dcc.review', 'dcc.manage'],
  services: createDccServices,
  notificationTopics: dccNotificationTopics,
  subjectKinds: dccSubjectKinds,
  sync: dccSync,
  routes(app, ctx, s) {
    cycleRoutes(app, { cycles: s.dccCycles });
    templateRoutes(app, { db: ctx.db, files: ctx.files, template: s.dccTemplate });
    assignmentRoutes(app, { assignments: s.dccAssignments });
    taskInstanceRoutes(app, { db: ctx.db, files: ctx.files, tasks: s.dccTasks });
    planRoutes(app, { plans: s.dccPlans });
    placeRoutes(app, { places: s.dccPlaces });
    progressRoutes(app, { progress: s.dccProgress });
    villageRoutes(app, { db: ctx.db });
  },
});
