export * from './errors.js';
export * from './geo.js';
export * from './locale.js';
export * from './permissions.js';
export * from './roles.js';
export * from './schemas/auth.js';
export * from './schemas/geo.js';
export * from './schemas/users.js';
