import { describe, expect, it } from 'vitest';
import {
  indicatorExtra,
  parseIndicatorMonths,
  parseReportQuery,
  reportQueryString,
  withQuery,
} from './report-query';

const AREA = '0b7c2a8e-1d2f-4c3b-9a4e-5f6a7b8c9d0e';

describe('report query string', () => {
  it('round-trips the filters in a fixed order', () => {
    const filters = { channel: 'sms', area: AREA, from: '2026-01-01', to: '2026-03-31', type: 'plainte' };
    const qs = reportQueryString(filters);
    expect(qs).toBe(`from=2026-01-01&to=2026-03-31&area=${AREA}&type=plainte&channel=sms`);
    expect(parseReportQuery(qs)).toEqual(filters);
    expect(parseReportQuery(`?${qs}`)).toEqual(filters);
  });

  it('drops unknown keys, empty values and values that cannot be right', () => {
    expect(
      parseReportQuery('from=2026-1-1&to=&area=kara&category=a%20b&status=closed&channel=whatsapp'),
    ).toEqual({ channel: 'whatsapp' });
  });

  it('appends extra keys and leaves a bare path when there is nothing to add', () => {
    expect(reportQueryString({ from: '2026-01-01' }, { level: 'canton', measure: '' })).toBe(
      'from=2026-01-01&level=canton',
    );
    expect(withQuery('/reports', '')).toBe('/reports');
    expect(withQuery('/reports', 'a=1')).toBe('/reports?a=1');
  });

  it('keeps the indicators period to the choices offered, the default left out of the link', () => {
    expect(parseIndicatorMonths('6')).toBe(6);
    expect(parseIndicatorMonths('36')).toBe(36);
    for (const bad of [null, undefined, '', '7', '0', '120', 'x', '12.5'])
      expect(parseIndicatorMonths(bad)).toBe(12);
    expect(reportQueryString({ area: AREA }, indicatorExtra(6))).toBe(`area=${AREA}&months=6`);
    expect(reportQueryString({ area: AREA }, indicatorExtra(12))).toBe(`area=${AREA}`);
    expect(reportQueryString({}, indicatorExtra(24))).toBe('months=24');
    expect(reportQueryString({}, indicatorExtra(12))).toBe('');
  });
});
