/**
 * Case page strings of sensitive-case sharing, referrals and publication review that frCaseAccess
 * (fr-messages.ts) does not already hold.
 */
export const frAccess = {
  'publication.summaryOnly': 'Vous voyez le résumé publié de ce dossier, pas sa description d’origine.',
  'event.person': 'Personne : {name}',
  'event.referralService': 'Service : {service}',
  'event.republished': 'Résumé corrigé',
  'validation.user_cannot_be_added':
    'Cette personne ne peut pas être ajoutée : il faut un compte actif, chargé du traitement des plaintes dans la zone.',
  'validation.outcome_before_referral': 'La suite ne peut pas précéder l’orientation.',
} as const;
