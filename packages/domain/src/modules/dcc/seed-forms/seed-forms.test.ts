import { describe, expect, it } from 'vitest';
import { compileForm } from '../../../platform/forms/compile.js';
import { type FormAnswers, formDefinitionSchema, walkFields } from '../../../platform/forms/definition.js';
import { checkSubmission, validate } from '../../../platform/forms/validate.js';
import { seedTasks } from '../seed-template.js';
import { EXAMPLES_NOW, SEED_FORM_EXAMPLES } from './examples.js';
import { COSO_SEED_FORMS } from './index.js';

const now = EXAMPLES_NOW;
const byId = new Map(COSO_SEED_FORMS.map((f) => [f.formId, f]));
const errorsOf = (formId: string, answers: FormAnswers) =>
  validate(byId.get(formId)!, answers, { now }).map((e) => `${e.field}:${e.code}`);

// One broken copy of each example: what was changed, and the error it must give.
const BROKEN: Array<[string, (a: FormAnswers) => FormAnswers, string]> = [
  ['dcc_participation', (a) => ({ ...a, meeting_date: '2026-12-01' }), 'meeting_date:constraint'],
  ['dcc_participation', (a) => ({ ...a, households: 99 }), 'households:constraint'],
  ['dcc_participation', (a) => ({ ...a, women_le35: undefined as never }), 'women_le35:required'],
  ['dcc_participation', (a) => ({ ...a, men_gt35: -1 }), 'men_gt35:constraint'],
  ['dcc_village_profile', (a) => ({ ...a, pop_disabled: 5000 }), 'pop_disabled:constraint'],
  [
    'dcc_village_profile',
    (a) => ({ ...a, water_source_dry_2: 'hand_pump' }),
    'water_source_dry_2:constraint',
  ],
  ['dcc_village_profile', (a) => ({ ...a, main_transport: 'plane' }), 'main_transport:invalid_choice'],
  [
    'dcc_cvd_existence',
    (a) => ({ ...a, cvd_action_plan_done_pct: 140 }),
    'cvd_action_plan_done_pct:constraint',
  ],
  [
    'dcc_cvd_existence',
    (a) => ({ ...a, cvd_members: [{ ...(a.cvd_members as FormAnswers[])[0], cvd_member_phone: '123' }] }),
    'cvd_members[0].cvd_member_phone:constraint',
  ],
  ['dcc_ccd_existence', (a) => ({ ...a, ccd_set_up_on: '2030-01-01' }), 'ccd_set_up_on:constraint'],
  ['dcc_ccd_setup', (a) => ({ ...a, ccd_bureau_men: 0, ccd_bureau_women: 0 }), 'ccd_bureau_women:constraint'],
  [
    'dcc_needs_focus_groups',
    (a) => ({
      ...a,
      focus_groups: [{ ...(a.focus_groups as FormAnswers[])[0], group_needs: [{ need: 'swimming_pool' }] }],
    }),
    'focus_groups[0].group_needs[0].need:invalid_choice',
  ],
  [
    'dcc_obstacles_vision',
    (a) => ({ ...a, group_visions: [{ vision_group: 'youth', obstacles: [] }] }),
    'group_visions[0].vision:required',
  ],
  [
    'dcc_priority_ranking',
    (a) => ({ priorities: [{ ...(a.priorities as FormAnswers[])[0], priority: 'market_shed' }] }),
    'priorities[0].priority:invalid_choice',
  ],
  [
    'dcc_priority_ranking',
    (a) => ({ priorities: [{ ...(a.priorities as FormAnswers[])[0], estimated_cost: 0 }] }),
    'priorities[0].estimated_cost:constraint',
  ],
  ['dcc_priority_ranking', (a) => ({ ...a, priorities_count: 4 }), 'priorities:repeat_count'],
  [
    'dcc_needs_focus_groups',
    (a) => ({ ...a, focus_group_count: 0, focus_groups: [] }),
    'focus_group_count:constraint',
  ],
  ['dcc_canton_arbitration', (a) => ({ ...a, subprojects_rejected: 8 }), 'subprojects_rejected:constraint'],
  ['dcc_canton_arbitration', (a) => ({ ...a, villages_present: 13 }), 'villages_present:constraint'],
  [
    'dcc_canton_arbitration',
    (a) => ({ ...a, grant_allocated: undefined as never }),
    'grant_allocated:required',
  ],
  ['dcc_social_audit', (a) => ({ ...a, amount_spent: 30_000_000 }), 'amount_spent:constraint'],
  ['dcc_social_audit', (a) => ({ ...a, complaints_resolved: 4 }), 'complaints_resolved:constraint'],
];

const NUMERIC = new Set(['integer', 'decimal', 'money']);

describe('COSO seed forms', () => {
  it('are valid definitions that compile without a problem, with unique form ids', () => {
    expect(new Set(COSO_SEED_FORMS.map((f) => f.formId)).size).toBe(COSO_SEED_FORMS.length);
    for (const def of COSO_SEED_FORMS) {
      expect(formDefinitionSchema.safeParse(def).success, def.formId).toBe(true);
      expect(compileForm(def).problems, def.formId).toEqual([]);
      for (const f of walkFields(def.fields))
        if (f.type !== 'calculate') expect(f.label?.fr && f.label.en, `${def.formId}.${f.name}`).toBeTruthy();
    }
  });

  it('are the forms the template names, each used by a task', () => {
    const used = new Set(seedTasks().flatMap((t) => (t.formId ? [t.formId] : [])));
    for (const id of used) expect(byId.has(id), id).toBe(true);
    expect([...byId.keys()].sort()).toEqual([...used].sort());
  });

  it('bind every numeric answer outside a repeat to an indicator, unique within the form', () => {
    for (const def of COSO_SEED_FORMS) {
      const inRepeat = new Set<string>();
      for (const f of walkFields(def.fields))
        if (f.type === 'repeat') for (const c of walkFields(f.children ?? [])) inRepeat.add(c.name);
      const indicators: string[] = [];
      for (const f of walkFields(def.fields)) {
        if (f.indicator) indicators.push(f.indicator);
        if (NUMERIC.has(f.type) && !inRepeat.has(f.name))
          expect(f.indicator, `${def.formId}.${f.name}`).toBeTruthy();
      }
      expect(new Set(indicators).size, def.formId).toBe(indicators.length);
    }
  });

  it('accept their realistic example, with totals computed', () => {
    for (const def of COSO_SEED_FORMS) {
      const example = SEED_FORM_EXAMPLES[def.formId];
      expect(example, def.formId).toBeDefined();
      const { errors, answers } = checkSubmission(def, example!, { now });
      expect(errors, def.formId).toEqual([]);
      if ('men_le35' in example!) expect(Number(answers.total_participants)).toBe(98);
    }
    const profile = checkSubmission(
      byId.get('dcc_village_profile')!,
      SEED_FORM_EXAMPLES.dcc_village_profile!,
      { now },
    );
    expect(Number(profile.answers.pop_total)).toBe(1436);
    const cvd = checkSubmission(byId.get('dcc_cvd_existence')!, SEED_FORM_EXAMPLES.dcc_cvd_existence!, {
      now,
    });
    expect(
      [cvd.answers.cvd_members_total, cvd.answers.cvd_members_women, cvd.answers.cvd_members_youth].map(
        Number,
      ),
    ).toEqual([3, 2, 1]);
    const ranking = checkSubmission(
      byId.get('dcc_priority_ranking')!,
      SEED_FORM_EXAMPLES.dcc_priority_ranking!,
      { now },
    );
    expect(Number(ranking.answers.priorities_total_cost)).toBe(35_500_000);
  });

  it('refuse a broken copy of each example with the right error', () => {
    for (const [formId, breakIt, expected] of BROKEN) {
      const broken = JSON.parse(JSON.stringify(breakIt(SEED_FORM_EXAMPLES[formId]!))) as FormAnswers;
      expect(errorsOf(formId, broken), `${formId} → ${expected}`).toContain(expected);
    }
    for (const def of COSO_SEED_FORMS)
      expect(validate(def, {}, { now }).length, def.formId).toBeGreaterThan(0);
  });

  it('drop the answers of questions that do not apply (no CVD: no members kept)', () => {
    const def = byId.get('dcc_cvd_existence')!;
    const answers = { ...SEED_FORM_EXAMPLES.dcc_cvd_existence!, cvd_exists: false };
    const errors = validate(def, answers, { now }).map((e) => e.code);
    expect(errors).toContain('not_relevant');
    const { answers: kept } = checkSubmission(def, answers, { now });
    expect(kept.cvd_members).toBeUndefined();
  });
});
