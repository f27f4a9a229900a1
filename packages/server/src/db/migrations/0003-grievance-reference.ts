/**
 * The COSO reference lists (GRM.md, Intake), the default escalation chain and default routing. All of it is
 * configuration the administrator edits afterwards; this is only the starting point of every environment.
 */
type Item = [
  code: string,
  fr: string,
  en: string,
  flags?: { sensitive?: boolean; minutes?: boolean; outOfScope?: boolean },
];

const LISTS: Record<string, Item[]> = {
  type: [
    ['complaint', 'Plainte', 'Complaint'],
    ['question', "Question / demande d'information", 'Question / request for information'],
    ['suggestion', 'Suggestion / retour', 'Suggestion / feedback'],
    ['appreciation', 'Appréciation', 'Appreciation'],
  ],
  category: [
    ['exclusion', 'Exclusion des avantages du projet', 'Exclusion from project benefits'],
    ['targeting', 'Ciblage / éligibilité', 'Targeting / eligibility'],
    [
      'works',
      'Travaux des sous-projets (qualité, retards, dommages, foncier)',
      'Sub-project works (quality, delays, damage, land)',
    ],
    ['payments', 'Paiements et gestion financière', 'Payments and money management'],
    [
      'conflicts',
      'Conflits entre communautés / sécurité',
      'Conflicts between communities / security',
      { minutes: true },
    ],
    ['safeguards', 'Environnement et sauvegardes sociales', 'Environment and social safeguards'],
    [
      'corruption',
      'Corruption, fraude, détournement de fonds',
      'Corruption, fraud, misuse of funds',
      { sensitive: true },
    ],
    [
      'gbv_sea',
      'Violences basées sur le genre, exploitation, abus et harcèlement sexuels (VBG/EAS/HS)',
      'Gender-based violence, sexual exploitation, abuse and harassment (GBV/SEA/SH)',
      { sensitive: true },
    ],
    [
      'other_programme',
      'Autre programme (hors projet, orientation)',
      'Another programme (out of scope, referral)',
      { outOfScope: true },
    ],
    ['other', 'Autre', 'Other'],
  ],
  channel: [
    ['in_person', 'En personne (animateur, membre de comité)', 'In person (facilitator, committee member)'],
    ['hotline', 'Téléphone / numéro vert', 'Phone / hotline'],
    ['sms', 'SMS', 'SMS'],
    ['whatsapp', 'WhatsApp', 'WhatsApp'],
    ['letter', 'Courrier', 'Letter'],
    ['suggestion_box', 'Boîte à suggestions', 'Suggestion box'],
    ['email', 'Courriel', 'Email'],
    ['web', 'Formulaire web public', 'Public web form'],
    ['community_meeting', 'Réunion communautaire', 'Community meeting'],
    ['kobo', 'Formulaire KoboToolbox', 'KoboToolbox form'],
    ['other', 'Autre', 'Other'],
  ],
  gender: [
    ['female', 'Femme', 'Female'],
    ['male', 'Homme', 'Male'],
    ['other', 'Autre', 'Other'],
    ['undisclosed', 'Préfère ne pas le dire', 'Prefers not to say'],
  ],
  age_group: [
    ['under_18', 'Moins de 18 ans', 'Under 18'],
    ['18_35', '18 à 35 ans', '18 to 35'],
    ['36_60', '36 à 60 ans', '36 to 60'],
    ['over_60', 'Plus de 60 ans', 'Over 60'],
  ],
  vulnerability: [
    ['youth', 'Jeune', 'Youth'],
    ['woman_head_household', 'Femme cheffe de ménage', 'Woman head of household'],
    ['disability', 'Personne en situation de handicap', 'Person with disability'],
    ['elderly', 'Personne âgée', 'Elderly person'],
    ['ethnic_minority', 'Minorité ethnique', 'Ethnic minority'],
    ['displaced_refugee', 'Personne déplacée / réfugiée', 'Displaced person / refugee'],
    ['other', 'Autre groupe vulnérable', 'Other vulnerable group'],
  ],
};

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

const rows = Object.entries(LISTS).flatMap(([list, items]) =>
  items.map(
    ([code, fr, en, f = {}], i) =>
      `(${quote(list)}, ${quote(code)}, ${quote(fr)}, ${quote(en)}, ${i + 1}, ${!!f.sensitive}, ${!!f.minutes}, ${!!f.outOfScope})`,
  ),
);

export const sql = /* sql */ `
insert into reference_items (list, code, label_fr, label_en, sort, sensitive, requires_minutes, out_of_scope) values
${rows.join(',\n')};

insert into escalation_chains (id, region_id, levels)
values ('00000000-0000-4000-8000-000000000001', null, '{village,canton,commune,prefecture,region,country}');

-- Until committees are configured, ordinary cases go to the regional focal points and sensitive ones to the
-- national sensitive-case focal points.
insert into routing_rules (id, category_code, area_id, handling_level, priority) values
  ('00000000-0000-4000-8000-000000000011', null, null, 'region', 0),
  ('00000000-0000-4000-8000-000000000012', 'corruption', null, 'country', 0),
  ('00000000-0000-4000-8000-000000000013', 'gbv_sea', null, 'country', 0);
`;
