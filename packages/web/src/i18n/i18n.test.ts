import { COMPLAINT_ACTIONS, COMPLAINT_STATUSES, ERRORS } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr, frCore } from './fr';
import { frAccess } from './fr-access';
import { frCase } from './fr-case';
import { frComplaints } from './fr-complaints';
import { frDcc } from './fr-dcc';
import { frDeadlines, frNotifications } from './fr-deadlines';
import { frForms } from './fr-forms';
import { frGrm } from './fr-grm';
import { frJobs } from './fr-jobs';
import { frLifecycle } from './fr-lifecycle';
import { frCaseAccess, frMessages } from './fr-messages';
import { frMis } from './fr-mis';
import { frPublic } from './fr-public';
import { frReports } from './fr-reports';
import { frWork } from './fr-work';
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

  it('never define a key twice across the per-feature dictionaries (a spread would hide one)', () => {
    const parts = [
      frCore,
      frComplaints,
      frCase,
      frGrm,
      frDeadlines,
      frNotifications,
      frMessages,
      frJobs,
      frForms,
      frCaseAccess,
      frAccess,
      frPublic,
      frReports,
      frLifecycle,
      frWork,
      frDcc,
      frMis,
    ].map((d) => Object.keys(d));
    const total = parts.reduce((n, keys) => n + keys.length, 0);
    expect(Object.keys(fr).length).toBe(total);
  });

  it('label every case status and action in both languages', () => {
    for (const status of COMPLAINT_STATUSES) {
      expect(lookup('fr', `status.${status}`), status).toBeTruthy();
      expect(lookup('en', `status.${status}`), status).toBeTruthy();
    }
    for (const action of COMPLAINT_ACTIONS) {
      for (const prefix of ['action', 'actionHelp', 'event']) {
        expect(lookup('fr', `${prefix}.${action}`), `${prefix}.${action}`).toBeTruthy();
        expect(lookup('en', `${prefix}.${action}`), `${prefix}.${action}`).toBeTruthy();
      }
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
