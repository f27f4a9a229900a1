import type { WebModule } from '../../modules';

/** What the MIS adds to the home page: a shortcut to the sub-projects (and to a new one for who manages them). */
export const misHome: Pick<WebModule, 'homeSections' | 'shortcuts'> = {
  homeSections: [],
  shortcuts: ({ t, can }) => [
    { href: '/mis/subprojects', icon: 'list', label: t('mis.subprojects'), show: can('mis.read') },
    { href: '/mis/subprojects/new', icon: 'plus', label: t('mis.subprojectNew'), show: can('mis.manage') },
    { href: '/mis/finance', icon: 'list', label: t('mis.finance.title'), show: can('mis.read') },
  ],
};
