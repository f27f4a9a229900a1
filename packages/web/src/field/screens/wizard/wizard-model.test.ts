import { createComplaintSchema } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_WIZARD,
  firstStepWithIssues,
  STEP_IDS,
  STEP_PATHS,
  stepIssues,
  visibleSteps,
  type WizardValues,
  wizardPayload,
} from './wizard-model';

const VILLAGE = { id: '4f9c2d1e-8b7a-4c3d-9e2f-1a2b3c4d5e6f', code: 'V1', name: 'Lama', level: 'village' };
const now = new Date('2026-03-10T09:00:00Z');

const complete: WizardValues = {
  ...EMPTY_WIZARD,
  type: 'complaint',
  category: 'works',
  channel: 'in_person',
  name: 'Awa Kossi',
  phone: '90 12 34 56',
  description: 'Le forage du village ne marche plus depuis deux mois.',
  village: { ...VILLAGE, parentId: null, context: '' },
};

describe('wizard steps', () => {
  it('ask nothing about name or contact when the complainant stays anonymous', () => {
    expect(visibleSteps(complete)).toContain('contact');
    expect(visibleSteps({ ...complete, anonymous: true })).not.toContain('contact');
    expect(visibleSteps(complete).at(-1)).toBe('summary');
  });

  it('block the first steps on their own fields only, with French message keys', () => {
    expect(stepIssues('type', EMPTY_WIZARD, now)).toEqual({ type: { key: 'validation.required' } });
    // The empty description and village of later steps do not block the category step.
    expect(stepIssues('category', { ...EMPTY_WIZARD, category: 'works' }, now)).toEqual({});
  });

  it('need a name for a named complainant, and a contact for the consent to messages', () => {
    expect(stepIssues('contact', { ...complete, name: '' }, now)).toEqual({
      'complainant.name': { key: 'validation.required' },
    });
    const consentOnly = { ...complete, phone: '', notifyConsent: true };
    // A ticked box without any contact is dropped by the conversion, as on the desktop: nothing to refuse.
    expect(stepIssues('contact', consentOnly, now)).toEqual({});
    expect(stepIssues('contact', { ...complete, phone: '12' }, now)).toEqual({
      'complainant.phone': { key: 'validation.phone_e164' },
    });
  });

  it('check the description length, the group size and the incident date with the domain rules', () => {
    expect(stepIssues('description', { ...complete, description: 'abc' }, now)).toEqual({
      description: { key: 'validation.tooShort', params: { min: '5' } },
    });
    expect(stepIssues('profile', { ...complete, kind: 'group', groupSize: '1' }, now)).toEqual({
      'complainant.groupSize': { key: 'validation.tooSmall', params: { min: '2' } },
    });
    const future = stepIssues('incident', { ...complete, incidentDate: '2999-01-01' }, now);
    expect(future).toEqual({ incidentDate: { key: 'validation.date_in_future' } });
    expect(stepIssues('village', { ...complete, village: null }, now)).toEqual({
      villageId: { key: 'validation.required' },
    });
  });

  it('let a phone whose clock is wrong record the complaint (the server bounds its time), with a local number', () => {
    expect(
      firstStepWithIssues({ ...complete, phone: '92345678' }, new Date('1970-01-01T00:00:00Z')),
    ).toBeNull();
    expect(stepIssues('incident', { ...complete, incidentDate: '0001-01-01' }, now)).toEqual({
      incidentDate: { key: 'validation.date_before_project_start' },
    });
  });

  it('refuse half a GPS point', () => {
    expect(stepIssues('place', { ...complete, latitude: '9.55' }, now)).toEqual({
      latitude: { key: 'validation.point_incomplete' },
    });
    expect(stepIssues('place', { ...complete, latitude: '9.55', longitude: '1.18' }, now)).toEqual({});
  });

  it('send the summary back to the first step with a problem', () => {
    expect(firstStepWithIssues(complete, now)).toBeNull();
    expect(firstStepWithIssues({ ...complete, channel: '', village: null }, now)).toBe('channel');
    expect(firstStepWithIssues({ ...complete, village: null }, now)).toBe('village');
  });

  it('own every path the schema can complain about', () => {
    const owned = STEP_IDS.flatMap((s) => STEP_PATHS[s]);
    for (const key of Object.keys(createComplaintSchema.shape)) {
      if (['id', 'receivedAt', 'complainant'].includes(key)) continue;
      expect(owned, key).toContain(key);
    }
  });

  it('build a payload the domain schema accepts, received when it was recorded', () => {
    const payload = wizardPayload(complete, now);
    const parsed = createComplaintSchema.parse(payload);
    expect(parsed.receivedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(parsed.complainant.phone).toBe('+22890123456');
    expect(parsed.villageId).toBe(VILLAGE.id);
  });
});
