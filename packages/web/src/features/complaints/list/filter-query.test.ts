import { describe, expect, it } from 'vitest';
import { filtersToSearch, listHref, parseFilters, statusesOf } from './filter-query';

describe('list filters in the URL', () => {
  it('keep only the list filters, without empty values', () => {
    expect(parseFilters('queue=mine&status=received,closed&cursor=abc&q=&foo=1')).toEqual({
      queue: 'mine',
      status: 'received,closed',
    });
  });

  it('round-trip in a stable order', () => {
    const filters = { q: 'puits', queue: 'area', category: 'works' };
    expect(filtersToSearch(filters)).toBe('queue=area&category=works&q=puits');
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
    expect(listHref({})).toBe('/complaints');
  });

  it('read the statuses in lifecycle order and ignore unknown ones', () => {
    expect(statusesOf({ status: 'closed,bogus,received' })).toEqual(['received', 'closed']);
  });
});
