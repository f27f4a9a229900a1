import { canPublishSummary } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../../context.js';
import type { Db } from '../../../../db/driver.js';
import { AppError } from '../../../../http/app-error.js';
import { loadVisible } from '../actions.js';
import { accessView } from '../presenter.js';
import { record } from './access-service.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

/**
 * Publication review (GRM.md): the grievance officer supervising an ordinary case publishes a sanitised
 * summary; from then on wider staff (supervisors) see the case, with the summary in place of the
 * description, which stays for the handlers. Publishing again corrects the summary. A sensitive case is never
 * published (422), whoever asks.
 */
export async function publishSummary(db: Db, ctx: Ctx, id: string, summary: string): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadVisible(tx, ctx.actor, id, true);
    if (c.sensitive) throw new AppError('sensitive_case_not_publishable');
    if (!canPublishSummary(ctx.actor, accessView(c))) throw new AppError('forbidden');
    await repo.setPublicSummary(tx, id, summary, ctx.actor.id);
    const republished = c.publishedAt !== null;
    // The summary goes to the audit log (who published what, and what it replaced), not to the timeline.
    await record(
      tx,
      ctx,
      id,
      'published',
      { republished },
      {
        summary: { from: c.publicSummary, to: summary },
      },
    );
  });
}
