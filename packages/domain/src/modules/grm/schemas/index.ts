/** The grievance module's response contracts (docs/api.md), exported as one set from the domain index. */

export * from './attachments-response.js';
export * from './case-access-response.js';
export * from './complaints-response.js';
export * from './config-response.js';
export * from './deadlines-response.js';
export * from './public-response.js';
export * from './reports-response.js';
export * from './work-response.js';
