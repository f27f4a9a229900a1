/** The form engine (docs/decisions/0021-forms-as-data.md): definitions, expressions, validation, XLSForm. */

export * from './compile.js';
export * from './definition.js';
export * from './device-sync.js';
export * from './expr/index.js';
export * from './messages.js';
export * from './pages.js';
export * from './state.js';
export * from './validate.js';
export { checkValue, isEmpty, MAX_MONEY, MAX_REPEAT_INSTANCES, MAX_TEXT } from './values.js';
export * from './xlsform/index.js';
