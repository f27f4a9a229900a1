import { describe, expect, it } from 'vitest';
import { addInstance, domId, getAt, instanceCount, parsePath, removeInstance, setAt } from './answers';

describe('answer paths', () => {
  it('parses repeat steps, names with dots included', () => {
    expect(parsePath('age')).toEqual([{ name: 'age' }]);
    expect(parsePath('a.b')).toEqual([{ name: 'a.b' }]);
    expect(parsePath('members[2].age')).toEqual([{ name: 'members', index: 2 }, { name: 'age' }]);
    expect(parsePath('plots[0].trees[1].x.y')).toEqual([
      { name: 'plots', index: 0 },
      { name: 'trees', index: 1 },
      { name: 'x.y' },
    ]);
    expect(() => parsePath('1bad')).toThrow();
  });

  it('reads and writes nested values without mutating', () => {
    const before = { village: 'Lama', members: [{ name: 'Afi' }, { name: 'Kodjo' }] };
    const after = setAt(before, 'members[1].age', 34);
    expect(before.members[1]).toEqual({ name: 'Kodjo' });
    expect(getAt(after, 'members[1].age')).toBe(34);
    expect(getAt(after, 'members[0].name')).toBe('Afi');
    expect(getAt(after, 'village')).toBe('Lama');
    expect(getAt(after, 'members[5].age')).toBeUndefined();
    expect(getAt(setAt(after, 'village', undefined), 'village')).toBeUndefined();
  });

  it('creates missing instances when writing deep', () => {
    const a = setAt({}, 'plots[1].trees[0].kind', 'karité');
    expect(a).toEqual({ plots: [{}, { trees: [{ kind: 'karité' }] }] });
  });

  it('adds and removes repeat instances', () => {
    let a = addInstance({}, 'members');
    a = setAt(addInstance(a, 'members'), 'members[1].name', 'B');
    a = setAt(a, 'members[0].name', 'A');
    expect(instanceCount(a, 'members')).toBe(2);
    a = removeInstance(a, 'members', 0);
    expect(a).toEqual({ members: [{ name: 'B' }] });
    expect(instanceCount(a, 'nothing')).toBe(0);
  });

  it('makes ids safe for the DOM', () => {
    expect(domId('members[0].age')).toBe('ff-members-0--age');
    expect(domId('a.b')).toBe('ff-a-b');
  });
});
