import { describe, expect, it } from 'vitest';
import { fillReferences, scopesOf } from './label-text';

describe('references in labels', () => {
  it('lists the scopes from the innermost instance out', () => {
    expect(scopesOf('age')).toEqual(['']);
    expect(scopesOf('plots[0].trees[2].kind')).toEqual(['plots[0].trees[2].', 'plots[0].', '']);
  });

  it('fills each reference from the nearest scope, shows nothing for the unanswered', () => {
    const values: Record<string, string> = { total: '12', 'members[1].name': 'Afi', name: 'top' };
    const read = (p: string) => values[p];
    expect(fillReferences('Total : ${total} (${total})', 'note', read)).toBe('Total : 12 (12)');
    expect(fillReferences('Âge de ${name}', 'members[1].age', read)).toBe('Âge de Afi');
    expect(fillReferences('Âge de ${name}', 'members[0].age', read)).toBe('Âge de top');
    expect(fillReferences('${nope} reste', 'x', read)).toBe(' reste');
    expect(fillReferences('sans référence', 'x', read)).toBe('sans référence');
  });
});
