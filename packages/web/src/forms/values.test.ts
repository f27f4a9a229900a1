import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatNumberInput,
  isoToLocal,
  localToIso,
  parseDecimal,
  parseGeopoint,
  parseInteger,
  parseMoney,
} from './values';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('input values', () => {
  it('reads money in FCFA with any grouping, refuses decimals', () => {
    expect(parseMoney('1 250 000')).toBe(1250000);
    expect(parseMoney('1\u202f250\u202f000')).toBe(1250000);
    expect(parseMoney('1.250.000')).toBe(1250000);
    expect(parseMoney('1,250')).toBe(1250);
    expect(parseMoney('2500')).toBe(2500);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('12.5')).toBe('12.5');
    expect(parseMoney('-3')).toBe('-3');
    expect(parseMoney('abc')).toBe('abc');
  });

  it('groups money by the language', () => {
    expect(nbsp(formatMoney(1250000, 'fr-TG'))).toBe('1 250 000');
    expect(formatMoney(1250000, 'en')).toBe('1,250,000');
    expect(nbsp(formatNumberInput(1250000, 'money', 'fr-TG'))).toBe('1 250 000');
  });

  it('reads integers and decimals, with the French comma', () => {
    expect(parseInteger(' 42 ')).toBe(42);
    expect(parseInteger('-7')).toBe(-7);
    expect(parseInteger('4.5')).toBe('4.5');
    expect(parseInteger('99999999999999999999')).toBe('99999999999999999999');
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1,2,3')).toBe('1,2,3');
    expect(parseDecimal('')).toBeNull();
    expect(formatNumberInput(12.5, 'decimal', 'fr-TG')).toBe('12,5');
    expect(formatNumberInput(12.5, 'decimal', 'en')).toBe('12.5');
    expect(formatNumberInput('12,x', 'decimal', 'en')).toBe('12,x');
    expect(formatNumberInput(null, 'integer', 'en')).toBe('');
  });

  it('round-trips local date-times through ISO instants', () => {
    const iso = localToIso('2026-03-04T09:30');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(isoToLocal(iso)).toBe('2026-03-04T09:30');
    expect(localToIso('')).toBeNull();
    expect(isoToLocal('nonsense')).toBe('');
  });

  it('reads a geopoint from two boxes', () => {
    expect(parseGeopoint('9,55', '1.19')).toEqual({ lat: 9.55, lon: 1.19 });
    expect(parseGeopoint('', '')).toBeNull();
    expect(parseGeopoint('9.5', '')).toBe('9.5');
  });
});
