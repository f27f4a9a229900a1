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

/** A message text in force for a topic × channel × language (administrators). */
export const notificationTemplateSchema = z.object({
  topic: z.string(),
  channel: z.enum(['in_app', 'email', 'sms']),
  locale: z.enum(['fr', 'en']),
  subject: z.string(),
  body: z.string(),
  variables: z.array(z.string()).readonly(),
  /** true: edited by an administrator; false: the built-in text. */
  custom: z.boolean(),
  updatedAt: timestampSchema.nullable(),
});
export type NotificationTemplate = Contract<typeof notificationTemplateSchema>;

/** A queued or sent message with its delivery status (never its payload nor an address). */
export const outboxRowSchema = z.object({
  id: z.number(),
  topic: z.string(),
  channel: z.enum(['in_app', 'email', 'sms']),
  recipientKind: z.enum(['user', 'complainant']),
  recipientUserId: z.string().nullable(),
  complaintId: z.string().nullable(),
  complaintReference: z.string().nullable(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  nextAttemptAt: timestampSchema.nullable(),
});
export type OutboxRow = Contract<typeof outboxRowSchema>;

export const outboxRetriedSchema = z.object({ id: z.number(), status: z.string() });
