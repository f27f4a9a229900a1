import { revealedIdentitySchema } from '@coso/domain';
import { z } from 'zod';
import { authedContext } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import { pickIdentity } from './presenter.js';
import type { ComplaintService } from './service.js';

const idParams = z.object({ id: z.uuid() });
const revealBody = z.object({ reason: z.string().trim().min(10).max(500) });

export function revealIdentityRoutes(app: Api, { complaints }: { complaints: ComplaintService }) {
  app.post(
    '/api/v1/complaints/:id/reveal-identity',
    {
      schema: {
        tags: ['complaints'],
        summary:
          "Reveal the complainant's identity, giving a reason (audited, granted or refused): 403 unless the " +
          'caller is the assignee or the supervising officer of the case; 409 conflict for an anonymous case',
        params: idParams,
        body: revealBody,
        response: { 200: revealedIdentitySchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.read');
      const identity = await complaints.revealIdentity(ctx, request.params.id, request.body.reason);
      return reply.header('cache-control', 'no-store').send(pickIdentity(identity));
    },
  );
}
