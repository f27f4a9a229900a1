import type { Locale } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';
import { type Channel, enqueue } from '../../platform/notifications/outbox.js';
import type { NotificationTopic, SubjectKind, TemplateText } from '../../platform/notifications/topics.js';

/**
 * The DCC module's messages: a specialist's decision on a submitted task goes to the facilitator who submitted
 * it, in-app (and by email when the account has an address; SMS through the administrator's templates if
 * ever wanted). Payloads carry the task's code and name, the unit's name and the cycle: never a person's name.
 */

const VARIABLES = ['taskCode', 'taskName', 'unitName', 'cycle', 'comment'] as const;

type Texts = { fr: TemplateText; en: TemplateText };
const staff = (fr: TemplateText, en: TemplateText): Partial<Record<Channel, Texts>> => ({
  in_app: { fr, en },
  email: { fr, en },
});

export const DCC_TOPICS = {
  dcc_task_validated: staff(
    {
      subject: 'Tâche {taskCode} validée',
      body: 'La tâche « {taskName} » ({taskCode}) de {unitName} a été validée ({cycle}).',
    },
    {
      subject: 'Task {taskCode} validated',
      body: 'Task "{taskName}" ({taskCode}) of {unitName} was validated ({cycle}).',
    },
  ),
  dcc_task_returned: staff(
    {
      subject: 'Tâche {taskCode} à corriger',
      body: 'La tâche « {taskName} » ({taskCode}) de {unitName} vous est renvoyée ({cycle}). Commentaire : {comment}',
    },
    {
      subject: 'Task {taskCode} returned',
      body: 'Task "{taskName}" ({taskCode}) of {unitName} was returned to you ({cycle}). Comment: {comment}',
    },
  ),
} as const;
export type DccTopic = keyof typeof DCC_TOPICS;

export const dccNotificationTopics: readonly NotificationTopic[] = (
  Object.keys(DCC_TOPICS) as DccTopic[]
).map((name) => ({ name, variables: VARIABLES, texts: DCC_TOPICS[name] }));

/** A task instance as the subject of messages: its reference in the administrator's outbox is the task code. */
export const dccSubjectKinds: readonly SubjectKind[] = [
  {
    entityType: 'dcc_task_instance',
    referenceSql: `select t.code from dcc_task_instances ti join dcc_tasks t on t.id = ti.task_id
                    where ti.id = o.entity_id::uuid`,
  },
];

/**
 * Queues the decision's message to the facilitator who submitted the instance, in the review's transaction
 * (it exists if and only if the decision commits). One message per channel, deduplicated per version.
 */
export async function notifyDecision(
  q: Queryable,
  topic: DccTopic,
  instanceId: string,
  version: number,
  recipientId: string,
  payload: Record<string, string>,
) {
  const [user] = await q.query<{ email: string | null; locale: Locale; active: boolean }>(
    'select email, locale, active from users where id = $1',
    [recipientId],
  );
  if (!user?.active) return;
  const channels: Channel[] = user.email ? ['in_app', 'email'] : ['in_app'];
  for (const channel of channels) {
    await enqueue(q, {
      topic,
      channel,
      recipient: { kind: 'user', userId: recipientId },
      subject: { type: 'dcc_task_instance', id: instanceId },
      locale: user.locale === 'en' ? 'en' : 'fr',
      payload,
      dedupeKey: `${topic}:${instanceId}:${version}:${channel}`,
    });
  }
}
