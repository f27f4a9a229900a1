import nodemailer from 'nodemailer';
import { type DeliveryChannel, DeliveryError } from './channels.js';

/**
 * Email over SMTP (smtp://user:pass@host:port, or smtps:// for implicit TLS). Timeouts are short so that one
 * delivery always ends well within the sender's lease (2 minutes): a row is never left 'sending' by a slow
 * server while the sender is still alive.
 */
export function smtpChannel(url: string, from: string): DeliveryChannel {
  const mailer = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
  });
  return {
    async deliver(m) {
      try {
        const info = await mailer.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          // Derived from the outbox row: a second delivery of the same row would carry the same id.
          messageId: messageIdOf(m.id),
        });
        return { providerId: info.messageId ?? null };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // A 5xx SMTP reply refuses the message for good; network errors and 4xx replies may pass later.
        throw new DeliveryError(`smtp: ${(err as Error).message}`, code !== undefined && code >= 500);
      }
    },
  };
}

export const messageIdOf = (outboxId: string) => `<outbox-${outboxId}@coso.platform>`;
