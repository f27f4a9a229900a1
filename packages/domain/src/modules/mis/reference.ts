/**
 * The MIS's reference lists (issue #16), shipped as seed data: the COSO components, the sectors and the
 * structure types of the previous MIS (docs: ../shared/spec/dcc-original-app.md "cosomis lists"), each type
 * with the technical attributes it records. Installations may add or rename entries; codes are stable.
 */

export interface Labelled {
  code: string;
  label: { fr: string; en: string };
}

/** A technical attribute of a structure type (classrooms, borehole depth…): a number in a stated unit. */
export interface TechnicalAttribute extends Labelled {
  kind: 'integer' | 'decimal';
  unit?: string;
}

export interface StructureType extends Labelled {
  sector: string;
  attributes: readonly string[];
}

const l = (code: string, fr: string, en: string): Labelled => ({ code, label: { fr, en } });

export const MIS_COMPONENTS: readonly Labelled[] = [
  l('1.1', '1.1 Infrastructures communautaires', '1.1 Community infrastructure'),
  l('1.2a', '1.2a Marchés', '1.2a Markets'),
  l('1.2b', '1.2b Groupements socio-économiques', '1.2b Socio-economic groups'),
  l('1.3', '1.3 Jeunesse', '1.3 Youth'),
];

export const MIS_SECTORS: readonly Labelled[] = [
  l('education', 'Éducation', 'Education'),
  l('health', 'Santé', 'Health'),
  l('water', 'Hydraulique', 'Water'),
  l('community', 'Équipements communautaires', 'Community facilities'),
  l('economy', 'Économie locale', 'Local economy'),
  l('transport', 'Pistes et ouvrages', 'Roads and crossings'),
  l('energy', 'Énergie', 'Energy'),
  l('environment', 'Environnement', 'Environment'),
];

const attr = (
  code: string,
  fr: string,
  en: string,
  kind: TechnicalAttribute['kind'],
  unit?: string,
): TechnicalAttribute => ({ ...l(code, fr, en), kind, ...(unit ? { unit } : {}) });

export const MIS_TECHNICAL_ATTRIBUTES: readonly TechnicalAttribute[] = [
  attr('classrooms', 'Nombre de salles de classe', 'Classrooms', 'integer'),
  attr('latrine_blocks', 'Nombre de blocs de latrines', 'Latrine blocks', 'integer'),
  attr('latrine_cabins', 'Nombre de cabines', 'Cabins', 'integer'),
  attr('fence_length_m', 'Longueur de clôture', 'Fence length', 'decimal', 'm'),
  attr('depth_m', 'Profondeur du forage', 'Borehole depth', 'decimal', 'm'),
  attr('flow_m3h', 'Débit', 'Flow', 'decimal', 'm³/h'),
  attr('capacity_m3', 'Capacité', 'Capacity', 'decimal', 'm³'),
  attr('beds', 'Nombre de lits', 'Beds', 'integer'),
  attr('rooms', 'Nombre de pièces', 'Rooms', 'integer'),
  attr('stalls', 'Nombre de hangars ou étals', 'Sheds or stalls', 'integer'),
  attr('length_km', 'Longueur', 'Length', 'decimal', 'km'),
  attr('openings', "Nombre d'ouvertures", 'Openings', 'integer'),
  attr('households_connected', 'Ménages raccordés', 'Households connected', 'integer'),
  attr('area_ha', 'Superficie', 'Area', 'decimal', 'ha'),
  attr('trees', "Nombre d'arbres plantés", 'Trees planted', 'integer'),
];

const type = (code: string, sector: string, fr: string, en: string, attributes: string[] = []) => ({
  ...l(code, fr, en),
  sector,
  attributes,
});

const SOLAR = ['depth_m', 'flow_m3h'];

export const MIS_STRUCTURE_TYPES: readonly StructureType[] = [
  type('school_preschool', 'education', 'Bâtiment scolaire préscolaire', 'Pre-school building', [
    'classrooms',
  ]),
  type('school_primary', 'education', 'Bâtiment scolaire primaire', 'Primary school building', [
    'classrooms',
  ]),
  type('school_ceg', 'education', 'Bâtiment scolaire CEG', 'Lower secondary school building', ['classrooms']),
  type('school_lycee', 'education', 'Bâtiment scolaire lycée', 'Upper secondary school building', [
    'classrooms',
  ]),
  type('library', 'education', 'Bibliothèque', 'Library', ['rooms']),
  type('school_latrines', 'education', 'Latrines scolaires', 'School latrines', [
    'latrine_blocks',
    'latrine_cabins',
  ]),
  type('school_fence', 'education', "Clôture d'école", 'School fence', ['fence_length_m']),
  type(
    'solar_borehole_drinking',
    'water',
    'Forage photovoltaïque (eau de boisson)',
    'Solar borehole (drinking water)',
    SOLAR,
  ),
  type('solar_borehole_school', 'water', 'Forage photovoltaïque (école)', 'Solar borehole (school)', SOLAR),
  type(
    'solar_borehole_community_centre',
    'water',
    'Forage photovoltaïque (centre communautaire)',
    'Solar borehole (community centre)',
    SOLAR,
  ),
  type(
    'solar_borehole_youth_centre',
    'water',
    'Forage photovoltaïque (maison des jeunes)',
    'Solar borehole (youth centre)',
    SOLAR,
  ),
  type(
    'solar_borehole_market_garden',
    'water',
    'Forage photovoltaïque (maraîchage)',
    'Solar borehole (market garden)',
    SOLAR,
  ),
  type(
    'solar_borehole_meeting_hall',
    'water',
    'Forage photovoltaïque (salle de réunion)',
    'Solar borehole (meeting hall)',
    SOLAR,
  ),
  type(
    'solar_borehole_latrines',
    'water',
    'Forage photovoltaïque (latrines)',
    'Solar borehole (latrines)',
    SOLAR,
  ),
  type('hand_pump', 'water', 'Forage équipé de PMH (pompe à motricité humaine)', 'Borehole with hand pump', [
    'depth_m',
    'flow_m3h',
  ]),
  type('hand_pump_rehabilitation', 'water', 'Réhabilitation de PMH', 'Hand pump rehabilitation'),
  type('water_reservoir', 'water', "Retenue d'eau", 'Water reservoir', ['capacity_m3']),
  type('health_cms', 'health', 'Centre médico-social (CMS)', 'Medical and social centre (CMS)', [
    'rooms',
    'beds',
  ]),
  type('health_chp', 'health', 'Centre hospitalier préfectoral (CHP)', 'Prefectural hospital (CHP)', [
    'rooms',
    'beds',
  ]),
  type('health_usp', 'health', 'Unité de soins périphérique (USP)', 'Peripheral care unit (USP)', [
    'rooms',
    'beds',
  ]),
  type('health_pharmacy', 'health', 'Pharmacie', 'Pharmacy', ['rooms']),
  type('health_paediatrics', 'health', 'Pédiatrie', 'Paediatric ward', ['rooms', 'beds']),
  type('health_laboratory', 'health', 'Laboratoire', 'Laboratory', ['rooms']),
  type('health_incinerator', 'health', 'Incinérateur', 'Incinerator'),
  type('health_canteen', 'health', "Cantine d'hôpital", 'Hospital canteen', ['rooms']),
  type('paillote', 'community', 'Paillote', 'Thatched shelter'),
  type('community_centre', 'community', 'Centre communautaire', 'Community centre', ['rooms']),
  type('meeting_hall', 'community', 'Salle de réunion', 'Meeting hall', ['rooms']),
  type('youth_centre', 'community', 'Maison des jeunes', 'Youth centre', ['rooms']),
  type('football_field', 'community', 'Terrain de football', 'Football field'),
  type('community_latrine', 'community', 'Latrine communautaire', 'Community latrine', [
    'latrine_blocks',
    'latrine_cabins',
  ]),
  type('market', 'economy', 'Marché (hangars)', 'Market (sheds)', ['stalls']),
  type('storage_warehouse', 'economy', 'Magasin de stockage', 'Storage warehouse', ['capacity_m3']),
  type('rural_track', 'transport', 'Piste rurale', 'Rural track', ['length_km']),
  type('culvert', 'transport', 'Dalot', 'Box culvert', ['openings']),
  type('solar_electrification', 'energy', 'Électrification solaire', 'Solar electrification', [
    'households_connected',
  ]),
  type('grid_extension', 'energy', 'Extension du réseau électrique', 'Grid extension', [
    'length_km',
    'households_connected',
  ]),
  type('reforestation', 'environment', 'Reboisement', 'Reforestation', ['area_ha', 'trees']),
];
