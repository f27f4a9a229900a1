import { describe, expect, it } from 'vitest';
import { changeFilters, parseSubprojectFilters, subprojectFiltersToSearch } from './list-query';

const sectorOf = (type: string) => ({ hand_pump: 'water', school_ceg: 'education' })[type];

describe('sub-project list filters', () => {
  it('round-trip through the URL, unknown and empty keys dropped', () => {
    const f = parseSubprojectFilters('status=works_in_progress&sector=water&q=%20Forage%20&limit=5&type=');
    expect(f).toEqual({ status: 'works_in_progress', sector: 'water', q: 'Forage' });
    expect(parseSubprojectFilters(subprojectFiltersToSearch(f))).toEqual(f);
  });

  it('a new sector drops a type of another sector, keeps one of its own', () => {
    const base = { sector: 'water', type: 'hand_pump', status: 'approved' };
    expect(changeFilters(base, { sector: 'education' }, sectorOf)).toEqual({
      sector: 'education',
      status: 'approved',
    });
    expect(changeFilters({ type: 'hand_pump' }, { sector: 'water' }, sectorOf)).toEqual({
      sector: 'water',
      type: 'hand_pump',
    });
    expect(changeFilters(base, { status: '' }, sectorOf)).toEqual({ sector: 'water', type: 'hand_pump' });
  });
});
