/** XLSForm import and export (docs/maintainer-guide.md, "XLSForm support"). */
export { exportXlsForm } from './export.js';
export { importXlsForm } from './import.js';
export { koboContentToSheets } from './kobo.js';
export { IMPORT_PROBLEM_CODES } from './messages.js';
export { DEFAULT_FORM_ID, DEFAULT_VERSION } from './settings.js';
export {
  type FormSummary,
  hasErrors as hasImportErrors,
  type ImportProblem,
  type ImportSheet,
  problemReason,
  type SheetRow,
  XLSFORM_LIMITS,
  type XlsSheets,
} from './sheets.js';
