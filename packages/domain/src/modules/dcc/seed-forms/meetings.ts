import { choice, count, page, participationPage, seedForm, t, yesNo } from './shared.js';

/** Forms of the meetings: participation alone, the canton's committees, the arbitration, the social audit. */

/** Every meeting of the monthly follow-up sheet that has nothing else to record. */
export const participationForm = seedForm(
  'dcc_participation',
  t('Participation à la réunion', 'Meeting attendance'),
  [participationPage()],
);

/** T46: the canton development committee (CCD) and the canton complaints committee (CCGP) set up. */
export const ccdSetupForm = seedForm(
  'dcc_ccd_setup',
  t('Mise en place du CCD et du CCGP', 'Setting up the CCD and the CCGP'),
  [
    participationPage(),
    page('ccd_bureau', t('Bureau du CCD', 'CCD board'), [
      count('ccd_bureau_men', t('Hommes membres du bureau', 'Men on the board'), {
        max: 50,
        indicator: 'ccd.bureau_men',
      }),
      count('ccd_bureau_women', t('Femmes membres du bureau', 'Women on the board'), {
        max: 50,
        indicator: 'ccd.bureau_women',
        constraint: '. + ${ccd_bureau_men} >= 1',
      }),
      {
        type: 'calculate',
        name: 'ccd_bureau_total',
        calculation: '${ccd_bureau_men} + ${ccd_bureau_women}',
        indicator: 'ccd.bureau_total',
      },
    ]),
    page('ccgp', t('Comité cantonal de gestion des plaintes (CCGP)', 'Canton complaints committee (CCGP)'), [
      count('ccgp_men', t('Hommes membres du CCGP', 'Men on the CCGP'), {
        max: 50,
        indicator: 'ccgp.members_men',
      }),
      count('ccgp_women', t('Femmes membres du CCGP', 'Women on the CCGP'), {
        max: 50,
        indicator: 'ccgp.members_women',
        constraint: '. + ${ccgp_men} >= 1',
      }),
      {
        type: 'calculate',
        name: 'ccgp_total',
        calculation: '${ccgp_men} + ${ccgp_women}',
        indicator: 'ccgp.members_total',
      },
    ]),
  ],
);

/** T47: the canton arbitration of the villages' action plans (old keys totalSousProjets…, totalSubvention…). */
export const cantonArbitrationForm = seedForm(
  'dcc_canton_arbitration',
  t("Résultats de l'arbitrage cantonal", 'Canton arbitration results'),
  [
    participationPage(),
    page('villages', t('Villages du canton', 'Villages of the canton'), [
      count('villages_in_canton', t('Villages du canton', 'Villages in the canton'), {
        max: 200,
        indicator: 'arbitration.villages_in_canton',
        constraint: '. >= 1',
      }),
      count(
        'villages_present',
        t('Villages représentés à la réunion', 'Villages represented at the meeting'),
        {
          max: 200,
          indicator: 'arbitration.villages_present',
          constraint: '. <= ${villages_in_canton}',
        },
      ),
    ]),
    page('subprojects', t('Sous-projets', 'Sub-projects'), [
      count('subprojects_submitted', t("Sous-projets soumis à l'arbitrage", 'Sub-projects submitted'), {
        max: 500,
        indicator: 'arbitration.subprojects_submitted',
      }),
      count('subprojects_approved', t('Sous-projets approuvés', 'Sub-projects approved'), {
        max: 500,
        indicator: 'arbitration.subprojects_approved',
        constraint: '. <= ${subprojects_submitted}',
      }),
      count('subprojects_rejected', t('Sous-projets rejetés', 'Sub-projects rejected'), {
        max: 500,
        indicator: 'arbitration.subprojects_rejected',
        constraint: '. + ${subprojects_approved} <= ${subprojects_submitted}',
        constraintMessage: t(
          'Approuvés et rejetés ensemble ne dépassent pas les sous-projets soumis.',
          'Approved and rejected together cannot exceed the sub-projects submitted.',
        ),
      }),
      count('sectors_covered', t('Secteurs couverts par les sous-projets approuvés', 'Sectors covered'), {
        max: 20,
        indicator: 'arbitration.sectors_covered',
        relevant: '${subprojects_approved} > 0',
      }),
      count('beneficiary_villages', t('Villages bénéficiaires', 'Beneficiary villages'), {
        max: 200,
        indicator: 'arbitration.beneficiary_villages',
        relevant: '${subprojects_approved} > 0',
        constraint: '. <= ${villages_in_canton}',
      }),
      {
        type: 'money',
        name: 'grant_allocated',
        label: t('Subvention allouée (FCFA)', 'Grant allocated (FCFA)'),
        indicator: 'arbitration.grant_allocated_fcfa',
        relevant: '${subprojects_approved} > 0',
        required: true,
        constraint: '. > 0',
        constraintMessage: t('Le montant doit être positif.', 'The amount must be positive.'),
      },
    ]),
  ],
);

/** T55: the community's participatory self-assessment of the sub-project (social audit). */
export const socialAuditForm = seedForm(
  'dcc_social_audit',
  t('Audit social du sous-projet', 'Social audit of the sub-project'),
  [
    participationPage(),
    page('audit_works', t('Réalisation des travaux', 'Works'), [
      yesNo('works_completed', t('Les travaux sont-ils achevés ?', 'Are the works completed?'), {
        indicator: 'social_audit.works_completed',
      }),
      count('physical_progress_pct', t('Niveau de réalisation physique (%)', 'Physical progress (%)'), {
        max: 100,
        indicator: 'social_audit.physical_progress_pct',
      }),
      yesNo(
        'quality_satisfactory',
        t(
          'La qualité des travaux est-elle jugée satisfaisante ?',
          'Is the quality of the works judged satisfactory?',
        ),
        {
          indicator: 'social_audit.quality_satisfactory',
        },
      ),
    ]),
    page('audit_money', t('Gestion financière', 'Financial management'), [
      yesNo(
        'accounts_presented',
        t(
          'Le CVD a-t-il présenté les comptes à la communauté ?',
          'Did the CVD present the accounts to the community?',
        ),
        {
          indicator: 'social_audit.accounts_presented',
        },
      ),
      {
        type: 'money',
        name: 'amount_received',
        label: t('Montant reçu par le CVD (FCFA)', 'Amount received by the CVD (FCFA)'),
        indicator: 'social_audit.amount_received_fcfa',
        relevant: "${accounts_presented} = 'yes'",
        required: true,
      },
      {
        type: 'money',
        name: 'amount_spent',
        label: t('Montant dépensé (FCFA)', 'Amount spent (FCFA)'),
        indicator: 'social_audit.amount_spent_fcfa',
        relevant: "${accounts_presented} = 'yes'",
        required: true,
        constraint: '. <= ${amount_received}',
        constraintMessage: t('Pas plus que le montant reçu.', 'No more than the amount received.'),
      },
    ]),
    page('audit_grievances', t('Plaintes et satisfaction', 'Complaints and satisfaction'), [
      count(
        'complaints_received',
        t('Plaintes reçues sur le sous-projet', 'Complaints received about the sub-project'),
        {
          max: 1000,
          indicator: 'social_audit.complaints_received',
        },
      ),
      count('complaints_resolved', t('Plaintes résolues', 'Complaints resolved'), {
        max: 1000,
        indicator: 'social_audit.complaints_resolved',
        constraint: '. <= ${complaints_received}',
      }),
      yesNo(
        'maintenance_committee',
        t(
          "Un comité de gestion de l'ouvrage est-il en place ?",
          'Is there a management committee for the facility?',
        ),
        {
          indicator: 'social_audit.maintenance_committee',
        },
      ),
      {
        type: 'select_one',
        name: 'satisfaction',
        list: 'satisfaction',
        label: t('Satisfaction de la communauté', "The community's satisfaction"),
        required: true,
      },
      {
        type: 'text',
        name: 'recommendations',
        label: t('Recommandations de la communauté', "The community's recommendations"),
        appearance: ['multiline'],
        constraint: 'string-length(.) <= 2000',
      },
    ]),
  ],
  {
    satisfaction: [
      choice('very_satisfied', 'Très satisfaite', 'Very satisfied'),
      choice('satisfied', 'Satisfaite', 'Satisfied'),
      choice('little_satisfied', 'Peu satisfaite', 'Slightly satisfied'),
      choice('not_satisfied', 'Pas satisfaite', 'Not satisfied'),
    ],
  },
);
