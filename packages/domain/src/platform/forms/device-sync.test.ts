import { describe, expect, it } from 'vitest';
import { formSubmitPayloadSchema } from '../schemas/forms-response.js';
import { createDeviceEngine } from '../sync/engine.js';
import { createFakeServer, type FakeHandler } from '../sync/fake-server.js';
import { createMemoryStore } from '../sync/memory-store.js';
import type { Mutation } from '../sync/protocol.js';
import type { FormDefinition } from './definition.js';
import {
  FORM_SUBMIT,
  FORMS_DEVICE_ENTITIES,
  FORMS_TABLE,
  formsDevice,
  LOCAL_FILE_PREFIX,
  submitPayloadWithUploads,
} from './device-sync.js';

const V1 = '0b9a4c7e-2f10-4c11-9d2a-000000000001';
const V2 = '0b9a4c7e-2f10-4c11-9d2a-000000000002';
const A1 = '0b9a4c7e-2f10-4c11-9d2a-000000000003';

const definition = (version: string): FormDefinition => ({
  schemaVersion: 1,
  formId: 'visite',
  version,
  title: { fr: 'Visite du village', en: 'Village visit' },
  fields: [
    { type: 'text', name: 'village', required: true },
    { type: 'image', name: 'photo' },
    { type: 'repeat', name: 'membres', children: [{ type: 'signature', name: 'signature' }] },
  ],
  choices: {},
});

function setup(submit?: FakeHandler) {
  const received: Mutation[] = [];
  const server = createFakeServer({
    mutations: {
      [FORM_SUBMIT]:
        submit ??
        ((m) => {
          received.push(m);
          return { status: 'applied', result: { id: (m.payload as { id: string }).id } };
        }),
    },
  });
  server.put(FORMS_TABLE, {
    id: V1,
    formId: 'visite',
    version: '1',
    title: {},
    definition: definition('1'),
  });
  server.put(FORMS_TABLE, {
    id: V2,
    formId: 'visite',
    version: '2',
    title: { fr: 'Visite du village' },
    definition: definition('2'),
  });
  server.put(FORMS_TABLE, {
    id: A1,
    formId: 'audit',
    version: '1',
    title: { fr: 'Audit social' },
    definition: { ...definition('1'), formId: 'audit' },
  });
  const store = createMemoryStore();
  const engine = createDeviceEngine({ store, transport: server.transport, entities: FORMS_DEVICE_ENTITIES });
  return { server, store, engine, forms: formsDevice(engine), received };
}

const file = (text: string) => ({ blob: new Blob([text]), name: 'photo.jpg', type: 'image/jpeg' });

describe('forms on the device', () => {
  it('lists the newest version of each published form by title, and keeps every version', async () => {
    const { engine, forms } = setup();
    expect((await engine.sync()).ok).toBe(true);
    expect((await forms.publishedForms()).map((f) => [f.id, f.formId, f.version])).toEqual([
      [A1, 'audit', '1'],
      [V2, 'visite', '2'],
    ]);
    expect((await forms.formVersions()).map((f) => f.id).sort()).toEqual([A1, V1, V2].sort());
    expect((await forms.formVersion(V1))?.definition.version).toBe('1');
    expect(await forms.formVersion('nope')).toBeUndefined();
  });

  it('queues a submission offline, shows it pending, then pushes it with the upload ids in the answers', async () => {
    const { engine, forms, server, received } = setup();
    await engine.sync();
    server.fail('push', 'offline');
    const photo = `${LOCAL_FILE_PREFIX}p1`;
    const signature = `${LOCAL_FILE_PREFIX}s1`;
    const unused = `${LOCAL_FILE_PREFIX}gone`;
    const { id, mutationId } = await forms.submitForm({
      formVersionId: V2,
      answers: { village: 'Lama', photo, membres: [{ signature }] },
      startedAt: '2026-12-07T09:00:00+00:00',
      files: new Map([
        [photo, file('photo')],
        [signature, file('sig')],
        [unused, file('removed from the answers')],
      ]),
    });
    expect(await forms.pendingSubmissions()).toEqual([
      { id, mutationId, formVersionId: V2, queuedAt: expect.any(String) },
    ]);
    expect((await engine.status()).pendingFiles).toBe(2);
    expect((await engine.sync()).ok).toBe(false);
    expect(await forms.pendingSubmissions()).toHaveLength(1);

    expect((await engine.sync()).ok).toBe(true);
    expect(received).toHaveLength(1);
    const sent = received[0]!.payload as Record<string, unknown>;
    expect(sent).not.toHaveProperty('localFiles');
    // What the server's strict schema accepts.
    expect(formSubmitPayloadSchema.safeParse(sent).success).toBe(true);
    expect(sent.answers).toEqual({
      village: 'Lama',
      photo: expect.stringMatching(/^up-/),
      membres: [{ signature: expect.stringMatching(/^up-/) }],
    });
    expect(sent).toMatchObject({ id, formVersionId: V2, startedAt: '2026-12-07T09:00:00+00:00' });
    expect(await forms.pendingSubmissions()).toEqual([]);
    expect((await engine.status()).files).toEqual([]);
  });

  it('keeps a refused submission with the server’s errors for the user, out of the pending list', async () => {
    const details = [{ field: 'village', code: 'required', message: 'Ce champ est obligatoire.' }];
    const { engine, forms } = setup(() => ({
      status: 'rejected',
      code: 'form_invalid',
      message: 'Le formulaire contient des erreurs.',
      details,
    }));
    await engine.sync();
    const { mutationId } = await forms.submitForm({ formVersionId: V2, answers: {} });
    await engine.sync();
    expect(await forms.pendingSubmissions()).toEqual([]);
    const [failed] = (await engine.status()).failed;
    expect(failed?.mutation.id).toBe(mutationId);
    expect(failed?.result).toMatchObject({ code: 'form_invalid', details });
  });

  it('refuses to queue a malformed submission', async () => {
    const { engine } = setup();
    await expect(engine.enqueue(FORM_SUBMIT, { id: 'x', formVersionId: V2, answers: {} })).rejects.toThrow();
  });

  it('leaves answers alone when no file was uploaded, and a file missing its upload becomes empty', () => {
    const payload = { id: 'i', formVersionId: 'v', answers: { a: 'text', b: `${LOCAL_FILE_PREFIX}1` } };
    expect(submitPayloadWithUploads(payload, [])).toEqual(payload);
    expect(submitPayloadWithUploads({ ...payload, localFiles: [`${LOCAL_FILE_PREFIX}1`] }, [])).toEqual({
      ...payload,
      answers: { a: 'text', b: '' },
    });
  });
});
