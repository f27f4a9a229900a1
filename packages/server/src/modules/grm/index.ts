import { COMPLAINT_VISIBILITY } from '@coso/domain';
import { createPlatformServices, defineModule, type PlatformContext } from '../../platform/module.js';
import { attachmentRoutes } from './complaints/attachments/routes.js';
import { createAttachmentService } from './complaints/attachments/service.js';
import { createCaseAccessService } from './complaints/case-access/access-service.js';
import { createReferralService } from './complaints/case-access/referral-service.js';
import { caseAccessRoutes } from './complaints/case-access/routes.js';
import { caseFileRoutes } from './complaints/case-file/routes.js';
import { complaintImportRoutes } from './complaints/import/routes.js';
import { receiptRoutes } from './complaints/receipt/routes.js';
import { revealIdentityRoutes } from './complaints/reveal-routes.js';
import { complaintRoutes } from './complaints/routes.js';
import { savedFilterRoutes } from './complaints/saved-filters/routes.js';
import { createSavedFilterService } from './complaints/saved-filters/service.js';
import { createComplaintService } from './complaints/service.js';
import { complaintWorkRoutes } from './complaints/work-routes.js';
import { grmConfigRoutes } from './config/routes.js';
import { createGrmConfigService } from './config/service.js';
import { deadlineRoutes } from './deadlines/routes.js';
import { createDeadlineService } from './deadlines/service.js';
import { grmExportRoutes } from './exports/routes.js';
import { grmExportKinds } from './exports/sources.js';
import { GRM_JOBS } from './jobs.js';
import { grmNotificationTopics, grmSubjectKinds } from './notifications/topics.js';
import { publicRoutes } from './public/routes.js';
import { createPublicService } from './public/service.js';
import { grmReferenceLists } from './reference-lists.js';
import { reportRoutes } from './reports/routes.js';
import { grmReportKinds } from './reports/runs.js';
import { createTrackingCodeService } from './sync/codes.js';
import { grmSync } from './sync/index.js';
import { trackingCodeRoutes } from './sync/routes.js';

/** The grievance module's services, built once by the composition root (and per sync mutation). */
export function createGrmServices({ db, clock, vault, files, config, platform }: PlatformContext) {
  const deadlines = createDeadlineService({ db, clock });
  const complaints = createComplaintService({
    db,
    reference: platform.reference,
    vault,
    deadlines,
    projectStart: config.projectStartDate,
  });
  return {
    complaints,
    deadlines,
    grmConfig: createGrmConfigService({ db }),
    attachments: createAttachmentService({ db, files }),
    trackingCodes: createTrackingCodeService({ db }),
    caseAccess: createCaseAccessService({ db }),
    referrals: createReferralService({ db }),
    savedFilters: createSavedFilterService({ db }),
    publicSelfService: createPublicService({ db, vault, complaints, deadlines }),
  };
}

export type GrmServices = ReturnType<typeof createGrmServices>;

declare module '../../platform/module.js' {
  interface ModuleServices extends GrmServices {}
}

/** The grievance redress mechanism (eMGP): complaints, their deadlines, its settings, the public form, reports. */
export const grm = defineModule({
  name: 'grm',
  permissions: ['complaints.create', 'complaints.read', 'complaints.import', 'reports.view'],
  services: createGrmServices,
  jobs: GRM_JOBS,
  sync: grmSync,
  notificationTopics: grmNotificationTopics,
  subjectKinds: grmSubjectKinds,
  reportKinds: grmReportKinds,
  exportKinds: grmExportKinds,
  referenceLists: grmReferenceLists,
  visibility: [COMPLAINT_VISIBILITY],
  routes(app, ctx, s) {
    const { db, vault, config, platform } = ctx;
    const { complaints, deadlines } = s;
    complaintRoutes(app, { complaints });
    complaintWorkRoutes(app, { db, complaints, deadlines });
    attachmentRoutes(app, { attachments: s.attachments });
    receiptRoutes(app, {
      db,
      complaints,
      reference: platform.reference,
      hotline: config.hotline,
      publicUrl: config.publicUrl,
    });
    revealIdentityRoutes(app, { complaints });
    caseFileRoutes(app, { db, complaints, reference: platform.reference });
    caseAccessRoutes(app, { db, complaints, access: s.caseAccess, referrals: s.referrals });
    complaintImportRoutes(app, {
      db,
      vault,
      projectStart: config.projectStartDate,
      referenceOver: (tx) => createPlatformServices({ ...ctx, db: tx }).reference,
    });
    savedFilterRoutes(app, { filters: s.savedFilters });
    grmConfigRoutes(app, { grmConfig: s.grmConfig });
    deadlineRoutes(app, { deadlines });
    reportRoutes(app, { db, dataDir: config.dataDir });
    grmExportRoutes(app, { db });
    publicRoutes(app, { db, service: s.publicSelfService });
    trackingCodeRoutes(app, { trackingCodes: s.trackingCodes });
  },
});
