import { LOCALES, type Locale, localeFromAcceptLanguage } from '@coso/domain';
import { z } from 'zod';
import type { AuthUser } from '../../../context.js';
import { requirePermission } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import type { ReferenceService } from '../../reference/service.js';
import type { ComplaintService } from '../service.js';
import { buildReceiptContent, canPrintName } from './content.js';
import { RECEIPT_FORMATS, renderReceiptPdf } from './pdf.js';

const idParams = z.object({ id: z.uuid() });
const receiptQuery = z.object({
  format: z.enum(RECEIPT_FORMATS).default('a4'),
  /** The complainant's language, when it differs from the staff member's. */
  lang: z.enum(LOCALES).optional(),
});

/** French unless asked otherwise, or the user (or the browser) works in English. */
function receiptLocale(
  asked: Locale | undefined,
  actor: AuthUser,
  acceptLanguage: string | undefined,
): Locale {
  if (asked) return asked;
  return actor.locale === 'en' || localeFromAcceptLanguage(acceptLanguage) === 'en' ? 'en' : 'fr';
}

export function receiptRoutes(
  app: Api,
  {
    complaints,
    reference,
    hotline,
  }: { complaints: ComplaintService; reference: ReferenceService; hotline: string | undefined },
) {
  app.get(
    '/api/v1/complaints/:id/receipt.pdf',
    {
      schema: {
        tags: ['complaints'],
        summary: "The complainant's printable receipt (A4 or 58 mm thermal roll)",
        params: idParams,
        querystring: receiptQuery,
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'complaints.read');
      const complaint = await complaints.forReceipt(actor, request.params.id);
      const identity = canPrintName(complaint) ? await complaints.identity(actor, complaint.id) : undefined;
      const content = buildReceiptContent({
        complaint,
        name: identity?.name ?? null,
        references: await reference.list(true),
        locale: receiptLocale(request.query.lang, actor, request.headers['accept-language']),
        hotline,
      });
      const pdf = await renderReceiptPdf(content, request.query.format);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${content.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
