import type { AppNotification, NotificationTemplate, OutboxRow } from '@coso/domain';
import { http } from './client';
import type { Page } from './types';

/** The staff member's in-app notifications (server platform/notifications inbox routes). */
export type { AppNotification, NotificationTemplate, OutboxRow } from '@coso/domain';

export const listNotifications = (query: { unread?: boolean; cursor?: string | null; limit?: number }) =>
  http.get<Page<AppNotification>>('/api/v1/notifications', {
    unread: query.unread ? 'true' : undefined,
    cursor: query.cursor ?? undefined,
    limit: query.limit,
  });
export const unreadCount = () =>
  http.get<{ count: number }>('/api/v1/notifications/unread-count').then((r) => r.count);
export const markRead = (id: number) => http.post<void>(`/api/v1/notifications/${id}/read`);
export const markAllRead = () => http.post<{ updated: number }>('/api/v1/notifications/read-all');

/** Message templates (administrators): the effective text of every topic × channel × locale. */
export type NotificationChannel = 'in_app' | 'email' | 'sms';

const templatePath = (t: Pick<NotificationTemplate, 'topic' | 'channel' | 'locale'>) =>
  `/api/v1/notification-templates/${t.topic}/${t.channel}/${t.locale}`;

export const listTemplates = () =>
  http.get<{ items: NotificationTemplate[] }>('/api/v1/notification-templates').then((r) => r.items);
export const saveTemplate = (t: NotificationTemplate, body: { subject?: string; body: string }) =>
  http.put<NotificationTemplate>(templatePath(t), body);
export const resetTemplate = (t: NotificationTemplate) => http.delete(templatePath(t));

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export const listOutbox = (query: { status?: string; channel?: string; cursor?: string | null }) =>
  http.get<Page<OutboxRow>>('/api/v1/notification-outbox', {
    status: query.status || undefined,
    channel: query.channel || undefined,
    cursor: query.cursor ?? undefined,
    limit: 50,
  });
export const retryOutbox = (id: number) => http.post<unknown>(`/api/v1/notification-outbox/${id}/retry`);
