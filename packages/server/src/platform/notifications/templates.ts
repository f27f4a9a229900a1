import type { Queryable } from '../../db/driver.js';
import { AppError, validationError } from '../../http/app-error.js';
import type { Topic } from './outbox.js';
import { allTopics, type Channel, findTopic, isTopic, type TemplateText, topicVariables } from './topics.js';

export { isTopic };

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

export interface Template extends TemplateText {
  topic: Topic;
  channel: Channel;
  locale: Locale;
  variables: readonly string[];
  custom: boolean;
  updatedAt: Date | null;
}

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/** The channels a topic is sent on (those with a built-in text). */
export const channelsOf = (topic: Topic) => Object.keys(findTopic(topic)?.texts ?? {}) as Channel[];

/** Placeholders of `text` that the topic does not offer. */
export function unknownPlaceholders(topic: Topic, text: string): string[] {
  const allowed = topicVariables(topic);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((v) => !allowed.includes(v));
}

/** The topic's variables that `text` uses but `payload` lacks: such a text must not go out half-filled. */
export function missingVariables(topic: Topic, text: string, payload: Record<string, unknown>): string[] {
  const allowed = topicVariables(topic);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter(
    (v) => allowed.includes(v) && (payload[v] === undefined || payload[v] === null),
  );
}

/** Fills `{variable}` placeholders; only the topic's variables are ever filled, anything else stays as is. */
export function render(topic: Topic, text: string, payload: Record<string, unknown>): string {
  const allowed = topicVariables(topic);
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    allowed.includes(name) && payload[name] !== undefined && payload[name] !== null
      ? String(payload[name])
      : whole,
  );
}

interface OverrideRow {
  topic: string;
  channel: Channel;
  locale: Locale;
  subject: string;
  body: string;
  updatedAt: Date;
}

async function overrides(q: Queryable, where = '', params: unknown[] = []) {
  return q.query<OverrideRow>(
    `select topic, channel, locale, subject, body, updated_at as "updatedAt" from notification_templates ${where}`,
    params,
  );
}

function effective(topic: Topic, channel: Channel, locale: Locale, row: OverrideRow | undefined): Template {
  const base = findTopic(topic)!.texts[channel]![locale];
  return {
    topic,
    channel,
    locale,
    subject: row?.subject ?? base.subject,
    body: row?.body ?? base.body,
    variables: topicVariables(topic),
    custom: row !== undefined,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Every topic × channel × locale with its effective text (the admin's override, else the built-in one). */
export async function listTemplates(q: Queryable): Promise<Template[]> {
  const rows = new Map((await overrides(q)).map((r) => [`${r.topic}/${r.channel}/${r.locale}`, r]));
  return allTopics().flatMap(({ name: topic }) =>
    channelsOf(topic).flatMap((channel) =>
      LOCALES.map((locale) => effective(topic, channel, locale, rows.get(`${topic}/${channel}/${locale}`))),
    ),
  );
}

/** The text to send; undefined when the topic is not sent on that channel. */
export async function findTemplate(q: Queryable, topic: Topic, channel: Channel, locale: Locale) {
  if (!findTopic(topic)?.texts[channel]) return undefined;
  const [row] = await overrides(q, 'where topic = $1 and channel = $2 and locale = $3', [
    topic,
    channel,
    locale,
  ]);
  return effective(topic, channel, locale, row);
}

/**
 * Checks an edited text before it is saved, so that a bad one fails here rather than at sending time: only
 * the topic's variables (422 template_unknown_placeholder), and a subject where the channel shows one (the
 * email subject, the in-app title).
 */
export function checkTemplate(topic: Topic, channel: Channel, text: { subject: string; body: string }) {
  const unknown = [
    ...unknownPlaceholders(topic, text.subject).map((placeholder) => ({ path: 'subject', placeholder })),
    ...unknownPlaceholders(topic, text.body).map((placeholder) => ({ path: 'body', placeholder })),
  ];
  if (unknown.length) {
    throw new AppError('template_unknown_placeholder', { unknown, allowed: topicVariables(topic) });
  }
  if (channel !== 'sms' && !text.subject.trim()) {
    throw validationError([{ path: 'subject', message: 'required' }]);
  }
}
