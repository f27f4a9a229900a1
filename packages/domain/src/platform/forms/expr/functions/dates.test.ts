import { describe, expect, it } from 'vitest';
import { run } from '../test-context.js';
import { toText } from '../values.js';

const NaN_ = Number.NaN;

// The fake clock is 2026-03-15T10:30:00Z (a Sunday).
describe('dates: values printed as ODK prints them', () => {
  it.each<[string, string]>([
    ['today()', '2026-03-15'],
    ['now()', '2026-03-15T10:30:00.000Z'],
    ["date('2024-02-29')", '2024-02-29'],
    ["date('2024-02-30')", ''],
    ["date('')", ''],
    ["date('nonsense')", ''],
    ['date(0)', '1970-01-01'],
    ['date(20527.9)', '2026-03-15'],
    ['date(${visit})', '2026-03-01'],
    ['date(today() + 30)', '2026-04-14'],
    ['date(${dob} + 1)', '1990-06-16'],
    ["date-time('2026-03-01T08:00:00+01:00')", '2026-03-01T07:00:00.000Z'],
    ["date-time('2026-03-01')", '2026-03-01T00:00:00.000Z'],
    ['date-time(0.5)', '1970-01-01T12:00:00.000Z'],
    ["format-date(today(), '%Y-%m-%d')", '2026-03-15'],
    ["format-date(${dob}, '%e/%n/%y')", '15/6/90'],
    ["format-date(${dob}, '%a %d %b %Y')", 'Fri 15 Jun 1990'],
    ["format-date(now(), '%H:%M:%S.%3 %h')", '10:30:00.000 10'],
    ["format-date(${visit}, '%H%%')", '08%'],
    ["format-date(${blank}, '%Y')", ''],
    ["format-date('x', '%Y')", ''],
    ["format-date-time(now(), '%Y %q')", '2026 %q'],
  ])('%s → %s', (source, expected) => {
    expect(toText(run(source))).toBe(expected);
  });
});

describe('dates: numbers', () => {
  it.each<[string, number]>([
    ["decimal-date-time('1970-01-02T06:00:00Z')", 1.25],
    ["decimal-date-time('1970-01-11')", 10],
    ['decimal-date-time(today())', 20527],
    ['decimal-date-time(now())', 20527.4375],
    ["decimal-date-time('')", NaN_],
    ["decimal-time('12:00')", 0.5],
    ["decimal-time('06:00:00')", 0.25],
    ["decimal-time('13:00:00+01:00')", 0.5],
    ["decimal-time('2026-03-01T18:00:00Z')", 0.75],
    ["decimal-time('25:00')", NaN_],
    ['decimal-time(${blank})', NaN_],
    ['today() - date(${dob})', 13057],
    ["today() - '2026-03-14'", 1],
  ])('%s → %d', (source, expected) => {
    const value = run(source) as number;
    if (Number.isNaN(expected)) expect(value).toBeNaN();
    else expect(value).toBeCloseTo(expected, 9);
  });

  it('compares dates with today()', () => {
    expect(run('${dob} <= today()')).toBe(true);
    expect(run("today() < '2026-03-16'")).toBe(true);
    expect(run("today() = '2026-03-15'")).toBe(true);
    expect(run("date(${visit}) = '2026-03-01'")).toBe(true);
  });
});
