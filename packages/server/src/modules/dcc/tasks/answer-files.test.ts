import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DCC_ANSWER_FILES_SLOT, DCC_MUTATION_TYPES } from '@coso/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANSWERS, DEMO_FORM, seedDemoForm } from '../../../platform/forms/demo-form.js';
import { makeCycle, makeDccTree } from '../../../test/dcc-kit.js';
import { createTestApp, login, makeUser, type Session, type TestApp } from '../../../test/harness.js';
import { mutation, push } from '../../../test/sync-push-kit.js';
import { uploadBytes } from '../../../test/upload-kit.js';
import { generateInstances } from '../instances/generate.js';

/**
 * The files a task's form questions name (a photo question, not an attachment slot): a draft's answers name
 * completed uploads of the facilitator, which the server claims as files of the task, through the REST route
 * and the `dcc.task.save_draft` mutation alike; an unknown or placeholder id is a 4xx and writes nothing.
 */

let t: TestApp;
let facilitator: Session;
let specialist: Session;
let photo: Buffer;
let instanceIds: string[];
const BASE = '/api/v1/dcc/task-instances';
const withPhoto = (photoPv: string) => ({ ...DEMO_ANSWERS, pv_signe: true, photo_pv: photoPv });

const put = (id: string, answers: object, baseVersion: number) =>
  t.app.inject({
    method: 'PUT',
    url: `${BASE}/${id}/draft`,
    headers: { ...facilitator.headers, 'accept-language': 'fr' },
    payload: { answers, baseVersion },
  });

const filesOf = (id: string) =>
  t.db.query<{ slot: string; uploadId: string }>(
    'select slot, upload_id as "uploadId" from dcc_task_files where instance_id = $1 order by added_at',
    [id],
  );

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'coso-dcc-answer-files-')) });
  const tree = await makeDccTree(t.db);
  await seedDemoForm(t.db, t.services.forms);
  const cycleId = await makeCycle(t.db, [tree.a.canton], {
    phases: [
      {
        name: 'Mobilisation',
        activities: [
          {
            name: 'Assemblée',
            tasks: [
              { code: 'V1', name: 'Assemblée villageoise', level: 'village', formId: DEMO_FORM.formId },
            ],
          },
        ],
      },
    ],
  });
  await generateInstances(t.db, cycleId);
  const village = tree.a.villages[0]!;
  const f = await makeUser(t, ['facilitator'], [village]);
  await t.db.query(
    'insert into dcc_assignments (id, cycle_id, village_id, facilitator_id) values ($1, $2, $3, $4)',
    [randomUUID(), cycleId, village.id, f.id],
  );
  facilitator = await login(t, f.username);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.a.region])).username);
  instanceIds = (
    await t.db.query<{ id: string }>('select id from dcc_task_instances where unit_id = $1', [village.id])
  ).map((r) => r.id);
  photo = await sharp(randomBytes(16 * 16 * 3), { raw: { width: 16, height: 16, channels: 3 } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.close();
  await rm(t.config.dataDir, { recursive: true, force: true });
});

describe("a task form's photo question", () => {
  it('claims the upload a draft names as a file of the task, once, readable by the specialist', async () => {
    const id = instanceIds[0]!;
    const uploadId = await uploadBytes(t, facilitator, photo);
    const saved = await put(id, withPhoto(uploadId), 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, answers: { photo_pv: uploadId } });
    expect(await filesOf(id)).toEqual([{ slot: DCC_ANSWER_FILES_SLOT, uploadId }]);
    // The next draft names the same file: it stays, nothing is claimed twice.
    const again = await put(id, { ...withPhoto(uploadId), femmes_gt35: 3 }, 2);
    expect(again.statusCode, again.body).toBe(200);
    expect(await filesOf(id)).toHaveLength(1);
    const file = await t.app.inject({
      method: 'GET',
      url: `${BASE}/${id}/files/${uploadId}`,
      headers: specialist.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const detail = await t.app.inject({ method: 'GET', url: `${BASE}/${id}`, headers: specialist.headers });
    expect(detail.json().files.map((f: { uploadId: string }) => f.uploadId)).toEqual([uploadId]);
  });

  it('refuses an unknown upload, a phone placeholder and a recording as a photo; nothing is written', async () => {
    const id = instanceIds[0]!;
    const [before] = await t.db.query<{ version: number }>(
      'select version from dcc_task_instances where id = $1',
      [id],
    );
    const unknown = await put(id, withPhoto(randomUUID()), before!.version);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'form_attachment_missing' });
    expect(unknown.json().message).toMatch(/introuvable/);
    const placeholder = await put(id, withPhoto('local-file.0b7c'), before!.version);
    expect(placeholder.statusCode).toBe(422);
    expect(placeholder.json().code).toBe('form_attachment_missing');
    // A PCM WAV header (8 kHz mono 16-bit) and a little silence: the uploads recognise it as audio.
    const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
    const u16 = (n: number) => Buffer.from(new Uint16Array([n]).buffer);
    const wav = Buffer.concat([
      Buffer.from('RIFFxxxxWAVEfmt '),
      ...[u32(16), u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)],
      Buffer.from('data'),
      u32(400),
      Buffer.alloc(400),
    ]);
    wav.writeUInt32LE(wav.length - 8, 4);
    const recording = await uploadBytes(t, facilitator, wav);
    const wrongKind = await put(id, withPhoto(recording), before!.version);
    expect(wrongKind.statusCode).toBe(415);
    expect(wrongKind.json().code).toBe('unsupported_media_type');
    const [after] = await t.db.query<{ version: number }>(
      'select version from dcc_task_instances where id = $1',
      [id],
    );
    expect(after!.version).toBe(before!.version);
    expect(await filesOf(id)).toHaveLength(1);
  });

  it('claims it through the dcc.task.save_draft mutation too (dropping the photo it replaces), and rejects an unknown one', async () => {
    const id = instanceIds[0]!;
    const [row] = await t.db.query<{ version: number }>(
      'select version from dcc_task_instances where id = $1',
      [id],
    );
    const uploadId = await uploadBytes(t, facilitator, photo);
    const [bad, good] = await push(t, facilitator, [
      mutation(
        DCC_MUTATION_TYPES.saveDraft,
        { id, answers: withPhoto(randomUUID()) },
        { baseVersion: row!.version },
      ),
      mutation(
        DCC_MUTATION_TYPES.saveDraft,
        { id, answers: withPhoto(uploadId) },
        { baseVersion: row!.version },
      ),
    ]);
    expect(bad).toMatchObject({ status: 'rejected', code: 'form_attachment_missing' });
    expect(good).toMatchObject({ status: 'applied', result: { version: row!.version + 1 } });
    // The photo taken again replaces the earlier one: only the file the answers name is kept.
    expect(await filesOf(id)).toEqual([{ slot: DCC_ANSWER_FILES_SLOT, uploadId }]);
  });
});
