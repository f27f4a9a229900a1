import type { LocalComplaint, SyncRow } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { allowedActions, type CaseView, caseView, filterCases, isMine } from './case-view';
import { areaVillages, fieldActor, geoIndex, placeLabel, searchVillages, unitPath } from './geo';
import type { FieldUser } from './session';

const unit = (id: string, name: string, level: string, parent: SyncRow | null): SyncRow => ({
  id,
  changeSeq: 1,
  code: id.toUpperCase(),
  name,
  level,
  parentId: parent?.id ?? null,
  path: `${parent ? String(parent.path) : '/'}${id}/`,
});
const kara = unit('kara', 'Kara', 'region', null);
const kozah = unit('kozah', 'Kozah 1', 'commune', kara);
const pya = unit('pya', 'Pya', 'canton', kozah);
const lama = unit('lama', 'Lama', 'village', pya);
const kpinzinde = unit('kpin', 'Kpinzindè', 'village', pya);
const savanes = unit('sav', 'Savanes', 'region', null);
const dapaong = unit('dap', 'Dapaong', 'village', savanes);
const geo = geoIndex([kara, kozah, pya, lama, kpinzinde, savanes, dapaong]);

const user: FieldUser = {
  id: 'u-facilitator',
  username: 'ama',
  displayName: 'Ama',
  roles: ['facilitator'],
  permissions: ['complaints.create', 'complaints.read'],
  jurisdictions: [{ id: 'pya', code: 'PYA', name: 'Pya', level: 'canton' }],
  locale: 'fr',
};
const actor = fieldActor(user, geo);

const row = (over: Partial<LocalComplaint> & Record<string, unknown>): LocalComplaint => ({
  id: crypto.randomUUID(),
  changeSeq: 1,
  trackingCode: 'AB2CD3EF7',
  status: 'received',
  version: 1,
  reference: 'PGR-2026-00001',
  villageId: 'lama',
  areaPath: String(lama.path),
  description: 'Le forage ne marche plus',
  ...over,
});
const view = (over: Partial<LocalComplaint> & Record<string, unknown>) => caseView(row(over), geo);

describe('geography on the device', () => {
  it('finds the path of a jurisdiction unit, and never an empty one', () => {
    expect(unitPath(geo, 'pya')).toBe('/kara/kozah/pya/');
    const onlyVillages = geoIndex([lama]);
    expect(unitPath(onlyVillages, 'kozah')).toBe('/kara/kozah/');
    expect(unitPath(onlyVillages, 'elsewhere')).toBeUndefined();
    expect(
      fieldActor({ ...user, jurisdictions: [{ id: 'x', code: 'X', name: 'X', level: 'canton' }] }, geo),
    ).toMatchObject({ jurisdictions: [] });
  });

  it('offers the villages of the area, searchable without accents, with their context', () => {
    expect(areaVillages(geo, actor).map((v) => v.name)).toEqual(['Kpinzindè', 'Lama']);
    expect(searchVillages(areaVillages(geo, actor), 'kpinzinde').map((v) => v.id)).toEqual(['kpin']);
    expect(placeLabel(geo, 'lama')).toBe('Lama (Pya, Kozah 1)');
  });
});

describe('case lists', () => {
  const mine = view({ assigneeId: user.id, status: 'in_progress' });
  const recorded = view({ recordedBy: { id: user.id, displayName: 'Ama' }, status: 'closed' });
  // As the engine shows a case recorded here: the create payload's complainant, no server reference yet.
  const queued = view({
    reference: null,
    pending: true,
    trackingCode: 'ZX9QR4TT2',
    complainant: { anonymous: true },
  });
  const other = view({ assigneeId: 'u-focal', villageId: 'kpin', description: 'Clôture du chantier' });
  const all: CaseView[] = [mine, recorded, queued, other];

  it('tell my cases (assigned, recorded, queued here) from the rest of the area', () => {
    expect(all.filter((c) => isMine(c, user.id))).toEqual([mine, recorded, queued]);
    expect(filterCases(all, { queue: 'area', query: '', status: '' }, user.id, geo)).toHaveLength(4);
    // Acknowledged by the server but not pulled back yet: still the engine's row, still mine.
    const acknowledged = view({
      reference: 'PGR-2026-00009',
      pending: false,
      complainant: { anonymous: true },
    });
    expect(isMine(acknowledged, user.id)).toBe(true);
    expect(isMine(other, user.id)).toBe(false);
  });

  it('filter by open status, one status, code, village or words', () => {
    const f = (query: string, status: CaseView['status'] | '' | 'open' = '') =>
      filterCases(all, { queue: 'area', query, status }, user.id, geo).map((c) => c.id);
    expect(f('', 'open')).toEqual([mine.id, queued.id, other.id]);
    expect(f('', 'closed')).toEqual([recorded.id]);
    expect(f('zx9q')).toEqual([queued.id]);
    expect(f('kpinzinde')).toEqual([other.id]);
    expect(f('cloture')).toEqual([other.id]);
  });
});

describe('actions offered offline', () => {
  it('follow the domain policy: a facilitator relays answers and withdrawals, never acknowledges', () => {
    const proposed = view({ status: 'resolution_proposed', assigneeId: 'u-focal' });
    expect(allowedActions(proposed, actor).sort()).toEqual(['comment', 'record_answer', 'withdraw']);
    const received = view({ status: 'received', assigneeId: 'u-focal' });
    expect(allowedActions(received, actor)).not.toContain('acknowledge');
  });

  it('let the assignee act on the lifecycle, but never reassign from the phone', () => {
    const focal = fieldActor({ ...user, id: 'u-focal', roles: ['focal_point'] }, geo);
    const received = view({ status: 'received', assigneeId: 'u-focal' });
    expect(allowedActions(received, focal)).toEqual(
      expect.arrayContaining(['acknowledge', 'reject_ineligible', 'escalate', 'comment']),
    );
    expect(allowedActions(received, focal)).not.toContain('reassign');
  });

  it('offer nothing outside the area, and only comments on a case not yet on the server', () => {
    const far = view({ status: 'resolution_proposed', villageId: 'dap', areaPath: String(dapaong.path) });
    expect(allowedActions(far, actor)).toEqual([]);
    const queued = view({
      reference: null,
      pending: true,
      areaPath: undefined,
      complainant: { anonymous: true },
    });
    expect(queued.areaPath).toBe('/kara/kozah/pya/lama/');
    expect(allowedActions(queued, actor)).toEqual(['comment']);
  });
});
