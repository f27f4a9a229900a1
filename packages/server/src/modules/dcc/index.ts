import { defineModule, type PlatformContext } from '../../platform/module.js';

/** The DCC module's services, built once by the composition root (and per sync mutation). */
export function createDccServices(_ctx: PlatformContext) {
  return {};
}

export type DccServices = ReturnType<typeof createDccServices>;

// Once it has services: declare module '../../platform/module.js' { interface ModuleServices extends DccServices {} }

/**
 * The community-driven development cycle (issue #15): cycles and their template (phase → activity → task),
 * facilitators' assignments, task instances per unit with their forms, review, planning and progress.
 */
export const dcc = defineModule({
  name: 'dcc',
  permissions: ['dcc.read', 'dcc.fill', 'dcc.review', 'dcc.manage'],
  services: createDccServices,
  routes() {},
});
