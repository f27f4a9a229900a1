import { describe, expect, it } from 'vitest';
import { createComplaintSchema } from '../modules/grm/complaints/intake.js';
import { normalizePhone, phoneSchema } from './phone.js';
import { createUserSchema } from './schemas/users.js';

describe('one phone rule', () => {
  it('reads Togolese numbers as people write them, in +228 and eight digits', () => {
    for (const typed of [
      '92345678',
      '92 34 56 78',
      '92.34.56.78',
      '228 92345678',
      '0022892345678',
      '+228 92 34 56 78',
    ]) {
      expect(normalizePhone(typed), typed).toBe('+22892345678');
    }
  });

  it('keeps other countries in E.164 and refuses what cannot be a number', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('0033612345678')).toBe('+33612345678');
    for (const bad of [
      '9234567',
      '923456789',
      '+2289234567',
      '+228923456789',
      '12345',
      'abc',
      '',
      '+0123456789',
    ]) {
      expect(normalizePhone(bad), bad).toBeUndefined();
    }
  });

  it('the schemas of the citizen, staff and field forms and of users accept a local number and store +228', () => {
    expect(phoneSchema.parse(' 92345678 ')).toBe('+22892345678');
    expect(phoneSchema.safeParse('9234').error?.issues[0]?.message).toBe('phone_e164');
    const complaint = createComplaintSchema.parse({
      type: 'complaint',
      category: 'works',
      channel: 'web',
      description: 'Le forage est en panne.',
      villageId: '6ffad589-2a82-4ad0-a62e-ce08e95a0872',
      complainant: { anonymous: false, name: 'Afi', phone: '92345678', whatsapp: '90 11 22 33' },
    });
    expect(complaint.complainant).toMatchObject({ phone: '+22892345678', whatsapp: '+22890112233' });
    const user = createUserSchema.parse({
      username: 'focal.kara',
      displayName: 'Point focal',
      phone: '92345678',
      roles: ['focal_point'],
      jurisdictionIds: ['6ffad589-2a82-4ad0-a62e-ce08e95a0872'],
      password: 'Demo-COSO-2027',
    });
    expect(user.phone).toBe('+22892345678');
  });
});
