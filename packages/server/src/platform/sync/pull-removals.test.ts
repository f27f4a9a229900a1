import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
} from '../../test/harness.js';
import { deleteUnit } from '../geo/repo.js';
import { complaintBody, deviceToken, FakeDevice } from './pull-test-kit.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let operator: Session;
const users: Record<string, Awaited<ReturnType<typeof makeUser>>> = {};
const devices: Record<string, FakeDevice> = {};

const post = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });

/** A case in `village`, acknowledged and commented on, with one attached photo: a timeline to carry along. */
async function caseWithTimeline(villageId: string) {
  const res = await post(operator, '/api/v1/complaints', complaintBody(villageId));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await post(operator, `/api/v1/complaints/${id}/actions`, { action: 'comment', text: 'Premier appel.' });
  await t.db.query(
    `insert into complaint_attachments (id, complaint_id, purpose, kind, filename, mime_type, size_bytes, sha256,
                                        storage_key)
     values ($1, $2, 'evidence', 'image', 'forage.jpg', 'image/jpeg', 10, 'x', 'k')`,
    [randomUUID(), id],
  );
  return id;
}

async function timeline(id: string) {
  const events = await t.db.query<{ id: string }>(
    'select id::text as id from complaint_events where complaint_id = $1 order by id',
    [id],
  );
  const files = await t.db.query<{ id: string }>(
    'select id from complaint_attachments where complaint_id = $1',
    [id],
  );
  return { events: events.map((e) => e.id), files: files.map((f) => f.id) };
}

const eventsOf = (d: FakeDevice, id: string) =>
  d
    .rows('complaint_events')
    .filter((e) => e.complaintId === id)
    .map((e) => e.id)
    .sort((x, y) => Number(x) - Number(y));

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  users.operator = await makeUser(t, ['grm_officer'], [tree.country]);
  users.focalA = await makeUser(t, ['focal_point'], [tree.a.region]);
  users.focalB = await makeUser(t, ['focal_point'], [tree.b.region]);
  users.facA = await makeUser(t, ['facilitator'], tree.a.villages);
  users.facB = await makeUser(t, ['facilitator'], tree.b.villages);
  // Sees cases of Kara only when one is given to them by name (a routing rule naming a person, say).
  users.roving = await makeUser(t, ['focal_point'], [tree.b.canton]);
  users.vbg = await makeUser(t, ['sensitive_focal_point'], [tree.country]);
  operator = await login(t, users.operator.username);
  for (const [name, u] of Object.entries(users))
    devices[name] = new FakeDevice(t, await deviceToken(t, u.username));
});
afterAll(() => t.close());

async function syncAll() {
  for (const d of Object.values(devices)) await d.sync(7);
}

describe('cases entering and leaving a device', () => {
  let id: string;

  it('brings a case assigned by name outside the area, with its whole earlier timeline', async () => {
    id = await caseWithTimeline(tree.a.villages[0]!.id);
    await syncAll();
    expect(devices.roving!.ids('complaints')).toEqual([]);
    await t.db.query('update complaints set assignee_id = $2 where id = $1', [id, users.roving!.id]);
    const pages = await devices.roving!.sync(7);
    expect(pages[0]!.reset).toBe(false);
    const { events, files } = await timeline(id);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(devices.roving!.ids('complaints')).toEqual([id]);
    expect(eventsOf(devices.roving!, id)).toEqual(events);
    expect(devices.roving!.ids('attachments')).toEqual(files);
    expect(devices.roving!.rows('attachments')[0]).toMatchObject({
      complaintId: id,
      url: `/api/v1/complaints/${id}/attachments/${files[0]}/content`,
      previewUrl: null,
    });
  });

  it('drops a case reassigned away, with its timeline, and tells nobody who never had it', async () => {
    await syncAll();
    const res = await post(operator, `/api/v1/complaints/${id}/actions`, {
      action: 'reassign',
      assigneeId: users.focalA!.id,
      reason: 'Dossier de la région.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { events, files } = await timeline(id);
    const [page] = await devices.roving!.sync();
    expect(page!.removed.complaints).toEqual([id]);
    expect([...page!.removed.complaint_events!].sort()).toEqual([...events].sort());
    expect(page!.removed.attachments).toEqual(files);
    expect(devices.roving!.ids('complaints')).toEqual([]);
    expect(devices.roving!.rows('complaint_events')).toEqual([]);
    for (const name of ['focalB', 'facB', 'vbg']) {
      const pages = await devices[name]!.sync();
      expect(
        pages.map((p) => p.removed),
        name,
      ).toEqual([{}]);
      expect(
        pages.map((p) => p.changes),
        name,
      ).toEqual([{}]);
    }
    const [focal] = await devices.focalA!.sync();
    expect(focal!.removed).toEqual({});
    expect(focal!.changes.complaints!.map((c) => c.assigneeId)).toEqual([users.focalA!.id]);
    expect(eventsOf(devices.focalA!, id)).toEqual(events);
  });

  it('keeps a case that left and came back between two pulls', async () => {
    await syncAll();
    await t.db.query('update complaints set assignee_id = $2 where id = $1', [id, users.roving!.id]);
    await t.db.query('update complaints set assignee_id = $2 where id = $1', [id, users.focalA!.id]);
    await t.db.query('update complaints set assignee_id = $2 where id = $1', [id, users.roving!.id]);
    const pages = await devices.roving!.sync(2);
    expect(pages.flatMap((p) => p.removed.complaints ?? [])).toEqual([]);
    expect(devices.roving!.ids('complaints')).toEqual([id]);
    expect(eventsOf(devices.roving!, id)).toEqual((await timeline(id)).events);
  });

  it('drops a case that became sensitive from every device, and sends it to none', async () => {
    const other = await caseWithTimeline(tree.a.villages[1]!.id);
    await syncAll();
    expect(devices.facA!.ids('complaints')).toContain(other);
    await t.db.query('update complaints set sensitive = true where id = $1', [other]);
    for (const name of ['focalA', 'facA', 'operator']) {
      const [page] = await devices[name]!.sync();
      expect(page!.removed.complaints, name).toEqual([other]);
      expect(devices[name]!.ids('complaints'), name).not.toContain(other);
      expect(eventsOf(devices[name]!, other), name).toEqual([]);
    }
    for (const name of ['vbg', 'focalB', 'roving']) {
      const [page] = await devices[name]!.sync();
      expect([page!.changes, page!.removed], name).toEqual([{}, {}]);
    }
  });

  it('moves a case from Kara devices to Savanes devices when its village changes', async () => {
    const moved = await caseWithTimeline(tree.a.villages[2]!.id);
    await syncAll();
    const target = tree.b.villages[2]!;
    await t.db.query('update complaints set village_id = $2, area_path = $3 where id = $1', [
      moved,
      target.id,
      target.path,
    ]);
    await devices.facA!.sync();
    expect(devices.facA!.ids('complaints')).not.toContain(moved);
    await devices.facB!.sync(3);
    expect(devices.facB!.ids('complaints')).toContain(moved);
    expect(eventsOf(devices.facB!, moved)).toEqual((await timeline(moved)).events);
  });
});

describe('removed geo units', () => {
  it('tells the devices that held a deleted unit, only them', async () => {
    const village = await makeUnit(t.db, tree.a.canton, 'village');
    await syncAll();
    expect(devices.focalA!.ids('geo_units')).toContain(village.id);
    expect(devices.facA!.ids('geo_units')).not.toContain(village.id);
    await t.db.transaction((tx) => deleteUnit(tx, village.id));
    const [page] = await devices.focalA!.sync();
    expect(page!.removed).toEqual({ geo_units: [village.id] });
    for (const name of ['facA', 'focalB']) {
      const [quiet] = await devices[name]!.sync();
      expect(quiet!.removed, name).toEqual({});
    }
  });
});
