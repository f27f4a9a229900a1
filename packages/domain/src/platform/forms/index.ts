/** The form engine (docs/decisions/0021-forms-as-data.md): definitions, expressions, validation, XLSForm. */
export * from './definition.js';
export * from './device-sync.js';
export * from './expr/index.js';
export * from './compile.js';
