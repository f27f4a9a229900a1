import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childPath, isWithin, nameKey, pathIds } from './geo.js';

describe('nameKey', () => {
  it('ignores accents, case, hyphens, apostrophes and repeated spaces', () => {
    expect(nameKey('Kéran')).toBe(nameKey('KERAN'));
    expect(nameKey('Agoè-Nyivé')).toBe('agoe nyive');
    expect(nameKey("  Sansanné   d'Oti ")).toBe('sansanne d oti');
  });

  it('is idempotent and insensitive to case for any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
        expect(nameKey(s.toUpperCase())).toBe(nameKey(s.toLowerCase()));
      }),
    );
  });
});

describe('materialised paths', () => {
  it('places every descendant within its ancestors and nothing else', () => {
    const ids = fc.uuid();
    fc.assert(
      fc.property(fc.array(ids, { minLength: 1, maxLength: 7 }), ids, (chain, stranger) => {
        let path: string | null = null;
        const paths: string[] = [];
        for (const id of chain) {
          path = childPath(path, id);
          paths.push(path);
        }
        const leaf = paths[paths.length - 1]!;
        for (const ancestor of paths) expect(isWithin(leaf, ancestor)).toBe(true);
        expect(pathIds(leaf)).toEqual(chain);
        if (!chain.includes(stranger)) expect(isWithin(leaf, childPath(null, stranger))).toBe(false);
      }),
    );
  });
});
