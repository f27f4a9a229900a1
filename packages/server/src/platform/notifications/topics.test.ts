import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/driver.js';
import type { AppError } from '../../http/app-error.js';
import { enqueue } from './outbox.js';
import { isTopic, type NotificationTopic, registerTopics, requireTopic } from './topics.js';

const text = { subject: 'S', body: 'B {code}' };
const topic: NotificationTopic = {
  name: 'test_topic_a',
  variables: ['code'],
  texts: { in_app: { fr: text, en: text } },
};

/** A database that must not be reached: a refused message writes nothing. */
const noDb: Queryable = {
  query: () => {
    throw new Error('the outbox was written');
  },
} as unknown as Queryable;

describe('notification topics registry', () => {
  it('knows a registered topic, and registering the same definition again is harmless', () => {
    registerTopics([topic]);
    registerTopics([topic]);
    expect(isTopic('test_topic_a')).toBe(true);
    expect(requireTopic('test_topic_a')).toBe(topic);
  });

  it('refuses two different definitions of one name', () => {
    registerTopics([topic]);
    expect(() => registerTopics([{ ...topic }])).toThrow(/registered twice/);
  });

  it('refuses a topic no module registered with a 400, and queues nothing', async () => {
    const err = await enqueue(noDb, {
      topic: 'never_registered',
      channel: 'in_app',
      recipient: { kind: 'user', userId: '00000000-0000-0000-0000-000000000001' },
      subject: null,
      payload: {},
    }).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'validation_error', status: 400 });
    expect((err as AppError).details).toEqual([{ path: 'topic', message: 'unknown_topic' }]);
  });
});
