import { describe, expect, it } from 'vitest';
import {
  dueChoiceOf,
  filtersToSearch,
  listHref,
  parseFilters,
  statusesOf,
  withDueChoice,
} from './filter-query';

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

  it('honour the deadline filters of the address (overdue, due within n business days)', () => {
    expect(parseFilters('queue=area&overdue=true&sort=due_asc')).toEqual({
      queue: 'area',
      overdue: 'true',
      sort: 'due_asc',
    });
    expect(parseFilters('dueWithin=2')).toEqual({ dueWithin: '2' });
    expect(dueChoiceOf({ overdue: 'true' })).toBe('overdue');
    expect(withDueChoice({ queue: 'mine', overdue: 'true' }, 'soon')).toEqual({
      queue: 'mine',
      dueWithin: '2',
    });
    expect(withDueChoice({ dueWithin: '2' }, '')).toEqual({});
  });
});
