import { createComplaintSchema } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../api/client';
import { translator } from '../../../../i18n/translate';
import { apiFieldErrors, errorAt, validateWith } from '../../../../ui/errors';
import { fileKind, maxBytes } from '../../../../ui/files';
import { EMPTY_INTAKE, hasContact, intakeBody, togolesePhone } from './intake-values';

const t = translator('fr');
const village = {
  id: '6f1c2a4e-8b1d-4c1e-9f4a-2b3c4d5e6f70',
  code: 'V',
  name: 'Kassiki',
  level: 'village',
  parentId: null,
  context: '',
};

describe('togolesePhone', () => {
  it('completes Togolese numbers as people say them', () => {
    expect(togolesePhone('90 12 34 56')).toBe('+22890123456');
    expect(togolesePhone('228 90123456')).toBe('+22890123456');
    expect(togolesePhone('0022890123456')).toBe('+22890123456');
    expect(togolesePhone('+33 6 12 34 56 78')).toBe('+33612345678');
  });

  it('leaves anything else for the schema to judge', () => {
    expect(togolesePhone('9012')).toBe('9012');
  });
});

describe('intakeBody', () => {
  it('passes the domain schema for a minimal named complaint', () => {
    const body = intakeBody({
      ...EMPTY_INTAKE,
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      name: 'Awa',
      phone: '90123456',
      description: 'La pompe est cassée depuis un mois.',
      village,
    });
    const checked = validateWith(createComplaintSchema, body, 'fr', t, true);
    expect(checked.ok).toBe(true);
    expect((body.complainant as { phone: string }).phone).toBe('+22890123456');
  });

  it('drops the identity of an anonymous complainant and the size of an individual', () => {
    const body = intakeBody({ ...EMPTY_INTAKE, anonymous: true, name: 'Awa', groupSize: '4' });
    expect(body.complainant).not.toHaveProperty('name');
    expect((body.complainant as { groupSize?: number }).groupSize).toBeUndefined();
  });

  it('sends the consent to be messaged only with a contact to send to', () => {
    const named = { ...EMPTY_INTAKE, name: 'Awa', notifyConsent: true };
    const consent = (v: typeof named) =>
      (intakeBody(v).complainant as { notifyConsent: boolean }).notifyConsent;
    expect(hasContact(named)).toBe(false);
    expect(consent(named)).toBe(false);
    expect(consent({ ...named, email: 'awa@example.org' })).toBe(true);
    expect(consent({ ...named, whatsapp: '90123456' })).toBe(true);
    expect(consent({ ...named, phone: '90123456', anonymous: true })).toBe(false);
    expect(consent({ ...named, phone: '90123456', notifyConsent: false })).toBe(false);
  });

  it('says in French why a consent without contact is refused', () => {
    const err = new ApiError(400, 'validation_error', 'invalid', [
      { path: 'complainant.notifyConsent', message: 'consent_without_contact' },
    ]);
    expect(errorAt(apiFieldErrors(err, 'fr', true), 'complainant.notifyConsent')).toMatch(/téléphone/);
  });

  it('reports nested errors by their full path', () => {
    const body = intakeBody({ ...EMPTY_INTAKE, type: 'complaint', description: 'court', latitude: '9,5' });
    const checked = validateWith(createComplaintSchema, body, 'fr', t, true);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['complainant.name']).toBe('Ce champ est obligatoire.');
    expect(checked.errors.villageId).toBe('Ce champ est obligatoire.');
    expect(checked.errors.category).toBeDefined();
    expect(checked.errors.latitude).toBeUndefined();
  });
});

describe('server field errors', () => {
  it('keep the full path and translate known codes', () => {
    const err = new ApiError(400, 'validation_error', 'invalid', [
      { path: 'complainant.vulnerabilities.1', message: 'unknown_vulnerability' },
      { path: 'villageId', message: 'not_a_village' },
    ]);
    const errors = apiFieldErrors(err, 'fr', true);
    expect(errorAt(errors, 'complainant.vulnerabilities')).toBe('Groupe vulnérable inconnu ou désactivé.');
    expect(errors.villageId).toBe("Cette unité n'est pas un village.");
  });
});

describe('attachments checked before upload', () => {
  it('accepts photos, PDF and audio with their size limits', () => {
    const file = (name: string, type: string) => new File(['x'], name, { type });
    expect(fileKind(file('a.jpg', 'image/jpeg'))).toBe('image');
    expect(fileKind(file('scan.pdf', 'application/pdf'))).toBe('pdf');
    expect(fileKind(file('voix.m4a', ''))).toBe('audio');
    expect(fileKind(file('notes.txt', 'text/plain'))).toBeNull();
    expect(maxBytes('image')).toBe(10 * 1024 * 1024);
    expect(maxBytes('audio')).toBe(20 * 1024 * 1024);
  });
});
