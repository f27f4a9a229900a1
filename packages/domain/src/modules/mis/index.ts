/** The MIS module's domain (issue #16): reference lists, progress steps and their rule, money. */
export * from './money.js';
export * from './progress.js';
export * from './reference.js';
export * from './steps.js';
