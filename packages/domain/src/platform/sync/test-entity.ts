import { z } from 'zod';
import type { DeviceEntity } from './entities.js';
import type { SyncRow } from './protocol.js';

/**
 * A test kit: a minimal synced entity that belongs to no module, registered only by tests (the domain's
 * test-entity.test.ts against the fake server, the server's proof test against the real one) to show that a
 * new entity needs no change to the engine, the feed or the stores.
 *
 * A note lives in a village (its scope) and has comments (its children, which leave a device with it).
 * Rows as the pull sends them:
 * - `test_notes`: `{ id, changeSeq, villageId, text, version }`
 * - `test_note_comments`: `{ id, changeSeq, noteId, text }`
 * Mutations:
 * - `test_note.create` `{ id, villageId, text }` → result `{ id, version }`
 * - `test_note.edit` `{ noteId, text }` with `baseVersion` → result `{ id, version }`, or a conflict
 * - `test_note.comment` `{ id, noteId, text }` → result `{ id }`
 */

export const TEST_NOTES = 'test_notes';
export const TEST_NOTE_COMMENTS = 'test_note_comments';

export const testNoteCreatePayloadSchema = z.object({
  id: z.uuid(),
  villageId: z.string().min(1).max(100),
  text: z.string().min(1).max(1000),
});
export const testNoteEditPayloadSchema = z.object({ noteId: z.uuid(), text: z.string().min(1).max(1000) });
export const testNoteCommentPayloadSchema = z.object({
  id: z.uuid(),
  noteId: z.uuid(),
  text: z.string().min(1).max(1000),
});
export type TestNoteCreatePayload = z.infer<typeof testNoteCreatePayloadSchema>;
export type TestNoteEditPayload = z.infer<typeof testNoteEditPayloadSchema>;
export type TestNoteCommentPayload = z.infer<typeof testNoteCommentPayloadSchema>;

export const TEST_NOTE_PAYLOADS = {
  'test_note.create': testNoteCreatePayloadSchema,
  'test_note.edit': testNoteEditPayloadSchema,
  'test_note.comment': testNoteCommentPayloadSchema,
} as const;

const noteOf = (p: TestNoteCreatePayload): SyncRow => ({
  id: p.id,
  changeSeq: 0,
  villageId: p.villageId,
  text: p.text,
  version: 0,
});

export const testNoteEntity: DeviceEntity = {
  name: 'test_note',
  table: TEST_NOTES,
  children: [{ table: TEST_NOTE_COMMENTS, parentKey: 'noteId' }],
  mutations: {
    'test_note.create': {
      payload: testNoteCreatePayloadSchema,
      subject: (p) => (p as TestNoteCreatePayload).id,
      keepUntilPulled: (entry, result) => ({
        ...noteOf(entry.mutation.payload as TestNoteCreatePayload),
        ...(result.result ?? {}),
      }),
    },
    'test_note.edit': {
      payload: testNoteEditPayloadSchema,
      subject: (p) => (p as TestNoteEditPayload).noteId,
      // A chain of offline edits does not conflict with itself: the next one is based on the answered version.
      rebase: (next, applied, result) =>
        typeof result.result?.version === 'number' && next.baseVersion === applied.baseVersion
          ? { ...next, baseVersion: result.result.version }
          : undefined,
    },
    'test_note.comment': {
      payload: testNoteCommentPayloadSchema,
      subject: (p) => (p as TestNoteCommentPayload).noteId,
    },
  },
  overlays: {
    [TEST_NOTES]: ({ rows, acknowledged, pending }) => {
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const row of acknowledged) if (!byId.has(row.id)) byId.set(row.id, row);
      for (const { mutation } of pending) {
        if (mutation.type === 'test_note.create') {
          const p = mutation.payload as TestNoteCreatePayload;
          if (!byId.has(p.id)) byId.set(p.id, { ...noteOf(p), pending: true });
        } else if (mutation.type === 'test_note.edit') {
          const p = mutation.payload as TestNoteEditPayload;
          const note = byId.get(p.noteId);
          if (note) byId.set(p.noteId, { ...note, text: p.text, pending: true });
        }
      }
      return [...byId.values()];
    },
    [TEST_NOTE_COMMENTS]: ({ rows, pending }) => [
      ...rows,
      ...pending
        .filter((e) => e.mutation.type === 'test_note.comment')
        .map(({ mutation }) => {
          const p = mutation.payload as TestNoteCommentPayload;
          return { id: p.id, changeSeq: 0, noteId: p.noteId, text: p.text, pending: true };
        }),
    ],
  },
};
