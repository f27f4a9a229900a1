import { describe, expect, it } from 'vitest';
import { caseFileReasonError, caseFileUrl, offersIdentityChoice } from './case-file';

describe('case file (PDF) with or without the identity', () => {
  it('asks the server for the identity only with a reason', () => {
    expect(caseFileUrl('c-1', 'fr')).toBe('/api/v1/complaints/c-1/case-file.pdf?lang=fr');
    expect(caseFileUrl('c-1', 'en', '   ')).toBe('/api/v1/complaints/c-1/case-file.pdf?lang=en');
    const url = new URL(caseFileUrl('c-1', 'fr', '  Convocation du plaignant à la médiation '), 'http://x');
    expect(url.pathname).toBe('/api/v1/complaints/c-1/case-file.pdf');
    expect(url.searchParams.get('identityReason')).toBe('Convocation du plaignant à la médiation');
    expect(url.searchParams.get('lang')).toBe('fr');
  });

  it('offers the choice only to users who may reveal the identity of a named case', () => {
    expect(offersIdentityChoice({ anonymous: false, revealable: true })).toBe(true);
    expect(offersIdentityChoice({ anonymous: false, revealable: false })).toBe(false);
    expect(offersIdentityChoice({ anonymous: true, revealable: true })).toBe(false);
  });

  it('requires a reason of 10 to 500 characters only when the identity is asked for', () => {
    expect(caseFileReasonError('without', '')).toBeUndefined();
    expect(caseFileReasonError('with', '')).toBe('reveal.reasonLength');
    expect(caseFileReasonError('with', '   court    ')).toBe('reveal.reasonLength');
    expect(caseFileReasonError('with', 'x'.repeat(501))).toBe('reveal.reasonLength');
    expect(caseFileReasonError('with', 'Convocation à la médiation')).toBeUndefined();
  });
});
