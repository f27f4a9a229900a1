import { type ComplaintAction, complaintActionSchema, errorMessage, type Locale } from '@coso/domain';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { AuthUser, RequestContext } from '../../../context.js';
import { AppError } from '../../../http/app-error.js';
import type { ComplaintService } from './service.js';

/** The actions a list may apply to several cases at once: the routine ones, never a decision on the merits. */
export const BULK_ACTIONS = ['acknowledge', 'reassign'] as const;

export const bulkActionBody = z.object({
  ids: z.array(z.uuid()).min(1).max(100),
  action: complaintActionSchema.refine((a) => (BULK_ACTIONS as readonly string[]).includes(a.action), {
    message: 'not_a_bulk_action',
  }),
});

export type BulkResult =
  | { id: string; ok: true; status: string; version: number }
  | { id: string; ok: false; code: string; message: string; details?: unknown };

/**
 * Applies one action to each case through the same service as a single action (same checks, one
 * transaction and one event per case). A refusal stops nothing: each case gets its own result, so that the
 * list can say which ones were done and why the others were not.
 */
export async function applyBulk(
  complaints: ComplaintService,
  ctx: RequestContext & { actor: AuthUser },
  ids: readonly string[],
  action: ComplaintAction,
  locale: Locale,
  log: FastifyBaseLogger,
): Promise<{ items: BulkResult[]; done: number; failed: number }> {
  const items: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      const c = await complaints.act(ctx, id, action);
      items.push({ id, ok: true, status: c.status, version: c.version });
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err, complaintId: id }, 'bulk action failed');
      const code = err instanceof AppError ? err.code : 'internal_error';
      const details = err instanceof AppError ? err.details : undefined;
      items.push({
        id,
        ok: false,
        code,
        message: errorMessage(code, locale),
        ...(details ? { details } : {}),
      });
    }
  }
  const done = items.filter((i) => i.ok).length;
  return { items, done, failed: items.length - done };
}
