import { canRevealIdentity } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import type { Vault } from '../../../vault/vault.js';
import { loadVisible } from './actions.js';
import { accessView } from './presenter.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

/**
 * Reveals a complainant's identity to an entitled user (canRevealIdentity), for a stated reason. Every
 * attempt the policy decides — granted or refused — is written to the audit log with the reason, never the
 * identity; a refusal is committed before the 403 is answered. A case the user cannot see is a 404.
 */
export async function revealIdentity(
  db: Db,
  vault: Vault,
  ctx: Ctx,
  id: string,
  reason: string,
): Promise<repo.Identity> {
  const outcome = await db.transaction(async (tx) => {
    const c = await loadVisible(tx, ctx.actor, id);
    const allowed = canRevealIdentity(ctx.actor, accessView(c));
    const identity = allowed && !c.anonymous ? await repo.findIdentity(tx, vault, id) : undefined;
    if (allowed && !identity) return { kind: 'anonymous' as const };
    await appendAudit(tx, {
      actorId: ctx.actor.id,
      entity: 'complaint',
      entityId: id,
      action: allowed ? 'reveal_identity' : 'reveal_identity_refused',
      changes: { reason },
      ip: ctx.ip,
    });
    return identity ? { kind: 'revealed' as const, identity } : { kind: 'refused' as const };
  });
  if (outcome.kind === 'refused') throw new AppError('forbidden');
  if (outcome.kind === 'anonymous') throw new AppError('conflict', { reason: 'anonymous' });
  return outcome.identity;
}
