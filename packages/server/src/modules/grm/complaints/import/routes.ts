import { localeFromAcceptLanguage, registerImportReportSchema } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../../db/driver.js';
import { AppError } from '../../../../http/app-error.js';
import { authedContext } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import { sheetFormatOf } from '../../../../lib/sheet-sniff.js';
import { readSheet } from '../../../../lib/tabular.js';
import type { ReferenceService } from '../../../../platform/reference/service.js';
import type { Vault } from '../../../../vault/vault.js';
import { importRegister } from './import-register.js';

const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  onError: z.enum(['stop', 'skip']).default('stop'),
});

export function complaintImportRoutes(
  app: Api,
  {
    db,
    vault,
    projectStart,
    referenceOver,
  }: { db: Db; vault: Vault; projectStart: string; referenceOver: (db: Db) => ReferenceService },
) {
  app.post(
    '/api/v1/complaints/import',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Import a historic paper register from CSV or XLSX (multipart field `file`, recognised by its ' +
          'content: 415 `not_a_spreadsheet` otherwise); dry run by default. ' +
          'Cases are created in status received; 422 import_rejected when onError=stop and a row is bad',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: registerImportReportSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.import');
      const file = await request.file();
      if (file?.fieldname !== 'file') {
        throw new AppError('validation_error', [{ path: 'file', message: 'required' }]);
      }
      // By content, not by name: a binary named .csv would otherwise come back as "every row rejected".
      const content = await file.toBuffer();
      const sheet = await readSheet(content, sheetFormatOf(content, file.filename, file.mimetype));
      return importRegister(db, vault, ctx, sheet, {
        dryRun: request.query.dryRun === 'true',
        onError: request.query.onError,
        locale: localeFromAcceptLanguage(request.headers['accept-language']),
        filename: file.filename,
        projectStart,
        referenceOver,
      });
    },
  );
}
