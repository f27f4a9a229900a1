import type { Permission, Role } from '@coso/domain';
import type { ComponentType } from 'react';
import { dccHome } from './features/dcc/dcc-home';
import { grmHome } from './features/grm/home/home';
import { misHome } from './features/mis/mis-home';
import type { Translate } from './i18n/translate';
import type { IconName } from './ui/icons';

/** What a page's contributions may depend on: the signed-in person's rights and roles, and the texts. */
export interface WebContext {
  t: Translate;
  can: (permission: Permission) => boolean;
  roles: readonly Role[];
}

export interface Shortcut {
  href: string;
  icon: IconName;
  label: string;
  show: boolean;
}

/**
 * A module's contributions to the web app's shared pages (the web side of the server's ModuleDefinition):
 * the platform's pages read them from WEB_MODULES and never import a module's features.
 */
export interface WebModule {
  name: string;
  /** Cards on the home page, under the welcome card, for whom `visible` allows. */
  homeSections: {
    key: string;
    visible: (ctx: Pick<WebContext, 'can'>) => boolean;
    Component: ComponentType;
  }[];
  /** Tiles on the home page, before the platform's own. */
  shortcuts: (ctx: WebContext) => Shortcut[];
}

export const WEB_MODULES: readonly WebModule[] = [
  { name: 'grm', ...grmHome },
  { name: 'dcc', ...dccHome },
  { name: 'mis', ...misHome },
];
