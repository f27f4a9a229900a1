import type { VisibilityDefinition } from '@coso/domain';
import {
  columnsOf,
  countArea,
  countRows,
  countScope,
  deviceScope,
  or,
  removalColumnsOf,
  scopeBranches,
} from '../platform/visibility/sql.js';
import type { VisibilityFixture } from './visibility-fixtures.js';

/**
 * A made-up entity living only in the tests (a field note): no restricted column, explicit readers, a flag,
 * an area grant for any role on devices. The agreement test checks the generator on it as on complaints, so
 * that the shapes complaints do not use (rows of every kind, no restricted flag, `any` roles) are tried too.
 */
export const TEST_NOTES: VisibilityDefinition = {
  entity: 'vis_notes',
  columns: {
    id: 'id',
    areaPath: 'area_path',
    owner: 'owner_id',
    recorder: 'recorder_id',
    readers: { table: 'vis_note_readers', rowKey: 'note_id', user: 'user_id' },
    flags: { shared: 'shared_at' },
  },
  audiences: {
    read: [
      { to: { kind: 'owner' }, rows: 'any' },
      { to: { kind: 'reader' }, rows: 'any' },
      { to: { kind: 'recorder' }, rows: 'ordinary' },
      { to: { kind: 'area', roles: ['focal_point'] }, rows: 'ordinary' },
      { to: { kind: 'area', roles: ['supervisor'] }, rows: 'any', when: 'shared', summaryOnly: true },
    ],
    device: [
      { to: { kind: 'owner' }, rows: 'any' },
      { to: { kind: 'area', roles: 'any' }, rows: 'ordinary' },
    ],
    dataset: [{ to: { kind: 'area', roles: ['analyst'] }, rows: 'any' }],
    count: [{ to: { kind: 'area', roles: 'any' }, rows: 'ordinary' }],
  },
};

const cols = columnsOf(TEST_NOTES, 'n');

export const testNotesFixture: VisibilityFixture = {
  from: 'vis_notes n',
  id: 'n.id::text',
  async store(db, rows) {
    await db.query(`create table if not exists vis_notes (id uuid primary key default gen_random_uuid(),
      area_path text not null, owner_id uuid, recorder_id uuid, shared_at timestamptz)`);
    await db.query(
      'create table if not exists vis_note_readers (note_id uuid not null, user_id uuid not null)',
    );
    const ids: string[] = [];
    for (const { row } of rows) {
      const [n] = await db.query<{ id: string }>(
        `insert into vis_notes (area_path, owner_id, recorder_id, shared_at) values ($1, $2, $3, $4)
         returning id::text as id`,
        [row.areaPath, row.ownerId ?? null, row.recorderId ?? null, row.flags?.shared ? new Date() : null],
      );
      for (const reader of row.readers ?? [])
        await db.query('insert into vis_note_readers (note_id, user_id) values ($1, $2)', [n!.id, reader]);
      ids.push(n!.id);
    }
    return ids;
  },
  sql: {
    read: (actor) => or(scopeBranches(TEST_NOTES, 'read', actor, cols)),
    dataset: (actor) => or(scopeBranches(TEST_NOTES, 'dataset', actor, cols, { areaForm: 'prefix' })),
    count: (actor) => {
      const scope = countScope(TEST_NOTES, actor);
      const area = countArea(cols, scope);
      const rows = countRows(cols, scope.restricted);
      return { sql: rows ? `${area.sql} and ${rows}` : area.sql, params: area.params };
    },
  },
  sync: {
    table: 'vis_notes',
    visible: deviceScope(TEST_NOTES, cols),
    visibleBefore: deviceScope(TEST_NOTES, removalColumnsOf(TEST_NOTES)),
  },
};
