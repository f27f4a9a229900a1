import { type Actor, COMPLAINT_VISIBILITY } from '@coso/domain';
import { type Fragment, or, scopeBranches } from '../../../platform/visibility/sql.js';
import { CASE_COLUMNS } from '../complaints/list-scope.js';

/**
 * Which cases the analysts' dataset (analyst.csv/xlsx, analyst-events.csv/xlsx and their background jobs)
 * gives each role: the `dataset` audience of COMPLAINT_VISIBILITY (the domain), which is the case API's read
 * rule plus one grant for the analyst role:
 *
 * - grievance officer, focal point: the ordinary cases of their area (and any case assigned to them or, for
 *   ordinary cases, recorded by them; sensitive ones they were added to);
 * - sensitive-case focal point: the sensitive cases of their area, and the cases assigned to them;
 * - supervisor: the published ordinary cases of their area only, as the case list shows them (wider staff
 *   read published summaries, never an unpublished case);
 * - analyst: the ordinary cases of their area — the dataset exists for them and carries no identity and no
 *   free text — never a sensitive case, which only the people handling it may see;
 * - facilitator, CDD specialist, administrator: nothing (403: no reporting permission).
 *
 * docs/reports.md states this policy; exports/access.test.ts downloads every export as every role against it.
 */
export function datasetScope(actor: Actor): Fragment {
  // The read rule as the case list writes it, then the dataset's own grants (analysts) as one prefix each.
  return or([
    ...scopeBranches(COMPLAINT_VISIBILITY, 'read', actor, CASE_COLUMNS),
    ...scopeBranches(COMPLAINT_VISIBILITY, 'dataset', actor, CASE_COLUMNS, {
      except: 'read',
      areaForm: 'prefix',
    }),
  ]);
}
