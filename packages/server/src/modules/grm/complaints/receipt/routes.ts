import { LOCALES, type Locale, localeFromAcceptLanguage, normalizeTrackingCode } from '@coso/domain';
import { z } from 'zod';
import type { AuthUser } from '../../../../context.js';
import type { Db } from '../../../../db/driver.js';
import { AppError } from '../../../../http/app-error.js';
import { requirePermission } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import type { ReferenceService } from '../../../../platform/reference/service.js';
import { addressKey, DEFAULT_LIMITS, hit } from '../../public/rate-limit.js';
import { findComplaint } from '../repo.js';
import type { ComplaintService } from '../service.js';
import { buildReceiptContent, canPrintName, trackingAddress } from './content.js';
import { RECEIPT_FORMATS, renderReceiptPdf } from './pdf.js';

const idParams = z.object({ id: z.uuid() });
const codeParams = z.object({ trackingCode: z.string().trim().min(1).max(40) });
const receiptQuery = z.object({
  format: z.enum(RECEIPT_FORMATS).default('a4'),
  /** The complainant's language, when it differs from the staff member's. */
  lang: z.enum(LOCALES).optional(),
});

/** French unless asked otherwise, or the user (or the browser) works in English. */
function receiptLocale(
  asked: Locale | undefined,
  actor: AuthUser | null,
  acceptLanguage: string | undefined,
): Locale {
  if (asked) return asked;
  return actor?.locale === 'en' || localeFromAcceptLanguage(acceptLanguage) === 'en' ? 'en' : 'fr';
}

export interface ReceiptRouteDeps {
  db: Db;
  complaints: ComplaintService;
  reference: ReferenceService;
  hotline: string | undefined;
  /** PUBLIC_URL: receipts print the tracking page's address when it is known. */
  publicUrl: string | undefined;
}

export function receiptRoutes(app: Api, deps: ReceiptRouteDeps) {
  const { db, complaints, reference, hotline } = deps;
  const trackingUrl = trackingAddress(deps.publicUrl);
  const pdfHeaders = { 'content-type': 'application/pdf', 'cache-control': 'private, no-store' };

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
        trackingUrl,
      });
      const pdf = await renderReceiptPdf(content, request.query.format);
      return reply
        .headers(pdfHeaders)
        .header('content-disposition', `inline; filename="${content.filename}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/public/track/:trackingCode/receipt.pdf',
    {
      // Counted with the tracking page: it tells no more than the page does.
      onRequest: async (request) => hit(db, DEFAULT_LIMITS.track, addressKey(request.ip)),
      schema: {
        tags: ['public'],
        security: [],
        summary:
          "The citizen's copy of the receipt, by tracking code (no login): code, date received, how to " +
          'follow the case; no reference, place, category or name',
        params: codeParams,
        querystring: receiptQuery,
      },
    },
    async (request, reply) => {
      const [row] = await db.query<{ id: string }>('select id from complaints where tracking_code = $1', [
        normalizeTrackingCode(request.params.trackingCode),
      ]);
      const complaint = row ? await findComplaint(db, row.id) : undefined;
      if (!complaint) throw new AppError('not_found');
      const content = buildReceiptContent({
        complaint,
        name: null,
        references: [],
        locale: receiptLocale(request.query.lang, null, request.headers['accept-language']),
        hotline,
        trackingUrl,
        citizenCopy: true,
      });
      const pdf = await renderReceiptPdf(content, request.query.format);
      return reply
        .headers(pdfHeaders)
        .header('content-disposition', `attachment; filename="${content.filename}"`)
        .send(pdf);
    },
  );
}
