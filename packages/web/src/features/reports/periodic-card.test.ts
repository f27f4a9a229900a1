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
