import { describe, expect, it } from 'vitest';
import { tableCsv } from './table-csv';

describe('table CSV', () => {
  it('uses semicolons, quotes what needs it and neutralises formulas but not negative numbers', () => {
    const csv = tableCsv(
      ['Catégorie', 'Nombre'],
      [
        ['Travaux; retards', 3],
        ['=HYPERLINK("x")', 1],
        ['-12', null],
        ['Dit "urgent"', -2],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Catégorie;Nombre',
      '"Travaux; retards";3',
      `"'=HYPERLINK(""x"")";1`,
      '-12;',
      '"Dit ""urgent""";-2',
      '',
    ]);
  });
});
