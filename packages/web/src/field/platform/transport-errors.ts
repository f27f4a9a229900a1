import { TransportError } from '@coso/domain';
import type { FetchedResponse } from './fetch-deadline';

export type TransportLanguage = 'fr' | 'en';

/** Codes after which this device may no longer sync at all: its local data is wiped. */
const REVOKED_CODES = new Set(['account_disabled']);

const MESSAGES = {
  offline: { fr: 'Pas de connexion au serveur.', en: 'No connection to the server.' },
  timeout: {
    fr: 'Le serveur ne répond pas à temps (connexion lente ou coupée).',
    en: 'The server did not answer in time (slow or broken connection).',
  },
  fileMissing: {
    fr: "Le fichier « {name} » n'est plus sur cet appareil.",
    en: 'The file "{name}" is no longer on this device.',
  },
  unexpected: {
    fr: 'Réponse inattendue du serveur (HTTP {status}).',
    en: 'Unexpected answer from the server (HTTP {status}).',
  },
} as const;

export function networkError(language: TransportLanguage, timedOut: boolean): TransportError {
  return new TransportError('offline', MESSAGES[timedOut ? 'timeout' : 'offline'][language]);
}

/** A queued photo or recording whose bytes are gone (storage cleared by the system): it can never upload. */
export function fileMissingError(language: TransportLanguage, name: string): TransportError {
  return new TransportError('server', MESSAGES.fileMissing[language].replace('{name}', name), 'file_missing');
}

function unexpected(language: TransportLanguage, status: number): string {
  return MESSAGES.unexpected[language].replace('{status}', String(status));
}

/** The API's error body is `{ code, message, details? }` (http/error-handler.ts); proxies send anything. */
function errorBody(text: string): { code?: string; message?: string } {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return {
      code: typeof body.code === 'string' ? body.code : undefined,
      message: typeof body.message === 'string' ? body.message : undefined,
    };
  } catch {
    return {};
  }
}

/** The longest Retry-After obeyed: a wrong header must not silence a phone for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * `Retry-After` (RFC 9110: seconds, or an HTTP date) in milliseconds from `now`, capped; undefined when absent
 * or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // An HTTP date names its day and month; anything else that is not plain seconds is garbage ("-5").
  const ms = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : /[a-z]/i.test(trimmed)
      ? Date.parse(trimmed) - now
      : Number.NaN;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/**
 * Maps a non-2xx answer: 401 → log in again, 403 account_disabled → wipe, anything else → retry later (not
 * before the server's Retry-After on a 503 or a 429: it is overloaded).
 */
export function httpError(
  language: TransportLanguage,
  status: number,
  text: string,
  headers?: Pick<Headers, 'get'>,
): TransportError {
  const { code, message } = errorBody(text);
  const shown = message ?? unexpected(language, status);
  if (status === 401) return new TransportError('auth', shown, code ?? 'unauthenticated');
  if (status === 403 && code && REVOKED_CODES.has(code)) return new TransportError('revoked', shown, code);
  const wait = status === 503 || status === 429 ? retryAfterMs(headers?.get('retry-after')) : undefined;
  return new TransportError('server', shown, code ?? `http_${status}`, wait);
}

/** A 2xx answer's JSON body; an unreadable one (a captive portal's page) is a server error. */
export function jsonBody<T>(language: TransportLanguage, response: FetchedResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new TransportError('server', unexpected(language, response.status), 'invalid_response');
  }
}
