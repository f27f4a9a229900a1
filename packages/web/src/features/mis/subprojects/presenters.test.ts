import { COSO_STEPS } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import type { MisReference, SubprojectEvent } from './mis-api';
import {
  eventRows,
  labelOf,
  readCoordinate,
  readCount,
  readFcfa,
  sequenceProblem,
  statusTone,
} from './presenters';
import { buildCreateBody, emptySubprojectForm } from './subproject-form';

// The reference's steps as the server answers them (from the domain's COSO steps).
const steps: MisReference['steps'] = COSO_STEPS.map((s) => ({
  code: s.code,
  label: s.label.fr,
  labels: s.label,
  order: s.order,
  kind: s.kind,
  requires: [...s.requires],
  levels: s.levels ?? false,
  percent: s.percent ?? null,
}));

const event = (over: Partial<SubprojectEvent> & { id: string }): SubprojectEvent => ({
  kind: 'step',
  step: 'identified',
  date: '2026-03-01',
  progressPercent: null,
  amountSpent: null,
  voids: null,
  voided: false,
  note: '',
  author: null,
  recordedAt: '2026-03-01T10:00:00Z',
  fileIds: [],
  ...over,
});

describe('status badge', () => {
  it('colours each kind of step', () => {
    expect(statusTone(steps, 'identified')).toBe('text-bg-secondary');
    expect(statusTone(steps, 'contract_signed')).toBe('text-bg-info');
    expect(statusTone(steps, 'works_in_progress')).toBe('text-bg-primary');
    expect(statusTone(steps, 'interrupted')).toBe('text-bg-danger');
    expect(statusTone(steps, 'abandoned')).toBe('text-bg-dark');
    expect(statusTone(steps, 'not_approved')).toBe('text-bg-dark');
    expect(statusTone(steps, 'final_acceptance')).toBe('text-bg-success');
    expect(statusTone(steps, 'nonsense')).toBe('text-bg-light border');
  });

  it('labels a code in the UI language, the code itself when unknown', () => {
    expect(labelOf(steps, 'site_handover', 'fr')).toBe('Remise du site');
    expect(labelOf(steps, 'site_handover', 'en')).toBe('Site handed over');
    expect(labelOf(steps, 'gone', 'fr')).toBe('gone');
    expect(labelOf(steps, null, 'fr')).toBe('—');
  });
});

describe('timeline rows', () => {
  const events = [
    event({ id: 'e1' }),
    event({ id: 'e2', step: 'works_in_progress', progressPercent: 60, amountSpent: 500_000, voided: true }),
    event({ id: 'c1', kind: 'correction', step: null, date: null, voids: 'e2', note: 'Mauvais pourcentage' }),
    event({ id: 'e3', step: 'works_in_progress', date: '2026-04-02', progressPercent: 30, fileIds: ['f1'] }),
  ];
  const rows = eventRows(events, steps, 'fr');

  it('strikes a cancelled event with its correction’s reason; only events in force can be cancelled', () => {
    expect(rows.map((r) => [r.id, r.voided, r.canVoid])).toEqual([
      ['e1', false, true],
      ['e2', true, false],
      ['c1', false, false],
      ['e3', false, true],
    ]);
    expect(rows[1]?.voidedBecause).toBe('Mauvais pourcentage');
    expect(rows[3]?.voidedBecause).toBeNull();
  });

  it('names a correction by the step and date it cancels', () => {
    expect(rows[2]).toMatchObject({
      kind: 'correction',
      stepLabel: 'Travaux en cours',
      voidsDate: '2026-03-01',
    });
  });

  it('a correction the server has not flagged yet still marks its target', () => {
    const [row] = eventRows(
      [event({ id: 'x' }), event({ id: 'y', kind: 'correction', voids: 'x', note: 'doublon' })],
      steps,
      'en',
    );
    expect(row).toMatchObject({
      voided: true,
      voidedBecause: 'doublon',
      canVoid: false,
      stepLabel: 'Identified',
    });
  });
});

describe('typed numbers', () => {
  it('reads whole FCFA, refuses decimals and signs', () => {
    expect(readFcfa('12 500 000')).toBe(12_500_000);
    expect(readFcfa('1.250.000')).toBe(1_250_000);
    expect(readFcfa('  ')).toBeNull();
    expect(readFcfa('1250,50')).toBe('invalid');
    expect(readFcfa('1250.5')).toBe('invalid');
    expect(readFcfa('-100')).toBe('invalid');
  });

  it('reads counts and coordinates', () => {
    expect(readCount('42')).toBe(42);
    expect(readCount('4.2')).toBe('invalid');
    expect(readCoordinate('9,5512')).toBe(9.5512);
    expect(readCoordinate('-0.75')).toBe(-0.75);
    expect(readCoordinate('nord')).toBe('invalid');
  });
});

describe('new sub-project body', () => {
  const filled = {
    ...emptySubprojectForm(),
    place: { id: '7d1d7f0e-1a7b-4d7c-9b55-111111111111', level: 'canton' },
    title: 'École de Lama',
    component: '1.1',
    sector: 'education',
    type: 'school',
    estimatedCost: '25 000 000',
    attributes: { classrooms: '3', length_km: '2' },
    beneficiaries: { 'direct.women': '120', 'direct.men': '', 'indirect.youth': '40' },
    identifiedOn: '2026-03-02',
  };

  it('sends whole FCFA, the chosen type’s attributes only, the beneficiaries given, a canton as cantonId', () => {
    const out = buildCreateBody(filled, ['classrooms']);
    expect(out).toEqual({
      ok: true,
      body: {
        cantonId: filled.place.id,
        title: 'École de Lama',
        component: '1.1',
        sector: 'education',
        type: 'school',
        estimatedCost: 25_000_000,
        attributes: { classrooms: 3 },
        beneficiaries: { direct: { women: 120 }, indirect: { youth: 40 } },
        identifiedOn: '2026-03-02',
      },
    });
  });

  it('refuses a decimal cost, a bad count, half a GPS point and a prefecture, field by field', () => {
    const out = buildCreateBody(
      {
        ...filled,
        place: { id: 'p', level: 'prefecture' },
        estimatedCost: '1500,5',
        beneficiaries: { 'direct.men': 'beaucoup' },
        latitude: '9.5',
      },
      ['classrooms'],
    );
    expect(out).toEqual({
      ok: false,
      problems: {
        place: 'validation.one_of_village_or_canton',
        estimatedCost: 'mis.form.fcfaInvalid',
        'beneficiaries.direct.men': 'mis.form.countInvalid',
        latitude: 'validation.point_incomplete',
      },
    });
  });
});

describe('refused sequence', () => {
  it('names the missing steps in the UI language', () => {
    expect(sequenceProblem({ reason: 'requires', missing: ['provisional_acceptance'] }, steps, 'fr')).toEqual(
      {
        reason: 'requires',
        steps: 'Réception provisoire',
      },
    );
    expect(sequenceProblem({ reason: 'backwards' }, steps, 'en')).toEqual({ reason: 'backwards', steps: '' });
    expect(sequenceProblem(undefined, steps, 'fr')).toBeNull();
  });
});
