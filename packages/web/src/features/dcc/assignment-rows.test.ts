import { describe, expect, it } from 'vitest';
import { assignmentRows } from './assignment-rows';
import type { Assignment } from './dcc-api';

const row = (id: string, village: string, facilitator: string, active: boolean, at: string): Assignment => ({
  id,
  villageId: `v-${village}`,
  villageName: village,
  facilitator: { id: `u-${facilitator}`, displayName: facilitator },
  active,
  assignedBy: null,
  assignedAt: at,
  endedAt: active ? null : '2027-02-01T00:00:00Z',
});

const items = [
  row('1', 'Sarakawa', 'Abalo', false, '2027-01-05T00:00:00Z'),
  row('2', 'Sarakawa', 'Kossi', true, '2027-02-01T00:00:00Z'),
  row('3', 'Agbang', 'Abalo', true, '2027-01-05T00:00:00Z'),
  row('4', 'Pya', 'Kossi', false, '2027-01-05T00:00:00Z'),
];

describe('assignmentRows', () => {
  it('lists the active assignment of each village by name, naming the facilitator it replaced', () => {
    expect(assignmentRows(items, false).map((r) => [r.id, r.previous])).toEqual([
      ['3', undefined],
      ['2', 'Abalo'],
    ]);
  });

  it('adds the ended ones under their village when asked, a village with none active included', () => {
    expect(assignmentRows(items, true).map((r) => r.id)).toEqual(['3', '4', '2', '1']);
  });
});
