import { createMemoryStore, LOCAL_FILE_PREFIX, type OutboxEntry } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  draftFromRefused,
  forgetSent,
  logSent,
  type SentForm,
  sentForms,
  sentState,
  serverErrors,
} from './submissions';

const sent = (id: string, mutationId = `m-${id}`): SentForm => ({
  id,
  mutationId,
  formVersionId: 'v1',
  formId: 'visite',
  title: { fr: 'Visite' },
  queuedAt: '2026-12-07T10:00:00.000Z',
});

const PHOTO = `${LOCAL_FILE_PREFIX}photo`;
const refused: OutboxEntry = {
  mutation: {
    id: 'm-s1',
    type: 'form.submit',
    clientTime: '2026-12-07T10:00:00.000+00:00',
    payload: {
      id: 's1',
      formVersionId: 'v1',
      answers: { village: '', photo: PHOTO },
      startedAt: '2026-12-07T09:00:00.000Z',
      localFiles: [PHOTO],
    },
  },
  files: ['file-1'],
  state: 'rejected',
  attempts: 1,
  result: {
    id: 'm-s1',
    status: 'rejected',
    code: 'form_invalid',
    message: 'Le formulaire contient des erreurs.',
    details: { errors: [{ field: 'village', code: 'required', message: 'Cette question est obligatoire.' }] },
  },
};

describe('what the phone sent', () => {
  it('is logged newest first, once per submission, and can be forgotten', async () => {
    const store = createMemoryStore();
    await logSent(store, sent('a'));
    await logSent(store, sent('b'));
    await logSent(store, sent('a'));
    expect((await sentForms(store)).map((s) => s.id)).toEqual(['a', 'b']);
    await forgetSent(store, 'a');
    expect((await sentForms(store)).map((s) => s.id)).toEqual(['b']);
  });

  it('is pending while in the outbox, refused when the server said no, sent once gone', () => {
    const pending = { ...refused, state: 'pending' as const };
    expect(sentState(sent('s1'), [pending]).state).toBe('pending');
    expect(sentState(sent('s1'), [refused])).toEqual({ state: 'refused', entry: refused });
    expect(sentState(sent('s1'), []).state).toBe('sent');
  });

  it('reads the server’s reasons in either shape, and nothing from a refusal without them', () => {
    const reasons = [{ field: 'village', message: 'Cette question est obligatoire.' }];
    expect(serverErrors(refused)).toEqual(reasons);
    expect(
      serverErrors({
        ...refused,
        result: { ...refused.result!, details: [{ field: 'village', message: reasons[0]!.message }] },
      }),
    ).toEqual(reasons);
    expect(
      serverErrors({ ...refused, result: { id: 'm', status: 'rejected', code: 'form_attachment_missing' } }),
    ).toEqual([]);
  });

  it('becomes a draft again with its answers, its photo and the server’s reasons', async () => {
    const source = {
      files: async () => [{ id: 'file-1', name: 'pv.jpg', type: 'image/jpeg', size: 5, uploaded: 0 }],
      fileBlob: async (id: string) =>
        id === 'file-1' ? new Blob(['bytes'], { type: 'image/jpeg' }) : undefined,
    };
    const draft = await draftFromRefused(sent('s1'), refused, source, new Date('2026-12-07T11:00:00Z'));
    expect(draft).toMatchObject({
      id: 's1',
      formVersionId: 'v1',
      formId: 'visite',
      answers: { village: '', photo: PHOTO },
      page: 0,
      startedAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T11:00:00.000Z',
      serverErrors: [{ field: 'village', message: 'Cette question est obligatoire.' }],
      serverMessage: 'Le formulaire contient des erreurs.',
    });
    expect(draft.files[PHOTO]).toMatchObject({ name: 'pv.jpg', type: 'image/jpeg' });
    expect(await draft.files[PHOTO]!.blob.text()).toBe('bytes');
  });
});
