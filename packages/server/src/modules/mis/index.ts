import { localeFromAcceptLanguage, misReferenceSchema } from '@coso/domain';
import { authedContext } from '../../http/auth.js';
import type { ExportKind } from '../../platform/exports/kinds.js';
import { defineModule, type PlatformContext } from '../../platform/module.js';
import { financeRoutes } from './finance/routes.js';
import { ALLOCATION_VISIBILITY } from './finance/scope.js';
import { createFinanceService } from './finance/service.js';
import { COSO_MIS_LISTS, referenceAnswer } from './reference.js';
import { SUBPROJECT_EXPORT, subprojectExportRoutes } from './subprojects/export.js';
import { subprojectRoutes } from './subprojects/routes.js';
import { createSubprojectService } from './subprojects/service.js';
import { SUBPROJECT_VISIBILITY } from './visibility.js';

/** The MIS module's services, built once by the composition root. */
export function createMisServices({ db, clock, uploads, files }: PlatformContext) {
  return {
    misLists: COSO_MIS_LISTS,
    misSubprojects: createSubprojectService({ db, clock, uploads, files, lists: COSO_MIS_LISTS }),
    misFinance: createFinanceService({ db, clock, uploads, files, lists: COSO_MIS_LISTS }),
  };
}

export type MisServices = ReturnType<typeof createMisServices>;

declare module '../../platform/module.js' {
  interface ModuleServices extends MisServices {}
}

/**
 * The MIS (issue #16): sub-projects with their progress as events and their contracts, finance in whole FCFA,
 * indicators. Reference lists and progress steps are domain data (modules/mis in @coso/domain).
 */
export const mis = defineModule({
  name: 'mis',
  permissions: ['mis.read', 'mis.manage', 'mis.finance'],
  services: createMisServices,
  exportKinds: [SUBPROJECT_EXPORT as ExportKind],
  visibility: [SUBPROJECT_VISIBILITY, ALLOCATION_VISIBILITY],
  routes(app, ctx, s) {
    subprojectRoutes(app, { subprojects: s.misSubprojects, files: ctx.files });
    subprojectExportRoutes(app, { db: ctx.db });
    financeRoutes(app, { db: ctx.db, files: ctx.files, clock: ctx.clock, finance: s.misFinance });
    app.get(
      '/api/v1/mis/reference',
      {
        schema: {
          tags: ['mis'],
          summary:
            'Components, sectors, structure types with their technical attributes, progress steps, contract kinds',
          response: { 200: misReferenceSchema },
        },
      },
      async (request) => {
        authedContext(request, 'mis.read');
        return referenceAnswer(s.misLists, localeFromAcceptLanguage(request.headers['accept-language']));
      },
    );
  },
});
