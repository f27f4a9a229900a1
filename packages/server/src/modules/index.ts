import { checkModules, type ModuleDefinition } from '../platform/module.js';
import { dcc } from './dcc/index.js';
import { grm } from './grm/index.js';
import { mis } from './mis/index.js';

/**
 * Every module the server runs, the one list (docs/decisions/0018-modules-and-registries.md): the composition
 * root (app.ts) builds their services, registers their routes and hands their registrations to the platform.
 */
export const MODULES: readonly ModuleDefinition[] = [grm, dcc, mis];

checkModules(MODULES);
