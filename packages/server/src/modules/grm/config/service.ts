import type { Db } from '../../../db/driver.js';
import { createChainService } from './chains-service.js';
import { createCommitteeService } from './committees-service.js';
import { previewRouting } from './preview.js';
import { createRuleService } from './rules-service.js';
import type { PreviewInput } from './schema.js';

export type GrmConfigService = ReturnType<typeof createGrmConfigService>;

/**
 * The administrator's configuration of the grievance mechanism: committees and departments, escalation
 * chains and the routing rule table. Routing reads these tables on every new case, so a change here takes
 * effect on the next case, without a deployment.
 */
export function createGrmConfigService({ db }: { db: Db }) {
  return {
    committees: createCommitteeService({ db }),
    chains: createChainService({ db }),
    rules: createRuleService({ db }),
    preview: (input: PreviewInput) => previewRouting(db, input),
  };
}
