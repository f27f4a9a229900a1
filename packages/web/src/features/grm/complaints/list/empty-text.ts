import type { Role } from '@coso/domain';
import type { ComplaintFilterQuery } from '../../../../api/complaint-types';
import type { Translate } from '../../../../i18n/translate';
import { handlesCases, readsPublishedOnly } from '../../home/work-roles';

/** Why a list is empty, for this role: an empty list must never look like an idle area. */
export function emptyListText(roles: readonly Role[], filters: ComplaintFilterQuery, t: Translate): string {
  if (readsPublishedOnly(roles)) return t('list.empty.publishedOnly');
  if (!handlesCases(roles) && roles.includes('facilitator')) return t('list.empty.facilitator');
  if (filters.queue === 'mine') return t('list.empty.mine');
  return t('list.empty');
}
