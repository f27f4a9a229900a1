/** The platform's response contracts (docs/api.md), exported as one set from the domain index. */
export * from './audit-response.js';
export * from './auth-response.js';
export * from './exports-response.js';
export * from './forms-response.js';
export * from './geo-response.js';
export * from './jobs-response.js';
export * from './notifications-response.js';
export * from './reference-response.js';
export * from './sync-response.js';
export * from './users-response.js';
export * from './wire.js';
