import { describe, expect, it } from 'vitest';
import { previousPeriods } from './periodic-card';

describe('default report periods', () => {
  it('offer the last complete month and quarter, across a year end', () => {
    expect(previousPeriods(new Date('2026-11-28T12:00:00Z'))).toEqual({
      month: '2026-10',
      quarter: '2026-Q3',
    });
    expect(previousPeriods(new Date('2026-01-05T12:00:00Z'))).toEqual({
      month: '2025-12',
      quarter: '2025-Q4',
    });
    expect(previousPeriods(new Date('2026-04-01T12:00:00Z'))).toEqual({
      month: '2026-03',
      quarter: '2026-Q1',
    });
  });
});

describe('report period labels', () => {
  it('name months in words and quarters as T/Q', async () => {
    const { periodLabel } = await import('./report-runs');
    expect(periodLabel('2026-10', 'fr')).toBe('octobre 2026');
    expect(periodLabel('2026-10', 'en')).toBe('October 2026');
    expect(periodLabel('2026-Q3', 'fr')).toBe('T3 2026');
    expect(periodLabel('2026-Q3', 'en')).toBe('Q3 2026');
    expect(periodLabel('nonsense', 'fr')).toBe('nonsense');
  });
});
