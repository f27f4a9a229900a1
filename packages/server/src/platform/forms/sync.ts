import {
  type FormSubmitPayload,
  formSubmitPayloadSchema,
  hasPermission,
  ROLE_PERMISSIONS,
  ROLES,
  type SyncRow,
} from '@coso/domain';
import { AppError } from '../../http/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { MutationDefinition } from '../sync/mutations.js';
import type { MutationDeps, SyncContribution } from '../sync/registry.js';
import type { SyncSource } from '../sync/tables.js';
import { submitForm } from './submissions.js';

/** The pull's table of form versions and the push's mutation, as the device side names them. */
export const FORMS_TABLE = 'forms';
export const FORM_SUBMIT = 'form.submit';

/**
 * The roles that may read forms, as an SQL array literal: the feed's scope has no permission parameter, but
 * its `:me`, and the roles are in the cursor's scope version, so a user who gains or loses them re-pulls in
 * full. Built from the constants (role names are [a-z_]), never from input.
 */
const READER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('forms.read'));
const readerRolesSql = `array[${READER_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`;

/**
 * Every published version goes to every device whose user may read forms: forms are not scoped to places, and
 * a version never changes once published (no removals; a device drops them only on a full pull).
 */
const FORMS_SOURCE: SyncSource = {
  name: FORMS_TABLE,
  table: 'forms',
  alias: 'f',
  from: 'forms f',
  visible: `exists (select 1 from user_roles ur where ur.user_id = :me::uuid and ur.role = any(${readerRolesSql}))`,
  columns: `f.id, f.form_id as "formId", f.version, f.title, f.definition, f.field_count as "fieldCount",
    f.created_at as "createdAt"`,
  id: { sql: 'f.id', type: 'uuid' },
  visibleBefore: 'false',
  present: (row) => row as SyncRow,
};

/** `form.submit`: the submissions route's function, in the mutation's transaction; rejected `form_invalid`. */
function formSubmit(deps: MutationDeps & { clock: Clock }): MutationDefinition<FormSubmitPayload> {
  return {
    payload: formSubmitPayloadSchema,
    async apply({ db, ctx, afterCommit, onRollback }, { formVersionId, ...input }) {
      if (!hasPermission(ctx.actor, 'forms.read')) throw new AppError('forbidden');
      const { submission, created } = await submitForm(
        { db, ctx, locale: ctx.actor.locale, afterCommit, onRollback },
        deps,
        formVersionId,
        input,
      );
      return { id: submission.id, formVersionId, created };
    },
  };
}

/** The platform's forms part of the sync registry (app.ts). */
export function formsSync(clock: Clock): SyncContribution {
  return {
    sources: [FORMS_SOURCE],
    mutations: (deps) => ({ [FORM_SUBMIT]: formSubmit({ ...deps, clock }) }),
  };
}
