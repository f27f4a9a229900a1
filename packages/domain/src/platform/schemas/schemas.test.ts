import { describe, expect, it } from 'vitest';
import { passwordSchema } from './auth.js';
import { createGeoUnitSchema, updateGeoUnitSchema } from './geo.js';
import { createUserSchema, updateUserSchema } from './users.js';

describe('shared schemas', () => {
  it('normalises usernames and emails to lower case', () => {
    const parsed = createUserSchema.parse({
      username: ' Focal.Kara ',
      displayName: 'Point focal',
      email: 'Focal@Example.ORG',
      roles: ['focal_point'],
      jurisdictionIds: ['6ffad589-2a82-4ad0-a62e-ce08e95a0872'],
      password: 'Demo-COSO-2027',
    });
    expect(parsed).toMatchObject({ username: 'focal.kara', email: 'focal@example.org', locale: 'fr' });
  });

  it('requires passwords of at least 10 characters with a letter and a digit', () => {
    expect(passwordSchema.safeParse('Demo-COSO-2027').success).toBe(true);
    expect(passwordSchema.safeParse('short1').success).toBe(false);
    expect(passwordSchema.safeParse('onlyletters-here').success).toBe(false);
    expect(passwordSchema.safeParse('1234567890').success).toBe(false);
  });

  it('leaves absent fields absent in partial updates (no defaults sneak in)', () => {
    expect(updateUserSchema.parse({ displayName: 'X' })).toEqual({ displayName: 'X' });
    expect(updateGeoUnitSchema.parse({ name: 'Lama' })).toEqual({ name: 'Lama' });
    expect(
      createGeoUnitSchema.parse({ level: 'village', parentId: null, code: 'V1', name: 'Lama' }),
    ).toMatchObject({
      border: false,
      rural: null,
      latitude: null,
      altNames: [],
    });
  });
});
