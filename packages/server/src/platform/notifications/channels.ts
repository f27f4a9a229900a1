import type { FastifyBaseLogger } from 'fastify';
import type { NotificationSettings } from '../../config.js';
import { smtpChannel } from './email.js';
import { httpSmsGateway, logSmsGateway } from './sms.js';

/**
 * A delivery that failed. `permanent` ones are not retried (an address refused, a request the provider
 * rejects as malformed); the others (network, timeout, provider overloaded) are retried with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** What an external channel sends: the text is already rendered, the address already read. */
export interface OutgoingMessage {
  /** The outbox row id: the idempotency key and Message-ID given to the provider. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * An external channel (email, SMS): resolves with the provider's id when it took the message, or throws
 * (a DeliveryError says whether to retry; anything else counts as transient). The in-app channel is not one
 * of these: it is a database insert that must commit with the "sent" mark, so the sender does it in its
 * transaction (sender.ts).
 */
export interface DeliveryChannel {
  deliver(message: OutgoingMessage): Promise<{ providerId?: string | null }>;
}

export interface Channels {
  /** null when SMTP_URL is not set: email rows are then skipped ("email not configured"). */
  email: DeliveryChannel | null;
  sms: DeliveryChannel;
}

/** The channels of the configuration: SMTP when SMTP_URL is set; the log-only or the HTTP SMS gateway. */
export function createChannels(settings: NotificationSettings, log: FastifyBaseLogger): Channels {
  return {
    email: settings.smtpUrl ? smtpChannel(settings.smtpUrl, settings.smtpFrom) : null,
    sms: settings.sms.gateway === 'http' ? httpSmsGateway(settings.sms) : logSmsGateway(log),
  };
}
