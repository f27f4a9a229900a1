import { ERRORS } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { interpolate, lookup } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it('translate every error code the API can answer', () => {
    for (const code of Object.keys(ERRORS)) {
      expect(lookup('fr', `error.${code}`), code).toBeTruthy();
      expect(lookup('en', `error.${code}`), code).toBeTruthy();
    }
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Bienvenue, {name} ({role})', { name: 'Awa' })).toBe('Bienvenue, Awa ({role})');
  });
});
