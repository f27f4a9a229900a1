import type { FormAnswers } from '../../../platform/forms/definition.js';

/**
 * A realistic filled example of every seed form (for tests and demo data), and a fixed clock they are valid
 * at: every date is on or before `EXAMPLES_NOW`, so they stay valid at any later real date too.
 */
export const EXAMPLES_NOW = new Date('2026-11-30T10:00:00Z');

const participation: FormAnswers = {
  meeting_date: '2026-11-18',
  men_le35: 18,
  women_le35: 22,
  men_gt35: 31,
  women_gt35: 27,
  households: 54,
  ethnic_minorities: 9,
};
const member = (prefix: string, name: string, role: string, sex: string, age: string, phone?: string) => ({
  [`${prefix}_member_name`]: name,
  [`${prefix}_member_role`]: role,
  [`${prefix}_member_sex`]: sex,
  [`${prefix}_member_age`]: age,
  ...(phone ? { [`${prefix}_member_phone`]: phone } : {}),
});

export const SEED_FORM_EXAMPLES: Record<string, FormAnswers> = {
  dcc_participation: participation,
  dcc_village_profile: {
    pop_men_le35: 412,
    pop_men_gt35: 268,
    pop_women_le35: 455,
    pop_women_gt35: 301,
    pop_ethnic_minority: 140,
    pop_elderly: 96,
    pop_disabled: 21,
    households: 187,
    new_households: 6,
    new_households_conflict: 2,
    ethnic_groups: 'Kabiyè, Lamba, Peul',
    main_languages: ['kabiye', 'lamba', 'other'],
    main_languages_other: 'Ifè',
    main_religions: ['traditional', 'christian'],
    distance_town_km: 14.5,
    main_access_road: 'laterite',
    main_transport: 'motorbike',
    transport_frequency: 'market_days',
    coverage_moov: true,
    coverage_togocom: true,
    coverage_neighbour: false,
    water_source_dry_1: 'hand_pump',
    water_source_dry_2: 'well',
    main_activities: ['agriculture', 'livestock', 'trade'],
    schools: 1,
    health_facilities: 0,
    places_of_worship: 3,
    markets: 1,
    village_location: { lat: 9.5521, lon: 1.1874 },
  },
  dcc_cvd_existence: {
    cvd_exists: true,
    cvd_election_date: '2025-11-20',
    cvd_full_membership: true,
    cvd_tasks_separated: false,
    cvd_annual_review: true,
    cvd_review_date: '2026-06-05',
    cvd_action_plan: true,
    cvd_action_plan_done_pct: 40,
    cvd_tools_available: ['report_book', 'journal'],
    cvd_tools_used: ['report_book'],
    cvd_members: [
      member('cvd', 'Essowè Padabo', 'president', 'male', 'gt35', '90123456'),
      member('cvd', 'Afi Kpatcha', 'treasurer', 'female', 'le35'),
      member('cvd', 'Mazalo Tchakei', 'secretary', 'female', 'gt35', '99887766'),
    ],
    cvd_needs_training: true,
    cvd_training_modules: ['roles', 'management'],
  },
  dcc_ccd_existence: {
    ccd_exists: true,
    ccd_set_up_on: '2024-06-14',
    ccd_members: [
      member('ccd', 'Kodjo Bakali', 'president', 'male', 'gt35'),
      member('ccd', 'Akossiwa Djobo', 'secretary', 'female', 'le35', '92345678'),
    ],
    ccgp_exists: false,
  },
  dcc_ccd_setup: {
    ...participation,
    ccd_bureau_men: 5,
    ccd_bureau_women: 4,
    ccgp_men: 3,
    ccgp_women: 2,
  },
  dcc_needs_focus_groups: {
    focus_group_count: 2,
    focus_groups: [
      {
        focus_group: 'women',
        group_participants: 24,
        group_need_count: 3,
        group_needs: [
          { need: 'borehole' },
          { need: 'maternity' },
          { need: 'other', need_other: 'Moulin à grains' },
        ],
      },
      {
        focus_group: 'youth',
        group_participants: 17,
        group_need_count: 1,
        group_needs: [{ need: 'solar_power' }],
      },
    ],
  },
  dcc_obstacles_vision: {
    ...participation,
    vision_group_count: 2,
    group_visions: [
      {
        vision_group: 'farmers_breeders',
        obstacles: ['water', 'roads'],
        vision: 'Un village où les produits sortent toute l’année vers le marché de Kara.',
      },
      {
        vision_group: 'women',
        obstacles: ['health', 'other'],
        obstacles_other: 'Corvée de bois',
        vision: 'Accoucher au village.',
      },
    ],
  },
  dcc_priority_ranking: {
    priorities_count: 3,
    priorities: [
      {
        priority_subcomponent: 'c11',
        priority: 'borehole',
        estimated_cost: 12_500_000,
        proposed_by: ['women', 'farmers_breeders'],
      },
      {
        priority_subcomponent: 'c12a',
        priority: 'market_shed',
        estimated_cost: 8_000_000,
        proposed_by: ['women'],
      },
      {
        priority_subcomponent: 'c13',
        priority: 'youth_centre',
        estimated_cost: 15_000_000,
        proposed_by: ['youth'],
      },
    ],
  },
  dcc_canton_arbitration: {
    ...participation,
    villages_in_canton: 12,
    villages_present: 11,
    subprojects_submitted: 11,
    subprojects_approved: 4,
    subprojects_rejected: 5,
    sectors_covered: 3,
    beneficiary_villages: 6,
    grant_allocated: 98_000_000,
  },
  dcc_social_audit: {
    ...participation,
    works_completed: true,
    physical_progress_pct: 100,
    quality_satisfactory: true,
    accounts_presented: true,
    amount_received: 24_500_000,
    amount_spent: 23_950_000,
    complaints_received: 3,
    complaints_resolved: 2,
    maintenance_committee: true,
    satisfaction: 'satisfied',
    recommendations: 'Clôturer le forage et former le comité de gestion à la tenue de la caisse.',
  },
};
