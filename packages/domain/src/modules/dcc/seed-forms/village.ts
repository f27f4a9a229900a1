import { choice, count, page, seedForm, t, yesNo } from './shared.js';

/**
 * T20: the village profile (monograph). The old app's keys (populationTotaleDuVillage, totalHouseHolds,
 * sourceEauSaisonSeche1/2, couvertureReseauMoov/Togocom/PaysVoisin, principalMoyenTransport…) normalized into
 * one English name each; totals are computed from the breakdown so they cannot disagree with it.
 */
const MAX_POP = 200_000;
const ofTotal = {
  constraint: '. <= ${pop_total}',
  constraintMessage: t('Pas plus que la population totale.', 'No more than the total population.'),
};

export const villageProfileForm = seedForm(
  'dcc_village_profile',
  t('Profil du village (monographie)', 'Village profile (monograph)'),
  [
    page('population', t('Population', 'Population'), [
      count('pop_men_le35', t('Hommes de 35 ans et moins', 'Men aged 35 or younger'), {
        max: MAX_POP,
        indicator: 'village.population_men_le35',
      }),
      count('pop_men_gt35', t('Hommes de plus de 35 ans', 'Men older than 35'), {
        max: MAX_POP,
        indicator: 'village.population_men_gt35',
      }),
      count('pop_women_le35', t('Femmes de 35 ans et moins', 'Women aged 35 or younger'), {
        max: MAX_POP,
        indicator: 'village.population_women_le35',
      }),
      count('pop_women_gt35', t('Femmes de plus de 35 ans', 'Women older than 35'), {
        max: MAX_POP,
        indicator: 'village.population_women_gt35',
      }),
      {
        type: 'calculate',
        name: 'pop_men',
        calculation: '${pop_men_le35} + ${pop_men_gt35}',
        indicator: 'village.population_men',
      },
      {
        type: 'calculate',
        name: 'pop_women',
        calculation: '${pop_women_le35} + ${pop_women_gt35}',
        indicator: 'village.population_women',
      },
      {
        type: 'calculate',
        name: 'pop_total',
        calculation: '${pop_men} + ${pop_women}',
        indicator: 'village.population_total',
      },
      {
        type: 'note',
        name: 'pop_note',
        label: t('Population totale : ${pop_total}', 'Total population: ${pop_total}'),
      },
      count('pop_ethnic_minority', t('Personnes des minorités ethniques', 'People from ethnic minorities'), {
        max: MAX_POP,
        indicator: 'village.population_ethnic_minority',
        ...ofTotal,
      }),
      count('pop_elderly', t('Personnes âgées (plus de 60 ans)', 'Elderly people (over 60)'), {
        max: MAX_POP,
        indicator: 'village.population_elderly',
        ...ofTotal,
      }),
      count('pop_disabled', t('Personnes vivant avec un handicap', 'People living with a disability'), {
        max: MAX_POP,
        indicator: 'village.population_disabled',
        ...ofTotal,
      }),
    ]),
    page('households_page', t('Ménages', 'Households'), [
      count('households', t('Nombre de ménages', 'Number of households'), {
        max: MAX_POP,
        indicator: 'village.households',
        constraint: '. >= 1 and . <= ${pop_total}',
      }),
      count(
        'new_households',
        t('Nouveaux ménages installés depuis un an', 'Households settled in the last year'),
        {
          max: MAX_POP,
          indicator: 'village.new_households',
          constraint: '. <= ${households}',
        },
      ),
      count(
        'new_households_conflict',
        t('Dont ménages installés à cause de conflits', 'Of which settled because of conflicts'),
        {
          max: MAX_POP,
          indicator: 'village.new_households_conflict',
          relevant: '${new_households} > 0',
          constraint: '. <= ${new_households}',
        },
      ),
    ]),
    page('culture', t('Langues, ethnies et religions', 'Languages, ethnic groups and religions'), [
      {
        type: 'text',
        name: 'ethnic_groups',
        label: t('Principales ethnies', 'Main ethnic groups'),
        required: true,
        constraint: 'string-length(.) <= 300',
      },
      {
        type: 'select_multiple',
        name: 'main_languages',
        list: 'languages',
        orOther: true,
        label: t('Principales langues parlées', 'Main languages spoken'),
        required: true,
      },
      {
        type: 'select_multiple',
        name: 'main_religions',
        list: 'religions',
        orOther: true,
        label: t('Principales religions', 'Main religions'),
      },
    ]),
    page('access', t('Accès et communications', 'Access and communications'), [
      {
        type: 'decimal',
        name: 'distance_town_km',
        label: t('Distance à la ville la plus proche (km)', 'Distance to the nearest town (km)'),
        required: true,
        constraint: '. >= 0 and . <= 500',
        indicator: 'village.distance_town_km',
      },
      {
        type: 'select_one',
        name: 'main_access_road',
        list: 'roads',
        label: t("Voie principale d'accès", 'Main access road'),
        required: true,
      },
      {
        type: 'select_one',
        name: 'main_transport',
        list: 'transports',
        orOther: true,
        label: t('Principal moyen de transport', 'Main means of transport'),
        required: true,
      },
      {
        type: 'select_one',
        name: 'transport_frequency',
        list: 'frequencies',
        label: t('Fréquence du principal moyen de transport', 'Frequency of the main transport'),
        required: true,
      },
      yesNo('coverage_moov', t('Couverture du réseau Moov Africa', 'Moov Africa network coverage'), {
        indicator: 'village.coverage_moov',
      }),
      yesNo('coverage_togocom', t('Couverture du réseau Togocom', 'Togocom network coverage'), {
        indicator: 'village.coverage_togocom',
      }),
      yesNo(
        'coverage_neighbour',
        t("Couverture d'un réseau d'un pays voisin", "A neighbouring country's network coverage"),
      ),
    ]),
    page('water', t('Eau', 'Water'), [
      {
        type: 'select_one',
        name: 'water_source_dry_1',
        list: 'water_sources',
        label: t("Première source d'eau en saison sèche", 'First water source in the dry season'),
        required: true,
      },
      {
        type: 'select_one',
        name: 'water_source_dry_2',
        list: 'water_sources',
        label: t("Deuxième source d'eau en saison sèche", 'Second water source in the dry season'),
        constraint: '. != ${water_source_dry_1}',
        constraintMessage: t('Une autre source que la première.', 'A source other than the first.'),
      },
    ]),
    page('economy', t('Activités et équipements', 'Activities and facilities'), [
      {
        type: 'select_multiple',
        name: 'main_activities',
        list: 'activities',
        orOther: true,
        label: t('Principales activités économiques', 'Main economic activities'),
        required: true,
      },
      count('schools', t('Écoles (tous niveaux)', 'Schools (all levels)'), {
        max: 100,
        indicator: 'village.schools',
      }),
      count('health_facilities', t('Formations sanitaires (USP, CMS…)', 'Health facilities'), {
        max: 100,
        indicator: 'village.health_facilities',
      }),
      count('places_of_worship', t('Lieux de culte', 'Places of worship'), {
        max: 100,
        indicator: 'village.places_of_worship',
      }),
      count('markets', t('Marchés', 'Markets'), { max: 20, indicator: 'village.markets' }),
      {
        type: 'geopoint',
        name: 'village_location',
        label: t('Position du centre du village', 'Position of the village centre'),
      },
    ]),
  ],
  {
    languages: [
      choice('kabiye', 'Kabiyè', 'Kabiye'),
      choice('tem', 'Tem (kotokoli)', 'Tem (Kotokoli)'),
      choice('moba', 'Moba', 'Moba'),
      choice('gourma', 'Gourmantché', 'Gourma'),
      choice('lamba', 'Lamba', 'Lamba'),
      choice('nawdm', 'Nawdm', 'Nawdm'),
      choice('bassar', 'Bassar', 'Bassar'),
      choice('konkomba', 'Konkomba', 'Konkomba'),
      choice('fulfulde', 'Peul (fulfulde)', 'Fula (Fulfulde)'),
      choice('ewe', 'Éwé', 'Ewe'),
      choice('french', 'Français', 'French'),
    ],
    religions: [
      choice('traditional', 'Religion traditionnelle', 'Traditional religion'),
      choice('christian', 'Christianisme', 'Christianity'),
      choice('muslim', 'Islam', 'Islam'),
    ],
    roads: [
      choice('paved', 'Route bitumée', 'Paved road'),
      choice('laterite', 'Piste en latérite', 'Laterite road'),
      choice('track', 'Piste rurale', 'Rural track'),
      choice('footpath', 'Sentier seulement', 'Footpath only'),
    ],
    transports: [
      choice('motorbike', 'Moto (taxi-moto)', 'Motorbike (moto-taxi)'),
      choice('car', 'Voiture ou minibus', 'Car or minibus'),
      choice('tricycle', 'Tricycle', 'Tricycle'),
      choice('bicycle', 'Vélo', 'Bicycle'),
      choice('foot', 'À pied', 'On foot'),
    ],
    frequencies: [
      choice('daily', 'Tous les jours', 'Every day'),
      choice('market_days', 'Les jours de marché', 'On market days'),
      choice('weekly', 'Une fois par semaine', 'Once a week'),
      choice('rare', 'Rarement', 'Rarely'),
    ],
    water_sources: [
      choice('borehole', 'Forage', 'Borehole'),
      choice('hand_pump', 'Pompe à motricité humaine (PMH)', 'Hand pump'),
      choice('tap', 'Borne-fontaine ou robinet', 'Standpipe or tap'),
      choice('well', 'Puits', 'Well'),
      choice('river', 'Rivière ou marigot', 'River or stream'),
      choice('dam', 'Retenue d’eau ou barrage', 'Dam or reservoir'),
      choice('spring', 'Source', 'Spring'),
    ],
    activities: [
      choice('agriculture', 'Agriculture', 'Farming'),
      choice('livestock', 'Élevage', 'Livestock'),
      choice('trade', 'Commerce', 'Trade'),
      choice('crafts', 'Artisanat', 'Crafts'),
      choice('processing', 'Transformation des produits agricoles', 'Processing of farm produce'),
      choice('fishing', 'Pêche', 'Fishing'),
    ],
  },
);
