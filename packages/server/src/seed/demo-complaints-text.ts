/** Plausible descriptions for demo complaints, by category; `{village}` is replaced by the village name. */
export const DEMO_DESCRIPTIONS: Record<string, string[]> = {
  exclusion: [
    "Plusieurs ménages vulnérables de {village} n'ont pas été retenus pour les transferts monétaires alors qu'ils remplissent les critères.",
    "Les femmes du groupement maraîcher de {village} n'ont pas été invitées à l'assemblée de sélection des bénéficiaires.",
  ],
  targeting: [
    'La liste des bénéficiaires affichée à {village} contient des personnes qui ne résident pas dans le village.',
    'Le chef de quartier aurait ajouté des membres de sa famille sur la liste des bénéficiaires à {village}.',
  ],
  works: [
    "Le forage réalisé à {village} ne donne plus d'eau depuis trois semaines et personne n'est venu le réparer.",
    'Les travaux de construction des salles de classe de {village} sont arrêtés depuis deux mois sans explication.',
    "Les camions de l'entreprise ont endommagé les champs de mil à l'entrée de {village} sans indemnisation.",
    "Des fissures sont apparues sur les murs du nouveau marché de {village} moins d'un an après la réception.",
  ],
  payments: [
    "Les manœuvres recrutés localement pour le chantier de {village} n'ont pas été payés depuis le mois dernier.",
    'Le montant reçu par le comité de {village} est inférieur à celui annoncé lors de la réunion cantonale.',
  ],
  conflicts: [
    "Un conflit oppose éleveurs et agriculteurs de {village} sur l'accès au point d'eau aménagé par le projet.",
    "Deux quartiers de {village} se disputent l'emplacement du futur centre de santé.",
  ],
  safeguards: [
    'Les déchets du chantier sont déversés dans le bas-fond utilisé pour le maraîchage à {village}.',
    'Des arbres karité ont été abattus sans concertation pour ouvrir la piste vers {village}.',
  ],
  corruption: [
    "Un agent aurait demandé de l'argent aux candidats pour être recrutés sur le chantier de {village}.",
  ],
  gbv_sea: [
    "Signalement d'un comportement inapproprié d'un employé du chantier envers des jeunes filles à {village}.",
  ],
  other_programme: [
    "Demande d'appui pour la réhabilitation de la route nationale près de {village}, hors du projet COSO.",
  ],
  other: [
    'Les habitants de {village} demandent à quelle date commencera la prochaine phase de planification.',
    "Le comité de {village} remercie le projet pour la clôture du jardin scolaire et propose d'en faire une seconde.",
  ],
};

export const DEMO_NAMES = [
  'Akossiwa Kombaté',
  'Yendoubé Lardja',
  'Kossi Bawa',
  'Essowè Pali',
  'Ablavi Tchédré',
  'Mamadou Ouro-Djobo',
  'Djatougbé Sambiani',
  'Fati Alassani',
  'Palakiyèm Kézié',
  'Nadjombé Lamboni',
];
