import { itemsOf, type JobStatus, jobSchema } from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { authedContext, requirePermission } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { appendAudit } from '../audit/repo.js';
import { createJobRegistry, type JobDefinition } from './registry.js';
import { type JobStateRow, listStates, requestRun } from './state-repo.js';

// Administrators only (the permission only the admin role has), like user management and message texts.
const ADMIN = 'users.manage';
const jobParams = z.object({ key: z.string().max(100) });

function view(job: JobDefinition, state: JobStateRow | undefined) {
  return {
    key: job.key,
    module: job.key.slice(0, job.key.indexOf('.')),
    description: job.description,
    everyMs: job.everyMs,
    retryAttempts: job.retry?.attempts ?? 1,
    status: (state?.status ?? 'pending') as JobStatus,
    lastStartedAt: state?.lastStartedAt ?? null,
    lastFinishedAt: state?.lastFinishedAt ?? null,
    lastError: state?.lastError ?? null,
    attempts: state?.attempts ?? 0,
    nextRunAt: state?.nextRunAt ?? null,
    requestedAt: state?.requestedAt ?? null,
  };
}

/** The administrator's view of the background jobs (docs/decisions/0020-named-jobs.md), and "run now". */
export function jobRoutes(app: Api, { db, jobs }: { db: Db; jobs: readonly JobDefinition[] }) {
  const registry = createJobRegistry(jobs);
  const tags = ['jobs'];

  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags,
        summary: 'Every registered background job with its state (last run, error, next run)',
        response: { 200: itemsOf(jobSchema) },
      },
    },
    async (request) => {
      requirePermission(request, ADMIN);
      const states = new Map((await listStates(db)).map((s) => [s.key, s]));
      return { items: [...registry.values()].map((job) => view(job, states.get(job.key))) };
    },
  );

  app.post(
    '/api/v1/jobs/:key/run',
    {
      schema: {
        tags,
        summary: 'Run a job now: a worker starts it within a second or two (or right after its current run)',
        params: jobParams,
        response: { 202: jobSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, ADMIN);
      const job = registry.get(request.params.key);
      if (!job) throw new AppError('not_found');
      const state = await db.transaction(async (tx) => {
        const row = await requestRun(tx, job.key, new Date());
        await appendAudit(tx, {
          actorId: ctx.actor.id,
          entity: 'job',
          entityId: job.key,
          action: 'run',
          ip: ctx.ip,
        });
        return row;
      });
      return reply.status(202).send(view(job, state));
    },
  );
}
