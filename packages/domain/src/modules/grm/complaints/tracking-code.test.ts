import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatTrackingCode,
  generateTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
} from './tracking-code.js';

/** A small deterministic generator, so fast-check can shrink and replay failing codes. */
const seeded = (seed: number) => {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};
const codes = fc.integer().map((seed) => generateTrackingCode(seeded(seed)));

describe('tracking codes', () => {
  it('are 8 symbols and a check symbol, without ambiguous characters', () => {
    fc.assert(
      fc.property(codes, (code) => {
        expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{9}$/);
        expect(code).not.toMatch(/[01OILU]/);
        expect(isValidTrackingCode(code)).toBe(true);
      }),
    );
  });

  it('detect every single mistyped symbol', () => {
    fc.assert(
      fc.property(codes, fc.nat(8), fc.nat(CODE_ALPHABET.length - 1), (code, pos, sym) => {
        const typo = code.slice(0, pos) + CODE_ALPHABET[sym] + code.slice(pos + 1);
        expect(isValidTrackingCode(typo)).toBe(typo === code);
      }),
    );
  });

  it('detect every swap of two adjacent different symbols', () => {
    fc.assert(
      fc.property(codes, fc.nat(7), (code, pos) => {
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(isValidTrackingCode(swapped)).toBe(swapped === code);
      }),
    );
  });

  it('accept codes typed with dashes, spaces and lower case', () => {
    fc.assert(
      fc.property(codes, (code) => {
        const typed = formatTrackingCode(code).toLowerCase().replace('-', ' ');
        expect(normalizeTrackingCode(typed)).toBe(code);
        expect(isValidTrackingCode(typed)).toBe(true);
      }),
    );
  });
});
