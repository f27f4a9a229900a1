import 'fake-indexeddb/auto';
import { deviceSchema, FORMS_DEVICE_ENTITIES, GRM_DEVICE_ENTITIES } from '@coso/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteIdbStore, type IdbStore, openIdbStore } from '../platform/idb-store';
import { createDraftStore, type FormDraft, referencedFiles } from './draft-store';

const SCHEMA = deviceSchema([...GRM_DEVICE_ENTITIES, ...FORMS_DEVICE_ENTITIES]);
const opened: IdbStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) {
    s.close();
    await deleteIdbStore(s.userId);
  }
});

async function open(userId: string) {
  const s = await openIdbStore(userId, SCHEMA);
  opened.push(s);
  return s;
}

const draft = (id: string, over: Partial<FormDraft> = {}): FormDraft => ({
  id,
  formVersionId: 'v1',
  formId: 'visite',
  title: { fr: 'Visite' },
  answers: {},
  page: 0,
  startedAt: '2026-12-07T08:00:00.000Z',
  updatedAt: '',
  files: {},
  ...over,
});

describe('form drafts on the phone', () => {
  it('survive closing the database (a reload), with their page, answers and photos', async () => {
    const user = crypto.randomUUID();
    let clock = Date.parse('2026-12-07T09:00:00Z');
    const tick = () => {
      clock += 60_000;
      return new Date(clock);
    };
    const drafts = createDraftStore(await open(user), tick);
    const photo = {
      blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }),
      name: 'p.jpg',
      type: 'image/jpeg',
    };
    await drafts.save(
      draft('d1', {
        answers: { village: 'Lama', photo: 'local-file.a', membres: [{ nom: 'Awa' }] },
        page: 3,
        files: { 'local-file.a': photo, 'local-file.replaced': photo },
      }),
    );
    await drafts.save(draft('d2'));
    opened[0]!.close();

    const again = createDraftStore(await open(user));
    expect((await again.list()).map((d) => [d.id, d.page])).toEqual([
      ['d2', 0],
      ['d1', 3],
    ]);
    const back = await again.get('d1');
    expect(back?.answers).toEqual({ village: 'Lama', photo: 'local-file.a', membres: [{ nom: 'Awa' }] });
    expect(Object.keys(back!.files)).toEqual(['local-file.a']);
    expect(await back!.files['local-file.a']!.blob.text()).toBe('jpeg bytes');
    expect(back?.updatedAt).toBe('2026-12-07T09:01:00.000Z');
  });

  it('keeps every id when saves come quickly one after the other, and removes a draft', async () => {
    const drafts = createDraftStore(await open(crypto.randomUUID()));
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => drafts.save(draft(id))));
    expect((await drafts.list()).map((d) => d.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    await drafts.remove('b');
    expect((await drafts.list()).map((d) => d.id).sort()).toEqual(['a', 'c', 'd']);
    expect(await drafts.get('b')).toBeUndefined();
  });

  it('are wiped with the phone’s data at logout', async () => {
    const store = await open(crypto.randomUUID());
    const drafts = createDraftStore(store);
    await drafts.save(draft('x'));
    await store.wipe();
    expect(await drafts.list()).toEqual([]);
  });

  it('keep only the files an answer names, at any depth, by the whole value', () => {
    const f = { blob: new Blob(['x']), name: 'x', type: 'image/png' };
    const files = { 'local-file.1': f, 'local-file.2': f, 'local-file.3': f };
    const answers = { a: 'local-file.1', r: [{ s: 'local-file.2' }], t: 'see local-file.3' };
    expect(Object.keys(referencedFiles(answers, files))).toEqual(['local-file.1', 'local-file.2']);
  });
});
