import type { WebModule } from '../../../modules';
import { WorkCounts } from './work-counts';
import { handlesCases } from './work-roles';

/** What the grievance module adds to the home page: the work counts and its shortcuts. */
export const grmHome: Pick<WebModule, 'homeSections' | 'shortcuts'> = {
  homeSections: [{ key: 'grm.work', visible: ({ can }) => can('complaints.read'), Component: WorkCounts }],
  shortcuts: ({ t, can, roles }) => [
    { href: '/complaints/new', icon: 'plus', label: t('nav.complaintNew'), show: can('complaints.create') },
    {
      href: '/complaints?queue=mine',
      icon: 'inbox',
      label: t('nav.queue.mine'),
      // Only those who are assigned cases have a "mine" queue.
      show: can('complaints.read') && handlesCases(roles),
    },
    { href: '/grm/routing', icon: 'route', label: t('nav.grmRouting'), show: can('reference.manage') },
  ],
};
