import type { Queryable } from '../../db/driver.js';
import { validationError } from '../../http/app-error.js';
import type { Vault } from '../../vault/vault.js';

export const CHANNELS = ['in_app', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * A kind of message, registered by the module that produces it (modules/grm/notifications/topics.ts). Its
 * variables are all a payload may carry and a template may use; its built-in texts say on which channels it
 * goes (French and English).
 */
export interface NotificationTopic {
  name: string;
  variables: readonly string[];
  /** Variables that are secrets (a one-time code): erased from the row once it is final, never retried. */
  secretVariables?: readonly string[];
  texts: Partial<Record<Channel, { fr: TemplateText; en: TemplateText }>>;
}

/**
 * How a message to the person a subject is about (recipient kind 'complainant': a complainant, later a
 * beneficiary…) finds its address at sending time, per entity type; registered by the entity's module.
 */
export type ContactResolver = (
  q: Queryable,
  vault: Vault,
  entityId: string,
) => Promise<{ email?: string | null; phone?: string | null } | undefined>;

/**
 * What a subject shows in the administrator's outbox (its reference), per entity type: a SQL expression
 * over the alias `o` (the outbox row), e.g. a scalar subquery.
 */
export interface SubjectKind {
  entityType: string;
  contact?: ContactResolver;
  /** SQL returning the subject's human reference for the outbox row `o`, or null. */
  referenceSql?: string;
}

const topics = new Map<string, NotificationTopic>();
const subjects = new Map<string, SubjectKind>();

function put<T>(map: Map<string, T>, name: string, value: T, what: string) {
  const existing = map.get(name);
  if (existing !== undefined && existing !== value) throw new Error(`${what} ${name} is registered twice`);
  map.set(name, value);
}

/**
 * Called by the composition root with each module's topics. Registering the same definition again is a
 * no-op (several apps in one test process); two different definitions of one name are a programming error.
 */
export function registerTopics(list: readonly NotificationTopic[]) {
  for (const t of list) put(topics, t.name, t, 'notification topic');
}

export function registerSubjectKinds(list: readonly SubjectKind[]) {
  for (const s of list) put(subjects, s.entityType, s, 'notification subject');
}

export const isTopic = (name: string) => topics.has(name);
export const allTopics = () => [...topics.values()];
export const findTopic = (name: string) => topics.get(name);
export const subjectKind = (entityType: string) => subjects.get(entityType);
export const allSubjectKinds = () => [...subjects.values()];

/** The registered topic; a name no module registered is refused (400 validation_error, path `topic`). */
export function requireTopic(name: string): NotificationTopic {
  const topic = topics.get(name);
  if (!topic) throw validationError([{ path: 'topic', message: 'unknown_topic' }]);
  return topic;
}

export const topicVariables = (name: string): readonly string[] => topics.get(name)?.variables ?? [];
export const secretVariables = () => [...new Set(allTopics().flatMap((t) => t.secretVariables ?? []))];
