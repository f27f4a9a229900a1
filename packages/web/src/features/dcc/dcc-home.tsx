import type { WebModule } from '../../modules';

/** What the DCC module adds to the home page: shortcuts to its cycles, review queue and progress. */
export const dccHome: Pick<WebModule, 'homeSections' | 'shortcuts'> = {
  homeSections: [],
  shortcuts: ({ t, can }) => [
    { href: '/dcc/review', icon: 'inbox', label: t('dcc.review'), show: can('dcc.review') },
    {
      href: '/dcc/progress',
      icon: 'list',
      label: t('dcc.progress'),
      show: can('dcc.read') && !can('dcc.fill'),
    },
    { href: '/dcc/cycles', icon: 'calendar', label: t('dcc.cycles'), show: can('dcc.manage') },
  ],
};
