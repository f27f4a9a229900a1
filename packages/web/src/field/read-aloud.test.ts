import { generateTrackingCode } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { codeGroups, displayCode, spokenCode } from './read-aloud';

describe('reading a tracking code aloud', () => {
  it('splits the printed code into its groups, one symbol at a time', () => {
    expect(codeGroups('ab2c-d3ef-7')).toEqual([['A', 'B', '2', 'C'], ['D', '3', 'E', 'F'], ['7']]);
  });

  it('says each symbol apart, with a pause between groups', () => {
    expect(spokenCode('AB2CD3EF7')).toBe('A, B, 2, C. D, 3, E, F. 7');
  });

  it('prints any generated code as XXXX-XXXX-C', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 20; i++)
      expect(displayCode(generateTrackingCode(random))).toMatch(/^\w{4}-\w{4}-\w$/);
  });

  it('still groups a code of another length by four instead of garbling it', () => {
    expect(displayCode('K7QH2MX9PZ')).toBe('K7QH-2MX9-PZ');
  });
});
