/** The MIS module's domain (issue #16): reference lists, progress steps and their rule, money, API contracts. */
export * from './money.js';
export * from './progress.js';
export * from './reference.js';
export * from './schemas/finance.js';
export * from './schemas/subprojects.js';
export * from './steps.js';
