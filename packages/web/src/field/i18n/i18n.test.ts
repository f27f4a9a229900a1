import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  DCC_MUTATION_TYPES,
  FORM_SUBMIT,
  MUTATION_PAYLOADS,
} from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { frLifecycle } from '../../i18n/fr-lifecycle';
import { STEP_IDS } from '../screens/wizard/wizard-model';
import { en } from './en';
import { fr, frCore } from './fr';
import { frDcc } from './fr-dcc';
import { frForms } from './fr-forms';
import { frWizard } from './fr-wizard';
import { lookup } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('field dictionaries', () => {
  it('have the same keys and placeholders in French and English, none defined twice', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
    expect(Object.keys(fr)).toHaveLength(
      Object.keys(frCore).length +
        Object.keys(frLifecycle).length +
        Object.keys(frWizard).length +
        Object.keys(frForms).length +
        Object.keys(frDcc).length,
    );
  });

  it('name every status, action, answer, wizard step, mutation type and media error', () => {
    const keys = [
      ...COMPLAINT_STATUSES.map((s) => `status.${s}`),
      ...COMPLAINT_ACTIONS.flatMap((a) => [`action.${a}`, `event.${a}`]),
      ...['accepted', 'rejected', 'no_response'].map((a) => `answer.${a}`),
      ...STEP_IDS.map((s) => `wizard.q.${s}`),
      ...[...Object.keys(MUTATION_PAYLOADS), FORM_SUBMIT, ...Object.values(DCC_MUTATION_TYPES)].map(
        (m) => `mutation.${m}`,
      ),
      ...['photo_unreadable', 'microphone_denied', 'recording_unsupported'].map((c) => `media.${c}`),
    ];
    for (const key of keys) {
      expect(lookup('fr', key), key).toBeTruthy();
      expect(lookup('en', key), key).toBeTruthy();
    }
  });

  it('stay small: the phone downloads them with the app', () => {
    expect(JSON.stringify(fr).length + JSON.stringify(en).length).toBeLessThan(60_000);
  });
});
