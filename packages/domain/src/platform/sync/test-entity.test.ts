import { describe, expect, it } from 'vitest';
import { createDeviceEngine } from './engine.js';
import { createFakeServer, type FakeHandler } from './fake-server.js';
import { createMemoryStore } from './memory-store.js';
import {
  TEST_NOTE_COMMENTS,
  TEST_NOTES,
  type TestNoteCommentPayload,
  type TestNoteCreatePayload,
  type TestNoteEditPayload,
  testNoteEntity,
} from './test-entity.js';

/**
 * A synced entity that belongs to no module, registered only here: the engine and the memory store learn
 * it from the registry alone (nothing in them names it).
 */

const NOTE = '8a4c2f0e-1b7d-4e3a-9c55-000000000001';
const COMMENT = '8a4c2f0e-1b7d-4e3a-9c55-000000000002';
const TEST_NOTE_CREATE = 'test_note.create';

function setup() {
  const handlers: Record<string, FakeHandler> = {
    'test_note.create': (m) => {
      const p = m.payload as TestNoteCreatePayload;
      server.put(TEST_NOTES, { ...p, version: 1 });
      return { status: 'applied', result: { id: p.id, version: 1 } };
    },
    'test_note.edit': (m) => {
      const p = m.payload as TestNoteEditPayload;
      const note = server.row(TEST_NOTES, p.noteId);
      if (!note) return { status: 'rejected', code: 'not_found' };
      if (m.baseVersion !== undefined && m.baseVersion !== note.version)
        return { status: 'conflict', current: note };
      const version = Number(note.version) + 1;
      server.put(TEST_NOTES, { ...note, text: p.text, version });
      return { status: 'applied', result: { id: p.noteId, version } };
    },
    'test_note.comment': (m) => {
      const p = m.payload as TestNoteCommentPayload;
      server.put(TEST_NOTE_COMMENTS, { ...p });
      return { status: 'applied', result: { id: p.id } };
    },
  };
  const server = createFakeServer({ mutations: handlers });
  const store = createMemoryStore();
  const engine = createDeviceEngine({ store, transport: server.transport, entities: [testNoteEntity] });
  return { server, store, engine };
}

describe('a synced entity registered outside the engine', () => {
  it('is created offline, shown at once, pushed in order, and comes back from the pull', async () => {
    const { server, engine } = setup();
    expect((await engine.sync()).ok).toBe(true);
    await engine.enqueue(TEST_NOTE_CREATE, { id: NOTE, villageId: 'v1', text: 'Puits sec' });
    await engine.enqueue('test_note.edit', { noteId: NOTE, text: 'Puits à sec' });
    await engine.enqueue('test_note.comment', { id: COMMENT, noteId: NOTE, text: 'Vu ce matin' });

    expect(await engine.rows(TEST_NOTES)).toEqual([
      { id: NOTE, changeSeq: 0, villageId: 'v1', text: 'Puits à sec', version: 0, pending: true },
    ]);
    expect(await engine.rows(TEST_NOTE_COMMENTS, { noteId: NOTE })).toMatchObject([
      { id: COMMENT, noteId: NOTE, text: 'Vu ce matin', pending: true },
    ]);
    expect(await engine.rows(TEST_NOTE_COMMENTS, { noteId: 'another' })).toEqual([]);
    expect(await engine.rows(TEST_NOTES, undefined, { overlay: false })).toEqual([]);
    await expect(
      engine.enqueue(TEST_NOTE_CREATE, { id: 'not-a-uuid', villageId: 'v1', text: 'x' }),
    ).rejects.toThrow();
    await expect(engine.enqueue('test_note.unknown', {})).rejects.toThrow(/test_note.unknown/);

    expect((await engine.sync()).ok).toBe(true);
    // One entry per record per batch, in the order they were made.
    expect(server.batches.slice(-3).map((b) => b.map((m) => m.type))).toEqual([
      ['test_note.create'],
      ['test_note.edit'],
      ['test_note.comment'],
    ]);
    expect((await engine.status()).pendingMutations).toBe(0);
    expect(await engine.rows(TEST_NOTES, { id: NOTE })).toMatchObject([{ text: 'Puits à sec', version: 2 }]);
    expect((await engine.rows(TEST_NOTES))[0]!.pending).toBeUndefined();
    expect(await engine.rows(TEST_NOTE_COMMENTS, { noteId: NOTE })).toMatchObject([{ id: COMMENT }]);
  });

  it('keeps an acknowledged note on screen until a pull brings it, and rebases a chain of edits', async () => {
    const { server, engine } = setup();
    await engine.sync();
    await engine.enqueue(TEST_NOTE_CREATE, { id: NOTE, villageId: 'v1', text: 'Puits sec' });
    server.fail('pull', 'offline');
    expect((await engine.sync()).ok).toBe(false);
    expect(await engine.rows(TEST_NOTES)).toMatchObject([{ id: NOTE, version: 1 }]);
    expect((await engine.rows(TEST_NOTES))[0]!.pending).toBeUndefined();
    expect((await engine.sync()).ok).toBe(true);

    await engine.enqueue('test_note.edit', { noteId: NOTE, text: 'deux' }, { baseVersion: 1 });
    await engine.enqueue('test_note.edit', { noteId: NOTE, text: 'trois' }, { baseVersion: 1 });
    expect(await engine.rows(TEST_NOTES)).toMatchObject([{ text: 'trois', pending: true }]);
    expect((await engine.sync()).ok).toBe(true);
    expect(server.batches.slice(-2).map((b) => b.map((m) => m.baseVersion))).toEqual([[1], [2]]);
    expect((await engine.status()).failed).toEqual([]);
    expect(await engine.rows(TEST_NOTES)).toMatchObject([{ text: 'trois', version: 3 }]);
  });

  it('drops a removed note with its comments, which the pull does not list', async () => {
    const { server, engine } = setup();
    server.put(TEST_NOTES, { id: NOTE, villageId: 'v1', text: 'Puits sec', version: 1 });
    server.put(TEST_NOTE_COMMENTS, { id: COMMENT, noteId: NOTE, text: 'Vu' });
    server.put(TEST_NOTE_COMMENTS, { id: 'other', noteId: 'another-note', text: 'Autre' });
    await engine.sync();
    expect(await engine.rows(TEST_NOTE_COMMENTS)).toHaveLength(2);
    server.remove(TEST_NOTES, NOTE);
    expect((await engine.sync()).ok).toBe(true);
    expect(await engine.rows(TEST_NOTES)).toEqual([]);
    expect((await engine.rows(TEST_NOTE_COMMENTS)).map((r) => r.id)).toEqual(['other']);
  });
});
