import { describe, expect, it } from 'vitest';
import { complainantSchema } from './intake.js';

const issues = (input: Record<string, unknown>) =>
  (complainantSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('consent to be messaged about the case', () => {
  it('is off unless given, and accepted with a phone, a WhatsApp number or an email', () => {
    expect(complainantSchema.parse({ anonymous: false, name: 'Awa' }).notifyConsent).toBe(false);
    for (const contact of [{ phone: '+22890123456' }, { whatsapp: '+22890123456' }, { email: 'a@b.tg' }]) {
      const parsed = complainantSchema.parse({
        anonymous: false,
        name: 'Awa',
        notifyConsent: true,
        ...contact,
      });
      expect(parsed.notifyConsent).toBe(true);
    }
  });

  it('is refused without any contact to send to', () => {
    expect(
      issues({ anonymous: false, name: 'Awa', notifyConsent: true, postalAddress: 'BP 12 Kara' }),
    ).toEqual(['notifyConsent:consent_without_contact']);
  });

  it('is refused from an anonymous complainant, who has no contact by definition', () => {
    expect(issues({ anonymous: true, notifyConsent: true })).toEqual([
      'notifyConsent:consent_without_contact',
    ]);
    expect(issues({ anonymous: true, notifyConsent: false })).toEqual([]);
  });
});
