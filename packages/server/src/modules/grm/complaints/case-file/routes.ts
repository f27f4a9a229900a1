import { LOCALES, localeFromAcceptLanguage, seesPublishedSummaryOnly } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../../db/driver.js';
import { authedContext } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import { appendAudit } from '../../../../platform/audit/repo.js';
import type { ReferenceService } from '../../../../platform/reference/service.js';
import { accessView, presentComplaint, presentEvent } from '../presenter.js';
import type { Identity } from '../repo.js';
import type { ComplaintService } from '../service.js';
import { buildCaseFileContent } from './content.js';
import { renderCaseFilePdf } from './pdf.js';

const idParams = z.object({ id: z.uuid() });
const caseFileQuery = z.object({
  lang: z.enum(LOCALES).optional(),
  /**
   * To print the complainant's identity: the reason, as for POST …/reveal-identity (same policy, same
   * audit entry). Without it the file leaves the identity out.
   */
  identityReason: z.string().trim().min(10).max(500).optional(),
});

export function caseFileRoutes(
  app: Api,
  { db, complaints, reference }: { db: Db; complaints: ComplaintService; reference: ReferenceService },
) {
  app.get(
    '/api/v1/complaints/:id/case-file.pdf',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'The printable case file (PDF): summary, complainant, deadlines, decisions, actions and timeline, as ' +
          "the caller's case page shows them. The identity only with `identityReason` (an audited reveal: 403 " +
          'when the caller may not reveal it, 409 for an anonymous case); every download is audited',
        params: idParams,
        querystring: caseFileQuery,
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.read');
      const { actor } = ctx;
      const c = await complaints.get(actor, request.params.id);
      const { identityReason } = request.query;
      const identity: Identity | undefined = identityReason
        ? await complaints.revealIdentity(ctx, c.id, identityReason)
        : undefined;
      const redacted = seesPublishedSummaryOnly(actor, accessView(c));
      const events = (await complaints.events(actor, c.id)).map((e) => presentEvent(e, { redacted }));
      const locale =
        request.query.lang ??
        (actor.locale === 'en' || localeFromAcceptLanguage(request.headers['accept-language']) === 'en'
          ? 'en'
          : 'fr');
      const content = buildCaseFileContent({
        // The identity is never taken from the page's rules here: only a reveal for this document prints it.
        complaint: presentComplaint(c, actor, undefined),
        events,
        identity,
        references: await reference.list(true),
        locale,
        printedBy: actor.displayName,
        printedAt: new Date(),
      });
      const pdf = await renderCaseFilePdf(content);
      // A printed file leaves the system: who took one, and whether it carries the identity, is kept.
      await appendAudit(db, {
        actorId: actor.id,
        entity: 'complaint',
        entityId: c.id,
        action: 'case_file_printed',
        changes: { identity: identity !== undefined },
        ip: ctx.ip,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${content.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
