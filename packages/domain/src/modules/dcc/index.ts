/** The DCC module's domain: its vocabulary, status machine, seed template and forms (issue #15). */
export * from './device-sync.js';
export * from './model.js';
export * from './place-sync.js';
export * from './schemas/cycles.js';
export * from './schemas/places.js';
export * from './schemas/plans.js';
export * from './schemas/progress.js';
export * from './schemas/tasks.js';
export * from './schemas/villages.js';
export * from './seed-forms/index.js';
export * from './seed-template.js';
export * from './status.js';
