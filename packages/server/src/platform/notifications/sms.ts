import type { FastifyBaseLogger } from 'fastify';
import type { NotificationSettings } from '../../config.js';
import { type DeliveryChannel, DeliveryError } from './channels.js';

/** "+22890112233" → "*********33": enough to tell two messages apart in a log, not to call anyone. */
export const maskPhone = (phone: string) => `${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;

/** Training, demo and tests: the SMS is written to the server log, never sent. */
export function logSmsGateway(log: FastifyBaseLogger): DeliveryChannel {
  return {
    async deliver(m) {
      log.info({ outboxId: m.id, to: maskPhone(m.to), text: m.text }, 'SMS (log gateway, not sent)');
      return { providerId: null };
    },
  };
}

/**
 * A generic HTTP SMS gateway (contract in docs/notifications.md): POST of the configured JSON body to the
 * configured URL, with the configured authorisation header and `Idempotency-Key: coso-<outbox id>`.
 * 2xx: sent; 4xx: refused for good; 5xx, network errors and timeouts: retried later.
 */
export function httpSmsGateway(settings: NotificationSettings['sms']): DeliveryChannel {
  if (!settings.url) throw new Error('SMS_GATEWAY_URL is required with SMS_GATEWAY=http');
  const url = settings.url;
  const auth = parseHeader(settings.authHeader);
  return {
    async deliver(m) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': `coso-${m.id}`,
        ...auth,
      };
      const body = fillJson(settings.bodyTemplate, { to: m.to, text: m.text, id: m.id });
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
      } catch (err) {
        throw new DeliveryError(`sms gateway unreachable: ${(err as Error).message}`, false);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        // The status arrived but the body was cut: a 2xx still means the gateway took the message.
        if (res.ok) return { providerId: null };
        throw new DeliveryError(`sms gateway: HTTP ${res.status}, ${(err as Error).message}`, false);
      }
      if (!res.ok) {
        throw new DeliveryError(`sms gateway: HTTP ${res.status} ${text.slice(0, 200)}`, res.status < 500);
      }
      return { providerId: providerIdOf(text) };
    },
  };
}

/** "Authorization: Bearer xyz" → { authorization: 'Bearer xyz' } (the config checked its shape). */
function parseHeader(line: string | undefined): Record<string, string> {
  if (!line) return {};
  const at = line.indexOf(':');
  return { [line.slice(0, at).trim().toLowerCase()]: line.slice(at + 1).trim() };
}

/**
 * Replaces {to}, {text} and {id} in a JSON text with the JSON-escaped values, without their quotes: the
 * template puts the quotes, e.g. {"to":"{to}","text":"{text}"}. Quotes or newlines in the text cannot break
 * the JSON.
 */
export function fillJson(template: string, values: { to: string; text: string; id: string }): string {
  return template.replace(/\{(to|text|id)\}/g, (_, k: 'to' | 'text' | 'id') =>
    JSON.stringify(values[k]).slice(1, -1),
  );
}

/** The gateway's message id from a JSON answer `{ "id": … }` or `{ "messageId": … }`, if any. */
function providerIdOf(text: string): string | null {
  try {
    const json = JSON.parse(text) as { id?: unknown; messageId?: unknown } | null;
    const id = json?.id ?? json?.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}
