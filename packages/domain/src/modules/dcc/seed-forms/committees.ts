import { choice, MEMBER_CHOICES, membersFields, notFuture, page, seedForm, t, yesNo } from './shared.js';

/**
 * T19 and T15: does the village development committee (CVD) / the canton committee (CCD) exist, how it works,
 * and its members (old keys structuration{existenCVD, dateElection, effectifComplet…}, existenceCDD, members[]).
 */

const CVD_TOOLS = [
  choice('report_book', 'Cahier de rapports', 'Report book'),
  choice('contribution_book', 'Cahier de cotisations', 'Contributions book'),
  choice('journal', 'Cahier journal (caisse)', 'Cash journal'),
  choice('visit_book', 'Cahier de visites', 'Visitors book'),
];

export const cvdExistenceForm = seedForm(
  'dcc_cvd_existence',
  t('Existence du CVD et de ses organes', 'The CVD and its organs'),
  [
    yesNo('cvd_exists', t('Le village a-t-il un CVD ?', 'Does the village have a CVD?'), {
      indicator: 'cvd.exists',
    }),
    page(
      'cvd_structure',
      t('Structuration', 'Structure'),
      [
        {
          type: 'date',
          name: 'cvd_election_date',
          label: t("Date d'élection du bureau", 'Date the board was elected'),
          required: true,
          ...notFuture,
        },
        yesNo('cvd_full_membership', t("L'effectif du bureau est-il complet ?", 'Is the board complete?')),
        yesNo(
          'cvd_tasks_separated',
          t('Les tâches sont-elles réparties entre les membres ?', 'Are tasks shared among the members?'),
        ),
        yesNo(
          'cvd_annual_review',
          t('Le CVD fait-il une revue annuelle ?', 'Does the CVD hold an annual review?'),
        ),
        {
          type: 'date',
          name: 'cvd_review_date',
          label: t('Date de la dernière revue', 'Date of the last review'),
          relevant: "${cvd_annual_review} = 'yes'",
          ...notFuture,
        },
      ],
      "${cvd_exists} = 'yes'",
    ),
    page(
      'cvd_functioning',
      t('Fonctionnement et outils', 'Functioning and tools'),
      [
        yesNo('cvd_action_plan', t("Le CVD a-t-il un plan d'action ?", 'Does the CVD have an action plan?'), {
          indicator: 'cvd.action_plan',
        }),
        {
          type: 'integer',
          name: 'cvd_action_plan_done_pct',
          label: t("Niveau de réalisation du plan d'action (%)", 'Action plan completion (%)'),
          relevant: "${cvd_action_plan} = 'yes'",
          required: true,
          constraint: '. >= 0 and . <= 100',
          indicator: 'cvd.action_plan_done_pct',
        },
        {
          type: 'select_multiple',
          name: 'cvd_tools_available',
          list: 'cvd_tools',
          label: t('Outils de gestion disponibles', 'Management tools available'),
        },
        {
          type: 'select_multiple',
          name: 'cvd_tools_used',
          list: 'cvd_tools',
          label: t('Outils tenus à jour', 'Tools kept up to date'),
          relevant: 'count-selected(${cvd_tools_available}) > 0',
        },
      ],
      "${cvd_exists} = 'yes'",
    ),
    ...membersFields('cvd', 'cvd', "${cvd_exists} = 'yes'"),
    yesNo('cvd_needs_training', t('Le CVD doit-il être formé ?', 'Does the CVD need training?')),
    {
      type: 'select_multiple',
      name: 'cvd_training_modules',
      list: 'training_modules',
      label: t('Modules de formation proposés', 'Training modules proposed'),
      relevant: "${cvd_needs_training} = 'yes'",
      required: true,
    },
  ],
  {
    ...MEMBER_CHOICES,
    cvd_tools: CVD_TOOLS,
    training_modules: [
      choice('roles', 'Module 1 : rôles et responsabilités', 'Module 1: roles and responsibilities'),
      choice(
        'management',
        'Module 2 : gestion administrative et financière',
        'Module 2: administration and finance',
      ),
      choice(
        'procurement',
        'Module 3 : passation des marchés communautaires',
        'Module 3: community procurement',
      ),
      choice('grievances', 'Gestion des plaintes', 'Grievance handling'),
    ],
  },
);

export const ccdExistenceForm = seedForm(
  'dcc_ccd_existence',
  t("Existence d'un comité cantonal de développement (CCD)", 'The canton development committee (CCD)'),
  [
    yesNo('ccd_exists', t('Le canton a-t-il un CCD ?', 'Does the canton have a CCD?'), {
      indicator: 'ccd.exists',
    }),
    {
      type: 'date',
      name: 'ccd_set_up_on',
      label: t('Date de mise en place du CCD', 'Date the CCD was set up'),
      relevant: "${ccd_exists} = 'yes'",
      ...notFuture,
    },
    ...membersFields('ccd', 'ccd', "${ccd_exists} = 'yes'"),
    yesNo(
      'ccgp_exists',
      t(
        'Le canton a-t-il un comité cantonal de gestion des plaintes (CCGP) ?',
        'Does the canton have a complaints committee (CCGP)?',
      ),
      {
        indicator: 'ccgp.exists',
      },
    ),
  ],
  MEMBER_CHOICES,
);
