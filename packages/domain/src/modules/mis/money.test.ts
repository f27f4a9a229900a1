import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCeiling,
  exchangeRateSchema,
  fcfaSchema,
  formatFcfa,
  parseFcfa,
  sumFcfa,
  xofToUsdCents,
} from './money.js';

describe('money in whole FCFA', () => {
  it('accepts integers only, 0 or more', () => {
    expect(fcfaSchema.safeParse(1_250_000).success).toBe(true);
    expect(fcfaSchema.safeParse(0).success).toBe(true);
    for (const bad of [12.5, -1, '1000', Number.NaN, 1e16])
      expect(fcfaSchema.safeParse(bad).success).toBe(false);
  });

  it('reads what people type, refusing decimals and bad grouping', () => {
    expect(parseFcfa('1 250 000')).toBe(1_250_000);
    expect(parseFcfa('1\u202f250\u202f000')).toBe(1_250_000);
    expect(parseFcfa('1.250.000')).toBe(1_250_000);
    expect(parseFcfa(' 75000 ')).toBe(75_000);
    for (const bad of ['12,5', '1.25', '-300', '12 50', '1 2500', '', 'mille', '1e6'])
      expect(parseFcfa(bad)).toBeNull();
  });

  it('formats for each language and reads its own French output back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (n) => {
        expect(parseFcfa(formatFcfa(n, 'fr').replace(' FCFA', ''))).toBe(n);
      }),
    );
    expect(formatFcfa(1_250_000, 'en')).toBe('1,250,000 FCFA');
  });

  it('sums exactly and refuses to leave the exact integer range', () => {
    expect(sumFcfa([1, 2, 3_000_000_000_000])).toBe(3_000_000_000_003);
    expect(() => sumFcfa([Number.MAX_SAFE_INTEGER, 1])).toThrow('fcfa_sum_overflow');
  });

  it('converts to USD cents at a dated rate, half up, in integers', () => {
    expect(exchangeRateSchema.safeParse('655.957').success).toBe(true);
    for (const bad of ['0', '-600', '600,5', '600.1234567', 'abc'])
      expect(exchangeRateSchema.safeParse(bad).success).toBe(false);
    expect(xofToUsdCents(655_957, '655.957')).toBe(100_000);
    expect(xofToUsdCents(600, '600')).toBe(100);
    expect(xofToUsdCents(3, '600')).toBe(1); // 0.5 cent rounds up
    expect(xofToUsdCents(2, '600')).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 100, max: 999 }), (xof, rate) => {
        const cents = xofToUsdCents(xof, String(rate));
        expect(Math.abs(cents - (xof * 100) / rate)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('tells what is left under a ceiling', () => {
    expect(checkCeiling(1_000_000, 600_000, 400_000)).toEqual({ available: 400_000, exceeds: false });
    expect(checkCeiling(1_000_000, 600_000, 400_001)).toEqual({ available: 400_000, exceeds: true });
  });
});
