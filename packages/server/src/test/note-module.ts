import {
  type SyncRow,
  TEST_NOTE_COMMENTS,
  TEST_NOTES,
  type TestNoteCommentPayload,
  type TestNoteCreatePayload,
  type TestNoteEditPayload,
  testNoteCommentPayloadSchema,
  testNoteCreatePayloadSchema,
  testNoteEditPayloadSchema,
} from '@coso/domain';
import type { Db } from '../db/driver.js';
import { AppError } from '../http/app-error.js';
import { defineModule } from '../platform/module.js';
import type { Ctx, MutationDefinition } from '../platform/sync/mutations.js';
import type { SyncSource } from '../platform/sync/tables.js';

/**
 * A module that lives only in the tests (issue #13, Proof): a note in a village, with comments, synced to the
 * devices of the users whose jurisdiction holds the village. It is registered like any module, through the
 * module object's `sync` field, and proves that a new synced entity needs no change to the feed, the push,
 * the device engine or its store. The device side is the domain's test kit (platform/sync/test-entity.ts).
 */

/**
 * Its tables, created by the test in its own database, as a module's migration would: the platform's
 * change_seq stamp trigger, a unique change_seq index (the feed fetches rows by number), a scope column
 * (area_path, copied from the village) and a trigger that records a removal when a note changes area.
 */
export const NOTE_TABLES_SQL = /* sql */ `
create table test_notes (
  id uuid primary key,
  village_id uuid not null references geo_units (id),
  area_path text not null,
  text text not null,
  version int not null default 1,
  created_by uuid not null references users (id),
  change_seq bigint not null
);
create unique index test_notes_change_seq on test_notes (change_seq);
create trigger test_notes_sync_stamp before insert or update on test_notes
  for each row execute function sync_stamp();

create table test_note_comments (
  id uuid primary key,
  note_id uuid not null references test_notes (id),
  text text not null,
  change_seq bigint not null
);
create unique index test_note_comments_change_seq on test_note_comments (change_seq);
create trigger test_note_comments_sync_stamp before insert or update on test_note_comments
  for each row execute function sync_stamp();

-- A note that changes area leaves the devices of its old area (removal, with its old scope) and enters
-- others with its comments (re-stamped, although older than their cursor).
create function test_note_moved() returns trigger language plpgsql as $$
begin
  insert into sync_removals (table_name, row_id, old_area_path) values ('test_notes', old.id::text, old.area_path);
  update test_note_comments set change_seq = change_seq where note_id = new.id;
  return null;
end $$;
create trigger test_notes_sync_move after update on test_notes
  for each row when (old.area_path is distinct from new.area_path) execute function test_note_moved();
`;

/** A device holds the notes of its user's jurisdiction subtrees. */
const inArea = (path: string) => `${path} like any(:prefixes::text[])`;
const asRow = (row: Record<string, unknown>) => row as SyncRow;

const NOTE_SOURCES: SyncSource[] = [
  {
    name: TEST_NOTES,
    table: 'test_notes',
    alias: 'n',
    from: 'test_notes n',
    visible: inArea('n.area_path'),
    columns: 'n.id, n.village_id as "villageId", n.text, n.version',
    id: { sql: 'n.id', type: 'uuid' },
    visibleBefore: inArea('r.old_area_path'),
    present: asRow,
    dependents: [
      {
        name: TEST_NOTE_COMMENTS,
        ids: 'select id::text as id from test_note_comments where note_id = any(:ids::uuid[])',
      },
    ],
  },
  {
    name: TEST_NOTE_COMMENTS,
    table: 'test_note_comments',
    alias: 'nc',
    from: 'test_note_comments nc join test_notes n on n.id = nc.note_id',
    visible: inArea('n.area_path'),
    columns: 'nc.id, nc.note_id as "noteId", nc.text',
    id: { sql: 'nc.id', type: 'uuid' },
    visibleBefore: inArea('r.old_area_path'),
    present: asRow,
  },
];

/** The note's version, locked, if it lies in the actor's jurisdiction; not_found otherwise. */
async function noteOf(db: Db, ctx: Ctx, noteId: string): Promise<number> {
  const [note] = await db.query<{ version: number; area_path: string }>(
    'select version, area_path from test_notes where id = $1 for update',
    [noteId],
  );
  if (!note || !ctx.actor.jurisdictions.some((j) => note.area_path.startsWith(j.path))) {
    throw new AppError('not_found');
  }
  return note.version;
}

const create: MutationDefinition<TestNoteCreatePayload> = {
  payload: testNoteCreatePayloadSchema,
  async apply({ db, ctx }, { id, villageId, text }) {
    const [village] = await db.query<{ path: string }>(
      "select path from geo_units where id = $1::uuid and level = 'village'",
      [villageId],
    );
    if (!village || !ctx.actor.jurisdictions.some((j) => village.path.startsWith(j.path))) {
      throw new AppError('forbidden');
    }
    await db.query(
      `insert into test_notes (id, village_id, area_path, text, created_by) values ($1, $2, $3, $4, $5)`,
      [id, villageId, village.path, text, ctx.actor.id],
    );
    return { id, version: 1 };
  },
};

const edit: MutationDefinition<TestNoteEditPayload> = {
  payload: testNoteEditPayloadSchema,
  async apply({ db, ctx }, { noteId, text }, baseVersion) {
    const version = await noteOf(db, ctx, noteId);
    if (baseVersion !== undefined && baseVersion !== version) throw new AppError('version_conflict');
    await db.query('update test_notes set text = $2, version = version + 1 where id = $1', [noteId, text]);
    return { id: noteId, version: version + 1 };
  },
  conflictRow: ({ noteId }) => ({ table: TEST_NOTES, id: noteId }),
};

const comment: MutationDefinition<TestNoteCommentPayload> = {
  payload: testNoteCommentPayloadSchema,
  async apply({ db, ctx }, { id, noteId, text }) {
    await noteOf(db, ctx, noteId);
    await db.query('insert into test_note_comments (id, note_id, text) values ($1, $2, $3)', [
      id,
      noteId,
      text,
    ]);
    return { id };
  },
};

/** The test module's one object: no services and no routes, only its synced entity. */
export const noteModule = defineModule({
  name: 'test_notes',
  services: () => ({}),
  routes: () => {},
  sync: {
    sources: NOTE_SOURCES,
    mutations: { 'test_note.create': create, 'test_note.edit': edit, 'test_note.comment': comment },
  },
});
