import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../../http/app-error.js';
import {
  type ExportKind,
  exportFileName,
  isExportKind,
  parseExportFilters,
  registerExportKinds,
  requireExportKind,
} from './kinds.js';

const kind: ExportKind = {
  name: 'test_rows',
  permission: 'reports.view',
  filters: z.object({ year: z.coerce.number().int() }),
  entity: 'test_export',
  file: 'lignes',
  open: () => Promise.reject(new Error('not opened in this test')),
};

describe('export kinds registry', () => {
  it('serves a registered kind: its filters and file name', () => {
    registerExportKinds([kind]);
    registerExportKinds([kind]);
    expect(isExportKind('test_rows')).toBe(true);
    expect(parseExportFilters('test_rows', { year: '2026' })).toEqual({ year: 2026 });
    expect(exportFileName('test_rows', 'csv', '2026-12-07')).toBe('lignes-2026-12-07.csv');
  });

  it('refuses a kind no module registered with 400, and a second definition of one name', () => {
    let err: unknown;
    try {
      requireExportKind('everything');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'validation_error', status: 400 });
    expect((err as AppError).details).toEqual([{ path: 'kind', message: 'unknown_export_kind' }]);
    expect(() => parseExportFilters('everything', {})).toThrow();
    expect(() => registerExportKinds([{ ...kind }])).toThrow(/registered twice/);
  });
});
