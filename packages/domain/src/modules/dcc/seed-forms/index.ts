import type { FormDefinition } from '../../../platform/forms/definition.js';
import { ccdExistenceForm, cvdExistenceForm } from './committees.js';
import { cantonArbitrationForm, ccdSetupForm, participationForm, socialAuditForm } from './meetings.js';
import { needsFocusGroupsForm, obstaclesVisionForm, priorityRankingForm } from './planning.js';
import { villageProfileForm } from './village.js';

export { EXAMPLES_NOW, SEED_FORM_EXAMPLES } from './examples.js';

/** The forms of the COSO seed template's key tasks (issue #15), published with the template. */
export const COSO_SEED_FORMS: FormDefinition[] = [
  participationForm,
  villageProfileForm,
  cvdExistenceForm,
  ccdExistenceForm,
  ccdSetupForm,
  needsFocusGroupsForm,
  obstaclesVisionForm,
  priorityRankingForm,
  cantonArbitrationForm,
  socialAuditForm,
];
