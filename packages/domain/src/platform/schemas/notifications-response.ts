import { z } from 'zod';
import { type Contract, timestampSchema } from './wire.js';

/** One of the caller's in-app notifications (title and body already in their language). */
export const appNotificationSchema = z.object({
  id: z.number(),
  topic: z.string(),
  title: z.string(),
  body: z.string(),
  /** The case it is about, else null. */
  complaintId: z.string().nullable(),
  /** What it is about, generically (a module's entity type and id), else null. */
  entityType: z.string().nullable().optional(),
  entityId: z.string().nullable().optional(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type AppNotification = Contract<typeof appNotificationSchema>;

export const unreadCountSchema = z.object({ count: z.number() });
export const readAllSchema = z.object({ updated: z.number() });
