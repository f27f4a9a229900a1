import { reasonText } from './messages.js';

/**
 * An XLSForm workbook as plain data (docs/maintainer-guide.md, "XLSForm support"): the three sheets the
 * standard defines, each row with its spreadsheet row number (the header is row 1) and its cells keyed by the
 * header as written. The server reads .xlsx into this shape (platform/forms/xlsx.ts); a KoboToolbox asset's
 * JSON `content` maps to it too (kobo.ts), so that one importer serves both.
 */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export interface XlsSheets {
  survey: SheetRow[];
  choices: SheetRow[];
  settings: SheetRow[];
}

export type ImportSheet = 'survey' | 'choices' | 'settings' | 'file';

/** One thing wrong (error) or worth knowing (warning) about a workbook, where a spreadsheet user finds it. */
export interface ImportProblem {
  sheet: ImportSheet;
  row: number | null;
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

/** What the import found, shown next to the problems of a dry run. */
export interface FormSummary {
  formId?: string;
  version?: string;
  title?: string;
  fieldCount: number;
  groupCount: number;
  repeatCount: number;
  choiceListCount: number;
  languages: string[];
}

/** Limits of one import: beyond them a workbook is refused rather than read half-way. */
export const XLSFORM_LIMITS = {
  bytes: 5 * 1024 * 1024,
  surveyRows: 5000,
  choices: 20_000,
} as const;

/** The human reason of a problem, in French or English. */
export function problemReason(p: ImportProblem, locale: 'fr' | 'en'): string {
  return reasonText(p.code, p.params ?? {}, locale);
}

export const hasErrors = (problems: readonly ImportProblem[]) => problems.some((p) => p.severity === 'error');
