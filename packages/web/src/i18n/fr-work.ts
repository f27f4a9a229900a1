/** The grievance team's daily work: home counts, deadline filters, bulk actions, the reassign dialog. */
export const frWork = {
  'home.needsYou': 'À traiter maintenant',
  'home.item.mine': 'Mes dossiers ouverts',
  'home.item.overdue': 'En retard',
  'home.item.dueSoon': 'Échéance dans 2 jours ouvrés ou moins',
  'home.item.unassigned': 'Non assignés dans ma zone',
  'home.item.awaitingAnswer': 'En attente de la réponse du plaignant',
  'home.publishedOnly':
    'Votre rôle donne accès aux tableaux de bord et aux synthèses publiées des dossiers : aucun dossier n’attend d’action de votre part.',
  'home.openDashboard': 'Ouvrir le tableau de bord',

  'sort.due_asc': 'Échéance la plus proche d’abord',
  'list.due': 'Échéance',
  'list.due.overdue': 'En retard',
  'list.due.soon': 'Dans {n} jours ouvrés ou moins',
  'list.empty.publishedOnly':
    'Pour votre rôle, seuls les dossiers dont la synthèse a été publiée sont listés ; les chiffres de toute la zone sont dans le tableau de bord.',
  'list.empty.facilitator':
    'Sont listés les dossiers de vos villages et ceux que vous avez enregistrés : aucun ne correspond.',
  'list.empty.mine': 'Aucun dossier ouvert ne vous est assigné avec ces filtres.',

  'bulk.select': 'Sélectionner le dossier {code}',
  'bulk.selectAll': 'Sélectionner tous les dossiers affichés',
  'bulk.selected': '{n} dossier(s) sélectionné(s)',
  'bulk.acknowledge': 'Accuser réception',
  'bulk.assign': 'Assigner…',
  'bulk.clear': 'Tout désélectionner',
  'bulk.assignTitle': 'Assigner {n} dossier(s)',
  'bulk.assignee': 'Personne chargée',
  'bulk.assigneeHint':
    'Seules les personnes pouvant traiter chacun des dossiers sélectionnés sont proposées.',
  'bulk.noCommonAssignee':
    'Personne ne peut recevoir tous les dossiers sélectionnés (zones ou niveaux différents) : sélectionnez des dossiers d’une même zone.',
  'bulk.done': '{n} dossier(s) traité(s).',
  'bulk.failed': '{n} dossier(s) non traité(s) :',

  'reassign.noOther':
    'Personne d’autre ne peut recevoir ce dossier à son niveau actuel ({unit}) : il n’y a pas de choix, « Confirmer » est désactivé.',
  'reassign.canTakeOver': 'Vous pouvez le prendre en charge vous-même.',
  'reassign.takeOver': 'Prendre en charge',
  'reassign.current': '{name} (actuellement chargé·e)',
  'reassign.self': '{name} (vous) — {count} dossier(s) ouvert(s)',
  'reassign.hint': 'Personnes pouvant traiter le dossier à son niveau ({unit}), les moins chargées d’abord.',
};
