import { describe, expect, it } from 'vitest';
import { cycleBody, emptyCycleForm } from './cycle-form';

const filled = {
  ...emptyCycleForm(2027),
  startsOn: '2027-01-15',
  endsOn: '2027-12-31',
  areaIds: ['a1', 'a2'],
};

describe('cycleBody', () => {
  it('builds the body with the COSO seed or a copy of a cycle', () => {
    expect(cycleBody(filled)).toEqual({
      body: {
        name: 'COSO 2027',
        year: 2027,
        startsOn: '2027-01-15',
        endsOn: '2027-12-31',
        areaIds: ['a1', 'a2'],
        template: 'coso',
      },
    });
    const copy = cycleBody({ ...filled, templateSource: 'c-2026', name: '  COSO 2027 bis ' });
    expect(copy).toMatchObject({ body: { name: 'COSO 2027 bis', template: { fromCycleId: 'c-2026' } } });
  });

  it('reports every problem at once', () => {
    const result = cycleBody({
      name: ' ',
      year: '27',
      startsOn: '',
      endsOn: '',
      areaIds: [],
      templateSource: '',
    });
    expect(result).toEqual({
      errors: {
        name: 'dcc.cycleForm.nameRequired',
        year: 'dcc.cycleForm.yearInvalid',
        startsOn: 'dcc.cycleForm.dateRequired',
        endsOn: 'dcc.cycleForm.dateRequired',
        areaIds: 'dcc.cycleForm.areasRequired',
        templateSource: 'dcc.cycleForm.templateRequired',
      },
    });
  });

  it('refuses an end before the start, and accepts a one-day cycle', () => {
    expect(cycleBody({ ...filled, endsOn: '2027-01-14' })).toEqual({
      errors: { endsOn: 'dcc.cycleForm.endBeforeStart' },
    });
    expect(cycleBody({ ...filled, endsOn: '2027-01-15' })).toHaveProperty('body');
  });
});
