import { describe, expect, it } from 'vitest';
import { EMPTY, stepProblems, toBody } from './public-file-page';

// The citizen form refused "92345678" that staff and field forms accept: it now reads numbers by the domain rule.
const messages = { required: 'required', village: 'village', phone: 'phone' };
const draft = {
  ...EMPTY,
  category: 'works',
  description: 'Le forage est en panne',
  villageId: 'v',
  name: 'Afi',
};

describe('public filing form: phone', () => {
  it('sends a local 8-digit number as +228', () => {
    for (const phone of ['92345678', '92 34 56 78', '228 92345678']) {
      expect(toBody({ ...draft, phone }).complainant).toMatchObject({ phone: '+22892345678' });
    }
    expect(toBody({ ...draft, phone: '  ' }).complainant).not.toHaveProperty('phone');
  });

  it('flags what is no phone number before sending, and accepts a local number', () => {
    expect(stepProblems(2, { ...draft, phone: '9234' }, messages)).toEqual({ 'complainant.phone': 'phone' });
    expect(stepProblems(2, { ...draft, phone: '92345678' }, messages)).toEqual({});
  });
});
