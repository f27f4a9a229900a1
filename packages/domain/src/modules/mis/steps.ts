import type { Labelled } from './reference.js';

/**
 * A sub-project's progress steps (issue #16): an ordered, configurable list. Progress is recorded as events,
 * never as free text; the current step and the physical % are derived from them (progress.ts).
 *
 * - `main` steps are the way forward, in `order`; a step may not be recorded after a later main step, and only
 *   a step with `levels` (works in progress, at increasing %) may repeat.
 * - a `pause` step (interrupted) may follow only a step with levels, and is left by resuming that step or by an
 *   end step;
 * - an `end` step (not approved, abandoned) closes the sub-project: nothing may follow it (a mistake is voided
 *   by a correction, not overwritten).
 * - `requires`: steps that must have been reached before (e.g. final acceptance needs the provisional one);
 * - `percent`: the physical progress the step implies (completed and what follows it: 100).
 */
export interface StepDefinition extends Labelled {
  order: number;
  kind: 'main' | 'pause' | 'end';
  requires: readonly string[];
  levels?: boolean;
  percent?: number;
}

const step = (
  code: string,
  order: number,
  fr: string,
  en: string,
  rest: Omit<StepDefinition, 'code' | 'order' | 'label'>,
): StepDefinition => ({ code, order, label: { fr, en }, ...rest });

/** COSO's 15 steps (the previous MIS's sub-project statuses), with the API's codes. */
export const COSO_STEPS: readonly StepDefinition[] = [
  step('identified', 1, 'Identifié', 'Identified', { kind: 'main', requires: [] }),
  step('not_approved', 2, 'Non approuvé', 'Not approved', { kind: 'end', requires: ['identified'] }),
  step('approved', 3, 'Approuvé', 'Approved', { kind: 'main', requires: ['identified'] }),
  step('tender_launched', 4, 'DAO lancé', 'Tender launched', { kind: 'main', requires: ['approved'] }),
  step('company_selected', 5, 'Entreprise sélectionnée', 'Company selected', {
    kind: 'main',
    requires: ['approved'],
  }),
  step('contract_signed', 6, 'Contrat signé avec l’attributaire', 'Contract signed', {
    kind: 'main',
    requires: ['company_selected'],
  }),
  step('site_handover', 7, 'Remise du site', 'Site handed over', {
    kind: 'main',
    requires: ['contract_signed'],
  }),
  step('works_in_progress', 8, 'Travaux en cours', 'Works in progress', {
    kind: 'main',
    requires: ['site_handover'],
    levels: true,
  }),
  step('interrupted', 9, 'Interrompu', 'Interrupted', { kind: 'pause', requires: ['works_in_progress'] }),
  step('abandoned', 10, 'Abandonné', 'Abandoned', { kind: 'end', requires: ['approved'] }),
  step('completed', 11, 'Achevé', 'Completed', {
    kind: 'main',
    requires: ['works_in_progress'],
    percent: 100,
  }),
  step('technical_acceptance', 12, 'Réception technique', 'Technical acceptance', {
    kind: 'main',
    requires: ['completed'],
    percent: 100,
  }),
  step('provisional_acceptance', 13, 'Réception provisoire', 'Provisional acceptance', {
    kind: 'main',
    requires: ['completed'],
    percent: 100,
  }),
  step('community_handover', 14, 'Remise de l’ouvrage à la communauté', 'Handover to the community', {
    kind: 'main',
    requires: ['provisional_acceptance'],
    percent: 100,
  }),
  step('final_acceptance', 15, 'Réception définitive', 'Final acceptance', {
    kind: 'main',
    requires: ['provisional_acceptance'],
    percent: 100,
  }),
];

/** The step a new sub-project starts at. */
export const FIRST_STEP = 'identified';

/** Checks a configured step list: unique codes and orders, known requirements that come earlier, one start. */
export function checkStepList(steps: readonly StepDefinition[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(steps.map((s) => [s.code, s]));
  if (byCode.size !== steps.length) problems.push('duplicate_code');
  if (new Set(steps.map((s) => s.order)).size !== steps.length) problems.push('duplicate_order');
  const starts = steps.filter((s) => s.requires.length === 0);
  if (starts.length !== 1 || starts[0]?.kind !== 'main') problems.push('one_main_start_step_expected');
  for (const s of steps) {
    for (const r of s.requires) {
      const req = byCode.get(r);
      if (!req) problems.push(`unknown_requirement:${s.code}:${r}`);
      else if (req.order >= s.order) problems.push(`requirement_after_step:${s.code}:${r}`);
    }
    if (s.percent !== undefined && (s.percent < 0 || s.percent > 100))
      problems.push(`percent_range:${s.code}`);
  }
  return problems;
}
