/** French: the business-day calendar and deadline settings page (administrators), merged into `fr`. */
export const frDeadlines = {
  'nav.grmDeadlines': 'Calendrier et délais',
  'deadlines.title': 'Calendrier et délais',
  'deadlines.holidays.title': 'Jours fériés',
  'deadlines.holidays.year': 'Année',
  'deadlines.holidays.help':
    'Les jours fériés fixes du Togo et ceux qui dépendent de Pâques sont calculés ; ajoutez chaque année les fêtes musulmanes (Tabaski, fin du Ramadan, Maouloud) et les fermetures exceptionnelles.',
  'deadlines.holidays.date': 'Date',
  'deadlines.holidays.label': 'Libellé',
  'deadlines.holidays.labelFr': 'Libellé (français)',
  'deadlines.holidays.labelEn': 'Libellé (anglais)',
  'deadlines.holidays.source': 'Origine',
  'deadlines.holidays.computed': 'Calculé',
  'deadlines.holidays.entered': 'Saisi',
  'deadlines.holidays.kind': 'Type',
  'deadlines.holidays.movable': 'Fête mobile (date fixée chaque année)',
  'deadlines.holidays.fixed': 'Fermeture ponctuelle',
  'deadlines.holidays.kindHelp': 'Les délais des dossiers en cours sont recalculés à leur prochaine étape.',
  'deadlines.holidays.add': 'Ajouter un jour férié',
  'deadlines.holidays.deleteTitle': 'Supprimer ce jour férié ?',
  'deadlines.holidays.deleteMessage': 'Le {date} redeviendra un jour ouvrable.',
  'deadlines.sla.title': 'Délais en jours ouvrables',
  'deadlines.sla.help':
    'La ligne la plus précise s’applique : niveau et catégorie, puis niveau seul, puis catégorie seule, puis la ligne par défaut.',
  'deadlines.sla.add': 'Ajouter une règle de délai',
  'deadlines.sla.edit': 'Modifier la règle de délai',
  'deadlines.sla.level': 'Niveau',
  'deadlines.sla.category': 'Catégorie',
  'deadlines.sla.any': 'Tous',
  'deadlines.sla.acknowledgeDays': 'Accusé de réception',
  'deadlines.sla.resolveDays': 'Résolution',
  'deadlines.sla.answerDays': 'Réponse du plaignant',
  'deadlines.sla.appealDays': 'Traitement du recours',
  'deadlines.sla.reminderDays': 'Rappel avant échéance',
  'deadlines.sla.autoEscalate': 'Escalade auto.',
  'deadlines.sla.autoEscalateLong':
    'Escalader automatiquement au niveau supérieur quand le délai est dépassé',
  'deadlines.sla.daysInvalid': 'Un nombre entier de jours (0 à 365 pour le rappel, 1 à 365 sinon).',
};

/** French: the staff notification centre. */
export const frNotifications = {
  'notifications.title': 'Notifications',
  'notifications.unreadLabel': 'Notifications : {n} non lues',
  'notifications.list': 'Mes notifications',
  'notifications.unreadOnly': 'Non lues seulement',
  'notifications.empty': 'Aucune notification.',
  'notifications.new': 'Nouveau',
  'notifications.openCase': 'Ouvrir le dossier',
  'notifications.markRead': 'Marquer comme lue',
  'notifications.readAll': 'Tout marquer comme lu',
};
