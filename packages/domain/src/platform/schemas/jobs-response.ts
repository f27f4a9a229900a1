import { z } from 'zod';
import { type Contract, timestampSchema } from './wire.js';

/** A background job's visible state (job_state, docs/decisions/0020-named-jobs.md). */
export const JOB_STATUSES = ['pending', 'running', 'failed', 'ok'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One registered job with its schedule and its state; `nextRunAt` is null until a worker has seen the job. */
export const jobSchema = z.object({
  key: z.string().describe('Stable key, <module>.<name>'),
  module: z.string(),
  description: z.string(),
  everyMs: z.number().int(),
  retryAttempts: z.number().int(),
  status: z.enum(JOB_STATUSES),
  lastStartedAt: timestampSchema.nullable(),
  lastFinishedAt: timestampSchema.nullable(),
  lastError: z.string().nullable(),
  attempts: z.number().int().describe('Consecutive failed runs (0 after a success)'),
  nextRunAt: timestampSchema.nullable(),
  requestedAt: timestampSchema.nullable().describe('An administrator asked for a run not yet started'),
});
export type Job = Contract<typeof jobSchema>;
