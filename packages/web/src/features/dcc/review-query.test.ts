import { describe, expect, it } from 'vitest';
import { ageInDays, parseReviewFilters, queueQuery, reviewFiltersToSearch } from './review-query';

const now = new Date('2027-03-10T15:30:00Z');

describe('review queue filters', () => {
  it('round-trip through the URL, dropping unknown keys, empty values and unknown ages', () => {
    const filters = parseReviewFilters('cycleId=c1&phaseId=&foo=bar&olderThan=5&facilitatorId=u9');
    expect(filters).toEqual({ cycleId: 'c1', facilitatorId: 'u9' });
    expect(reviewFiltersToSearch({ taskId: 't', cycleId: 'c1', olderThan: '7' })).toBe(
      'cycleId=c1&taskId=t&olderThan=7',
    );
    expect(parseReviewFilters(reviewFiltersToSearch({ cycleId: 'c1', olderThan: '7' }))).toEqual({
      cycleId: 'c1',
      olderThan: '7',
    });
  });

  it('ask for submitted instances, an age becoming a cut-off date', () => {
    expect(queueQuery({ cycleId: 'c1' }, now)).toEqual({ cycleId: 'c1', status: 'submitted' });
    expect(queueQuery({ olderThan: '7' }, now)).toEqual({
      status: 'submitted',
      submittedBefore: '2027-03-03T00:00:00.000Z',
    });
    // Across a month boundary.
    expect(queueQuery({ olderThan: '14' }, now).submittedBefore).toBe('2027-02-24T00:00:00.000Z');
  });

  it('count whole days since a submission', () => {
    expect(ageInDays('2027-03-10T08:00:00Z', now)).toBe(0);
    expect(ageInDays('2027-03-09T15:30:00Z', now)).toBe(1);
    expect(ageInDays('2027-02-28T16:00:00Z', now)).toBe(9);
    expect(ageInDays(null, now)).toBeNull();
    expect(ageInDays('2027-03-11T00:00:00Z', now)).toBe(0);
  });
});
