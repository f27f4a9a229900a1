import {
  exportXlsForm,
  type FormImportResult,
  formImportKoboSchema,
  formImportQuerySchema,
  formImportResultSchema,
  importXlsForm,
  koboContentToSheets,
  localeFromAcceptLanguage,
  problemReason,
  XLSFORM_LIMITS,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import { authedContext } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import type { FormRouteDeps } from './routes.js';
import { fieldCountOf } from './service.js';
import { readXlsx, writeXlsx } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Every .xlsx is a zip archive: "PK\x03\x04". Anything else is refused before the reader sees it. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A KoboToolbox asset's JSON content can outgrow the API's default 1 MiB body (long choice lists). */
const KOBO_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The workbook's sheets, from the multipart `.xlsx` or the JSON `{ kobo }`: 415 for a file that is not even a zip,
 * 413 beyond the size limit, 400 for JSON without `kobo`; an unreadable workbook is reported as problems.
 */
async function sheetsOf(request: FastifyRequest) {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: XLSFORM_LIMITS.bytes } });
    if (file?.fieldname !== 'file')
      throw new AppError('validation_error', [{ path: 'file', message: 'required' }]);
    const content = await file.toBuffer();
    if (content.length < 4 || !content.subarray(0, 4).equals(ZIP_MAGIC)) {
      throw new AppError('unsupported_media_type');
    }
    // A damaged workbook, or a zip that is not one, comes back as a problem of the sheet 'file'.
    return readXlsx(content);
  }
  const body = formImportKoboSchema.parse(request.body);
  return koboContentToSheets(body.kobo);
}

/** XLSForm import (dry run, then publish) and export of a published version. */
export function formImportRoutes(app: Api, { forms }: FormRouteDeps) {
  const tags = ['forms'];

  app.post(
    '/api/v1/forms/import',
    {
      bodyLimit: KOBO_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Imports an XLSForm: multipart field `file` (.xlsx, 415 otherwise), or JSON `{ kobo: <asset content> }`. ' +
          'Dry run by default: the summary and every problem (`reason` in the Accept-Language). dryRun=false ' +
          'publishes: 422 xlsform_invalid (details.problems) when a problem is an error, 409 form_version_exists ' +
          'when this form_id already has this version',
        querystring: formImportQuerySchema,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 200: formImportResultSchema, 201: formImportResultSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'forms.manage');
      const locale = localeFromAcceptLanguage(request.headers['accept-language']);
      const read = await sheetsOf(request);
      const imported = read.sheets ? importXlsForm(read.sheets) : undefined;
      const problems = [...read.problems, ...(imported?.problems ?? [])].map((p) => ({
        sheet: p.sheet,
        row: p.row ?? null,
        column: p.column ?? null,
        code: p.code,
        severity: p.severity,
        reason: problemReason(p, locale),
      }));
      const definition = imported?.definition;
      const summary = (id: string | null): FormImportResult['form'] =>
        definition
          ? {
              id,
              formId: definition.formId,
              version: definition.version,
              title: definition.title,
              fieldCount: fieldCountOf(definition),
            }
          : null;
      if (request.query.dryRun === 'true') return { form: summary(null), problems };
      if (!definition || problems.some((p) => p.severity === 'error')) {
        throw new AppError('xlsform_invalid', { problems });
      }
      const { id } = await forms.publish(ctx, definition);
      return reply.status(201).send({ form: summary(id), problems });
    },
  );

  app.get(
    '/api/v1/forms/:id/xlsform',
    {
      schema: {
        tags,
        summary: 'A published version as an XLSForm workbook (.xlsx), named <formId>-<version>.xlsx',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      authedContext(request, 'forms.read');
      const form = await forms.get(request.params.id);
      const content = await writeXlsx(exportXlsForm(form.definition));
      // Names are XLSForm names ([A-Za-z0-9_.-]); versions are free text: keep the filename header-safe.
      const filename = `${form.formId}-${form.version}.xlsx`.replace(/[^A-Za-z0-9_.-]/g, '_');
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(content);
    },
  );
}
