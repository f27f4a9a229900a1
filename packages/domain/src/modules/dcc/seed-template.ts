import {
  activity,
  MEETING_SLOTS,
  meetingOpening,
  type SeedPhase,
  type SeedTask,
  slot,
} from './seed-template-builder.js';

/**
 * The COSO seed template (issue #15; ../shared/spec/DCC.md and dcc-original-app.md §1): 7 phases, the 18
 * meetings of the monthly follow-up sheet as activities, 48 tasks. The previous app never seeded it (it was
 * typed in Django admin); this list is rebuilt from the task ids its code hard-coded. Task codes keep those
 * ids (`T13` … `T60`) so that reports and a village's history read the same code in every cycle. The 26 names
 * found in the old code are kept verbatim; the others are written for the same step of the cycle.
 *
 * Levels: the old app copied tasks 13, 15, 46 and 47 to every village of the canton (canton level) and every
 * other task from the CVD's headquarters village to its other villages by a script. Here a task about the CVD
 * itself (its organs, its training, its sub-project file) is CVD level and shared; a meeting of the village
 * community is village level. Prerequisites point only at tasks of the same or a coarser level (a village task
 * may wait for its CVD's or canton's task; a canton task never waits for one village among many).
 *
 * Materials are empty: no training material is known with a stable address, and a made-up link is worse than
 * none (a specialist adds them per cycle).
 */

export type { SeedActivity, SeedPhase, SeedTask } from './seed-template-builder.js';

export const COSO_SEED_TEMPLATE: SeedPhase[] = [
  {
    name: 'Visites préalables',
    activities: [
      activity(1, 'Visite préalable au niveau canton', [
        [
          13,
          "Introduction et présentation de l'AC par l'AADB lors de la première réunion cantonale",
          meetingOpening({ level: 'canton' }),
        ],
        [
          14,
          'Présentation du projet COSO et du cycle de développement communautaire aux autorités cantonales',
          { level: 'canton' },
        ],
        [
          15,
          "Vérification de l'existence d'un comité cantonal de développement (CCD)",
          { level: 'canton', form: 'dcc_ccd_existence' },
        ],
        [16, "Sollicitation de l'appui des autorités villageoises pour une forte mobilisation communautaire"],
      ]),
      activity(2, 'Visite préalable au niveau village', [
        [17, 'Présentation et clarification de votre mission', meetingOpening({ after: ['T16'] })],
        [18, 'Identification des leaders et des personnes ressources du village'],
        [
          19,
          "Vérification de l'existence du CVD et de ses organes",
          {
            level: 'cvd',
            form: 'dcc_cvd_existence',
            slots: [slot('cvd_documents', 'Photos des cahiers et outils du CVD', false, 'photo')],
          },
        ],
        [
          20,
          'Etablissement du profil du village (monograph)',
          {
            form: 'dcc_village_profile',
            after: ['T18'],
            slots: [slot('village_photos', 'Photos du village et de ses équipements', false, 'photo')],
          },
        ],
        [21, 'Convenir de la date de la première réunion de village'],
      ]),
    ],
  },
  {
    name: 'Mobilisation communautaire',
    activities: [
      activity(3, '1ère réunion de village', [
        [22, "Brève introduction de la réunion et de l'ANADEB", meetingOpening({ after: ['T21'] })],
        [23, 'Présentation du projet COSO, de ses composantes et de ses bénéficiaires'],
        [24, 'Présentation du cycle de développement communautaire et des règles de participation'],
        [25, 'Recueil des questions et des préoccupations de la communauté'],
        [26, 'Convenir de la date de la deuxième réunion de village'],
      ]),
      activity(4, '2ème réunion de village', [
        [
          27,
          'Ouverture de la deuxième réunion et vérification du quorum des participants',
          meetingOpening({ after: ['T26'] }),
        ],
        [28, 'Rappel des conclusions de la première réunion de village'],
        [29, "Présentation des critères d'éligibilité des sous-projets et de la liste négative"],
        [30, 'Présentation du mécanisme de gestion des plaintes (MGP) et de ses canaux de dépôt'],
        [
          32,
          'Mise en place ou restructuration du bureau du CVD',
          { level: 'cvd', slots: [slot('election_pv', "PV d'élection du bureau du CVD", true, 'document')] },
        ],
        [
          33,
          'Mise en place du comité villageois de gestion des plaintes (CVGP)',
          { slots: [slot('cvgp_pv', 'PV de mise en place du CVGP', true, 'document')] },
        ],
        [34, 'Présentation à la communauté des membres élus du CVD et du CVGP'],
        [
          35,
          'Constitution des groupes de discussion : agriculteurs et éleveurs, femmes, jeunes, minorités ethniques',
        ],
        [36, "Désignation des personnes ressources chargées d'animer les groupes de discussion"],
        [31, "Convenir de la date de l'évaluation sociale participative à la fin de la réunion"],
      ]),
      activity(5, 'Formation ECG (organes du CVD) au niveau village', [
        [
          37,
          'Animer la session de formation sur le Module 1 : rôles et responsabilités des membres des organes de CVD',
          meetingOpening({ level: 'cvd', after: ['T32'] }),
        ],
        [
          38,
          'Animer la session de formation sur le Module 2 : gestion administrative et financière du CVD',
          { level: 'cvd' },
        ],
        [
          39,
          'Animer la session de formation sur le Module 3 : passation des marchés communautaires et suivi des travaux',
          { level: 'cvd' },
        ],
        [
          40,
          'Évaluation de la formation et remise des outils de gestion au CVD',
          {
            level: 'cvd',
            slots: [slot('tools_receipt', 'Fiche de remise des outils de gestion', false, 'document')],
          },
        ],
      ]),
      activity(6, '3ème réunion de village', [
        [41, 'Présenter les activités de la journée', meetingOpening({ after: ['T31'] })],
        [42, 'Analyse participative de la situation du village en plénière'],
        [
          43,
          'Travaux des groupes de discussion : agriculteurs et éleveurs, femmes, jeunes, minorités ethniques',
        ],
        [
          44,
          'Identification et établissement de la liste des besoins prioritaires pour la composante 1.1 par groupe',
          {
            form: 'dcc_needs_focus_groups',
            slots: [slot('group_sheets', 'Photos des fiches des groupes de discussion', true, 'photo')],
          },
        ],
      ]),
    ],
  },
  {
    name: 'Planification',
    activities: [
      activity(7, '4ème réunion de village', [
        [
          60,
          'Identification des obstacles et de la vision de développement par groupe',
          meetingOpening({ form: 'dcc_obstacles_vision', after: ['T44'] }),
        ],
        [57, 'Besoins prioritaires pour la sous-composante 1.2a (marchés) par groupe'],
        [
          58,
          'Besoins prioritaires pour la sous-composante 1.2b (groupements socio-économiques et coopératives) par groupe',
        ],
        [
          59,
          "Sélection des priorités par sous-composante (1.1, 1.2, 1.3) à soumettre au CCD (réunion cantonale d'arbitrage)",
          { form: 'dcc_priority_ranking' },
        ],
        [
          45,
          "Elaboration du plan d'action villageois (PAV)",
          { slots: [slot('pav', "Plan d'action villageois (PAV)", true, 'document')] },
        ],
      ]),
      activity(8, 'Réunion cantonale J1', [
        [
          46,
          'Mise en place et/ou restructuration du CCD et du comité cantonal de gestion des plaintes (CCGP)',
          { level: 'canton', form: 'dcc_ccd_setup', slots: MEETING_SLOTS, after: ['T15'] },
        ],
      ]),
      activity(9, 'Réunion cantonale J2 (arbitrage)', [
        [
          47,
          "Appui au CCD dans l'analyse des PAV, l'arbitrage, la sélection des sous-projets et l'affectation des ressources",
          {
            level: 'canton',
            form: 'dcc_canton_arbitration',
            slots: [
              ...MEETING_SLOTS,
              slot('arbitration_results', "Tableau des résultats de l'arbitrage", true, 'document'),
            ],
            after: ['T46'],
          },
        ],
      ]),
      activity(10, '5ème réunion de village (restitution)', [
        [
          48,
          "Appui à la rencontre communautaire de restitution des résultats de la réunion cantonale d'arbitrage",
          meetingOpening({ after: ['T47', 'T45'] }),
        ],
      ]),
    ],
  },
  {
    name: 'Préparation des sous-projets',
    activities: [
      activity(11, 'Réunion technique du CVD', [
        [
          49,
          'Appui au bureau du CVD dans la rédaction du document du sous-projet et la demande de financement',
          meetingOpening({
            level: 'cvd',
            slots: [
              ...MEETING_SLOTS,
              slot('subproject_document', 'Document du sous-projet', true, 'document'),
            ],
            after: ['T47'],
          }),
        ],
      ]),
    ],
  },
  {
    name: 'Consultation et examen',
    activities: [
      activity(12, '6ème réunion de village', [
        [
          50,
          "Réunion d'information de la communauté sur le sous-projet : activités, coût estimatif, prochaines étapes",
          meetingOpening({ after: ['T49'] }),
        ],
      ]),
      activity(13, 'Soumission du sous-projet', [
        [
          51,
          "Soumission de la demande de financement du sous-projet à l'ANADEB pour approbation par le CORA",
          meetingOpening({
            level: 'cvd',
            slots: [
              ...MEETING_SLOTS,

              slot('funding_request', 'Demande de financement signée', true, 'document'),
              slot('transmission_slip', 'Bordereau de transmission', false, 'document'),
            ],
            after: ['T49'],
          }),
        ],
      ]),
    ],
  },
  {
    name: 'Mise en œuvre',
    activities: [
      activity(14, 'Mise en œuvre', [
        [
          52,
          "Séance communautaire d'information sur le sous-projet, sa durée d'exécution et les mesures de sauvegarde",
          meetingOpening({ after: ['T51'] }),
        ],
      ]),
      activity(15, 'Réunions périodiques', [
        [
          53,
          "Appui au CVD : rapports périodiques et réunions sur l'état d'avancement des travaux",
          meetingOpening({
            level: 'cvd',
            slots: [
              ...MEETING_SLOTS,
              slot('progress_report', "Rapport d'avancement des travaux", false, 'document'),
              slot('site_photos', 'Photos du chantier', false, 'photo'),
            ],
            after: ['T51'],
          }),
        ],
      ]),
    ],
  },
  {
    name: 'Clôture et replanification',
    activities: [
      activity(16, 'Clôture du sous-projet', [
        [
          54,
          'Classement et archivage des documents de mise en œuvre du sous-projet',
          meetingOpening({
            level: 'cvd',
            slots: [
              ...MEETING_SLOTS,
              slot('archive_inventory', 'Inventaire des documents archivés', true, 'document'),
            ],
            after: ['T53'],
          }),
        ],
      ]),
      activity(17, 'Audit social', [
        [
          55,
          "Réalisation de l'auto-évaluation participative de la mise en œuvre du sous-projet (social audit)",
          meetingOpening({ form: 'dcc_social_audit', after: ['T54'] }),
        ],
      ]),
      activity(18, 'Exploitation et maintenance', [
        [
          56,
          "Elaboration et mise en œuvre du plan d'entretien et de maintenance de l'ouvrage",
          meetingOpening({
            slots: [
              ...MEETING_SLOTS,
              slot('maintenance_plan', "Plan d'entretien et de maintenance", true, 'document'),
            ],
            after: ['T55'],
          }),
        ],
      ]),
    ],
  },
];

/** Every task of the seed template in order (phase, activity, task). */
export function seedTasks(template: readonly SeedPhase[] = COSO_SEED_TEMPLATE): SeedTask[] {
  return template.flatMap((p) => p.activities.flatMap((a) => a.tasks));
}
