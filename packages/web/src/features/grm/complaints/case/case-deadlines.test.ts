import { describe, expect, it } from 'vitest';
import type { CaseDeadline } from '../../../../api/complaint-types';
import { translator } from '../../../../i18n/translate';
import { countdownText } from './case-deadlines';

const base: CaseDeadline = {
  kind: 'resolve',
  startedOn: '2027-03-01',
  dueDate: '2027-03-15',
  remainingBusinessDays: 3,
  overdue: false,
  handlingLevel: 'village',
  metAt: null,
  remindedAt: null,
  breachedAt: null,
};

describe('countdownText', () => {
  const fr = translator('fr');
  it('counts business days ahead, today and behind', () => {
    expect(countdownText(base, fr)).toBe('dans 3 jours ouvrables');
    expect(countdownText({ ...base, remainingBusinessDays: 1 }, fr)).toBe('dans 1 jour ouvrable');
    expect(countdownText({ ...base, remainingBusinessDays: 0 }, fr)).toBe("aujourd'hui");
    expect(countdownText({ ...base, remainingBusinessDays: -2, overdue: true }, fr)).toBe(
      'en retard de 2 jours ouvrables',
    );
    expect(countdownText({ ...base, remainingBusinessDays: -2, overdue: true }, translator('en'))).toBe(
      '2 business days overdue',
    );
  });
});
