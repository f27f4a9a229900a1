import type { FormChoice } from '../../../platform/forms/definition.js';
import { choice, count, FOCUS_GROUPS, participationPage, seedForm, t } from './shared.js';

/**
 * The planning forms: needs by focus group (T44), obstacles and vision by focus group (T60, the 4th village
 * meeting's opening, so with its participation), priorities ranked with their estimated cost (T59). Old keys:
 * besoinsPrioritairesDuGroupe[{besoin, besoinSelectionne, siAutreVeuillezDecrire}],
 * prioritesDuVillage[{priorite, coutEstime, proposePar}].
 */

/** Needs of component 1.1 (community infrastructure), after the structure types of the old MIS. */
const NEEDS_11: FormChoice[] = [
  choice('classrooms', 'Bâtiment scolaire (salles de classe)', 'School building (classrooms)'),
  choice('school_latrines', 'Latrines scolaires', 'School latrines'),
  choice('borehole', 'Forage (eau potable)', 'Borehole (drinking water)'),
  choice('hand_pump_repair', 'Réhabilitation de pompe (PMH)', 'Hand pump repair'),
  choice('health_unit', 'Unité de soins périphérique (USP) ou dispensaire', 'Health post'),
  choice('maternity', 'Maternité', 'Maternity ward'),
  choice('rural_track', 'Piste rurale', 'Rural track'),
  choice('culvert', 'Dalot ou ouvrage de franchissement', 'Culvert or crossing'),
  choice('solar_power', 'Électrification solaire', 'Solar electrification'),
  choice('community_centre', 'Centre communautaire ou salle de réunion', 'Community centre or meeting hall'),
  choice('storage', 'Magasin de stockage', 'Storage warehouse'),
  choice('water_retention', "Retenue d'eau", 'Water reservoir'),
];

export const needsFocusGroupsForm = seedForm(
  'dcc_needs_focus_groups',
  t('Besoins prioritaires par groupe de discussion', 'Priority needs by focus group'),
  [
    count('focus_group_count', t('Nombre de groupes de discussion', 'Number of focus groups'), {
      max: 4,
      constraint: '. >= 1',
      indicator: 'needs.focus_groups',
    }),
    {
      type: 'repeat',
      name: 'focus_groups',
      label: t('Groupe de discussion', 'Focus group'),
      repeatCount: '${focus_group_count}',
      children: [
        {
          type: 'select_one',
          name: 'focus_group',
          list: 'focus_groups',
          label: t('Groupe', 'Group'),
          required: true,
        },
        count('group_participants', t('Participants du groupe', 'Participants in the group'), {
          max: 1000,
          constraint: '. >= 1',
        }),
        count(
          'group_need_count',
          t('Nombre de besoins retenus par le groupe', 'Number of needs the group keeps'),
          {
            max: 10,
            constraint: '. >= 1',
          },
        ),
        {
          type: 'repeat',
          name: 'group_needs',
          label: t('Besoin prioritaire', 'Priority need'),
          repeatCount: '${group_need_count}',
          children: [
            {
              type: 'select_one',
              name: 'need',
              list: 'needs_11',
              orOther: true,
              label: t('Besoin', 'Need'),
              required: true,
            },
            { type: 'calculate', name: 'need_rank', calculation: 'position(..)' },
          ],
        },
      ],
    },
    {
      type: 'calculate',
      name: 'focus_group_participants',
      calculation: 'sum(${group_participants})',
      indicator: 'needs.participants',
    },
    {
      type: 'calculate',
      name: 'needs_listed',
      calculation: 'sum(${group_need_count})',
      indicator: 'needs.listed',
    },
  ],
  { focus_groups: FOCUS_GROUPS, needs_11: NEEDS_11 },
);

export const obstaclesVisionForm = seedForm(
  'dcc_obstacles_vision',
  t('Obstacles et vision de développement par groupe', 'Obstacles and development vision by group'),
  [
    participationPage(),
    count('vision_group_count', t('Nombre de groupes de discussion', 'Number of focus groups'), {
      max: 4,
      constraint: '. >= 1',
      indicator: 'vision.focus_groups',
    }),
    {
      type: 'repeat',
      name: 'group_visions',
      repeatCount: '${vision_group_count}',
      label: t('Groupe de discussion', 'Focus group'),
      children: [
        {
          type: 'select_one',
          name: 'vision_group',
          list: 'focus_groups',
          label: t('Groupe', 'Group'),
          required: true,
        },
        {
          type: 'select_multiple',
          name: 'obstacles',
          list: 'obstacles',
          orOther: true,
          label: t('Principaux obstacles au développement', 'Main obstacles to development'),
          required: true,
        },
        {
          type: 'text',
          name: 'vision',
          label: t('Vision de développement du groupe', "The group's development vision"),
          appearance: ['multiline'],
          required: true,
          constraint: 'string-length(.) <= 2000',
        },
      ],
    },
  ],
  {
    focus_groups: FOCUS_GROUPS,
    obstacles: [
      choice('water', "Manque d'eau potable", 'Lack of drinking water'),
      choice('health', 'Accès difficile aux soins', 'Poor access to health care'),
      choice('education', "Manque d'infrastructures scolaires", 'Lack of school facilities'),
      choice('roads', 'Enclavement (pistes impraticables)', 'Isolation (impassable tracks)'),
      choice('markets', 'Accès difficile aux marchés', 'Poor access to markets'),
      choice('electricity', "Absence d'électricité", 'No electricity'),
      choice('land', 'Conflits fonciers', 'Land conflicts'),
      choice('climate', 'Sécheresse et aléas climatiques', 'Drought and climate shocks'),
      choice('youth_jobs', 'Chômage des jeunes', 'Youth unemployment'),
      choice('insecurity', 'Insécurité', 'Insecurity'),
    ],
  },
);

const SUBCOMPONENTS: FormChoice[] = [
  choice('c11', '1.1 Infrastructures communautaires', '1.1 Community infrastructure'),
  choice('c12a', '1.2a Marchés', '1.2a Markets'),
  choice(
    'c12b',
    '1.2b Groupements socio-économiques et coopératives',
    '1.2b Socio-economic groups and cooperatives',
  ),
  choice('c13', '1.3 Jeunes', '1.3 Youth'),
];
/** The priorities a village may rank, filtered by sub-component (the `sub` column). */
const PRIORITY_TYPES: FormChoice[] = [
  ...NEEDS_11.map((c) => ({ ...c, data: { sub: 'c11' } })),
  choice('market_shed', 'Hangar de marché', 'Market shed', { sub: 'c12a' }),
  choice('market_storage', 'Magasin de marché', 'Market store', { sub: 'c12a' }),
  choice('processing_equipment', 'Équipement de transformation', 'Processing equipment', { sub: 'c12b' }),
  choice(
    'group_training',
    'Renforcement des capacités du groupement',
    "Strengthening the group's capacities",
    { sub: 'c12b' },
  ),
  choice('youth_centre', 'Maison des jeunes', 'Youth centre', { sub: 'c13' }),
  choice('sports_ground', 'Terrain de sport', 'Sports ground', { sub: 'c13' }),
  choice(
    'youth_jobs',
    'Activités génératrices de revenus pour les jeunes',
    'Income-generating activities for youth',
    { sub: 'c13' },
  ),
];

export const priorityRankingForm = seedForm(
  'dcc_priority_ranking',
  t('Classement des priorités du village', "The village's ranked priorities"),
  [
    count('priorities_count', t('Nombre de priorités retenues', 'Number of priorities kept'), {
      max: 30,
      constraint: '. >= 1',
      indicator: 'priorities.count',
    }),
    {
      type: 'repeat',
      name: 'priorities',
      repeatCount: '${priorities_count}',
      label: t('Priorité', 'Priority'),
      hint: t(
        'Dans l’ordre : la première est la plus importante.',
        'In order: the first is the most important.',
      ),
      children: [
        { type: 'calculate', name: 'priority_rank', calculation: 'position(..)' },
        {
          type: 'select_one',
          name: 'priority_subcomponent',
          list: 'subcomponents',
          label: t('Sous-composante', 'Sub-component'),
          required: true,
        },
        {
          type: 'select_one',
          name: 'priority',
          list: 'priority_types',
          orOther: true,
          choiceFilter: 'sub = ${priority_subcomponent}',
          label: t('Priorité', 'Priority'),
          required: true,
        },
        {
          type: 'money',
          name: 'estimated_cost',
          label: t('Coût estimatif (FCFA)', 'Estimated cost (FCFA)'),
          required: true,
          constraint: '. > 0 and . <= 1000000000',
          constraintMessage: t('Entre 1 et 1 milliard de FCFA.', 'Between 1 and 1 billion FCFA.'),
        },
        {
          type: 'select_multiple',
          name: 'proposed_by',
          list: 'focus_groups',
          label: t('Proposée par', 'Proposed by'),
          required: true,
        },
      ],
    },
    {
      type: 'calculate',
      name: 'priorities_total_cost',
      calculation: 'sum(${estimated_cost})',
      indicator: 'priorities.total_cost_fcfa',
    },
  ],
  { subcomponents: SUBCOMPONENTS, priority_types: PRIORITY_TYPES, focus_groups: FOCUS_GROUPS },
);
