import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { describePull } from './pull-progress';

const base = { full: true, pages: 3, startedAt: '2026-12-07T15:00:00Z' };

describe('pull progress in words', () => {
  it('says items and size received, the share done and the time left, in French and English', () => {
    const progress = { ...base, items: 12_345, bytes: 2_450_000, fraction: 0.426, remainingMs: 185_000 };
    expect(describePull(progress, translator('fr'), 'fr-FR')).toEqual({
      received: 'Reçu : 12\u202f345 élément(s), 2,5 Mo',
      left: 'Encore environ 3 min',
      percent: 42,
    });
    expect(describePull(progress, translator('en'), 'en-GB')).toEqual({
      received: 'Received: 12,345 item(s), 2.5 MB',
      left: 'About 3 min left',
      percent: 42,
    });
  });

  it('counts small amounts in KB and seconds, and says nothing of what it does not know yet', () => {
    const early = describePull({ ...base, items: 500, bytes: 80_000 }, translator('en'), 'en-GB');
    expect(early).toEqual({ received: 'Received: 500 item(s), 78 KB', left: undefined, percent: undefined });
    const late = describePull(
      { ...base, items: 900, bytes: 90_000, fraction: 0.99, remainingMs: 400 },
      translator('en'),
      'en-GB',
    );
    expect(late.left).toBe('About 1 s left');
  });
});
