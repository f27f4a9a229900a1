import { describe, expect, it } from 'vitest';
import { MIS_COMPONENTS, MIS_SECTORS, MIS_STRUCTURE_TYPES, MIS_TECHNICAL_ATTRIBUTES } from './reference.js';

describe('MIS reference lists', () => {
  it('has the COSO components and the previous MIS’s structure types, each in a known sector', () => {
    expect(MIS_COMPONENTS.map((c) => c.code)).toEqual(['1.1', '1.2a', '1.2b', '1.3']);
    expect(MIS_STRUCTURE_TYPES.length).toBeGreaterThanOrEqual(38);
    const sectors = new Set(MIS_SECTORS.map((s) => s.code));
    const attributes = new Set(MIS_TECHNICAL_ATTRIBUTES.map((a) => a.code));
    for (const t of MIS_STRUCTURE_TYPES) {
      expect(sectors.has(t.sector), t.code).toBe(true);
      for (const a of t.attributes) expect(attributes.has(a), `${t.code}.${a}`).toBe(true);
    }
  });

  it('codes are unique and labels present in both languages', () => {
    for (const list of [MIS_COMPONENTS, MIS_SECTORS, MIS_STRUCTURE_TYPES, MIS_TECHNICAL_ATTRIBUTES]) {
      expect(new Set(list.map((x) => x.code)).size).toBe(list.length);
      for (const x of list) expect(x.label.fr && x.label.en, x.code).toBeTruthy();
    }
  });
});
