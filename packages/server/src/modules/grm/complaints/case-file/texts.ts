import type { Locale } from '@coso/domain';

/** The printed case file's words, French first (the web's timeline wording, in short). */
export interface CaseFileTexts {
  project: string;
  title: string;
  printed: (by: string, at: string) => string;
  confidential: string;
  sections: {
    summary: string;
    complainant: string;
    deadlines: string;
    decisions: string;
    actions: string;
    timeline: string;
  };
  fields: Record<
    | 'reference'
    | 'trackingCode'
    | 'status'
    | 'type'
    | 'category'
    | 'channel'
    | 'receivedAt'
    | 'village'
    | 'level'
    | 'assignee'
    | 'incidentDate'
    | 'sensitive'
    | 'description'
    | 'summaryOnly'
    | 'name'
    | 'phone'
    | 'email'
    | 'whatsapp'
    | 'postalAddress'
    | 'gender'
    | 'ageGroup'
    | 'vulnerabilities'
    | 'identity',
    string
  >;
  identityAnonymous: string;
  identityOmitted: string;
  identityRevealed: string;
  yes: string;
  none: string;
  unassigned: string;
  system: string;
  due: (date: string) => string;
  met: (date: string) => string;
  /** A status change (no arrow: Noto Sans has none). */
  change: (from: string, to: string) => string;
  statuses: Record<string, string>;
  events: Record<string, string>;
  deadlines: Record<string, string>;
  levels: Record<string, string>;
  details: Record<string, string>;
  answers: Record<string, string>;
  colon: string;
}

export const CASE_FILE_TEXTS: Record<Locale, CaseFileTexts> = {
  fr: {
    project: 'ANADEB — Projet COSO — Mécanisme de gestion des plaintes',
    title: 'Dossier de plainte',
    printed: (by, at) => `Imprimé par ${by} le ${at}`,
    confidential: 'Document confidentiel : ne pas diffuser.',
    sections: {
      summary: 'Résumé',
      complainant: 'Plaignant(e)',
      deadlines: 'Délais',
      decisions: 'Décisions',
      actions: 'Actions menées',
      timeline: 'Chronologie',
    },
    fields: {
      reference: 'Référence',
      trackingCode: 'Code de suivi',
      status: 'Statut',
      type: 'Type',
      category: 'Catégorie',
      channel: 'Canal',
      receivedAt: 'Reçue le',
      village: 'Village',
      level: 'Niveau de traitement',
      assignee: 'Responsable',
      incidentDate: 'Date des faits',
      sensitive: 'Dossier sensible',
      description: 'Description',
      summaryOnly: 'Résumé publié (votre rôle ne lit que le résumé)',
      name: 'Nom',
      phone: 'Téléphone',
      email: 'Courriel',
      whatsapp: 'WhatsApp',
      postalAddress: 'Adresse',
      gender: 'Genre',
      ageGroup: "Tranche d'âge",
      vulnerabilities: 'Vulnérabilités',
      identity: 'Identité',
    },
    identityAnonymous: 'Plainte anonyme.',
    identityOmitted:
      "Identité non incluse : elle ne figure au dossier imprimé qu'après une révélation motivée et tracée.",
    identityRevealed: 'Identité révélée pour ce document (motif enregistré au journal d’audit).',
    yes: 'oui',
    none: '—',
    unassigned: 'non assignée',
    system: 'système',
    due: (date) => `échéance le ${date}`,
    met: (date) => `respecté le ${date}`,
    change: (from, to) => `Statut : ${from}, puis ${to}`,
    statuses: {
      received: 'Reçue',
      acknowledged: 'Accusé de réception envoyé',
      ineligible: 'Irrecevable',
      in_progress: 'En traitement',
      resolution_proposed: 'Solution proposée',
      closed: 'Clôturée',
      appealed: 'En appel',
      unresolved: 'Non résolue',
      escalated: 'Escaladée',
      withdrawn: 'Retirée',
      referred: 'Orientée',
    },
    events: {
      created: 'Plainte enregistrée',
      attachment_added: 'Pièce jointe ajoutée',
      acknowledge: 'Accusé de réception',
      reject_ineligible: 'Déclarée irrecevable',
      start: 'Traitement commencé',
      propose_resolution: 'Solution proposée',
      record_answer: 'Réponse du plaignant',
      declare_unresolved: 'Déclarée non résolue',
      escalate: 'Escaladée',
      reassign: 'Réassignée',
      take_over: 'Prise en charge',
      recategorise: 'Recatégorisée',
      withdraw: 'Retirée par le plaignant',
      refer: 'Orientée hors du projet',
      reopen: 'Rouverte',
      comment: 'Commentaire',
      access_granted: 'Personne ajoutée au dossier',
      access_revoked: 'Personne retirée du dossier',
      referral_recorded: 'Orientation vers un service',
      referral_outcome: 'Suite d’une orientation',
      published: 'Résumé publié',
      deadline_reminder: 'Rappel d’échéance',
      deadline_breached: 'Délai dépassé',
      satisfaction_rated: 'Satisfaction notée par le plaignant',
    },
    deadlines: {
      acknowledge: 'Accusé de réception',
      resolve: 'Résolution',
      answer: 'Réponse du plaignant',
      appeal: 'Recours',
    },
    levels: {
      country: 'National',
      region: 'Région',
      prefecture: 'Préfecture',
      commune: 'Commune',
      canton: 'Canton',
      village: 'Village',
    },
    details: {
      text: 'Commentaire',
      note: 'Note',
      reason: 'Motif',
      resolution: 'Solution',
      answer: 'Réponse',
      satisfaction: 'Satisfaction (sur 5)',
      referralBody: 'Orienté vers',
      service: 'Service',
      outcome: 'Suite',
      category: 'Catégorie',
      type: 'Type',
      comment: 'Commentaire',
      handlingLevel: 'Niveau',
      assigneeName: 'Assignée à',
    },
    answers: { accepted: 'acceptée', rejected: 'refusée', no_response: 'pas de réponse' },
    colon: ' : ',
  },
  en: {
    project: 'ANADEB — COSO Project — Grievance redress mechanism',
    title: 'Complaint case file',
    printed: (by, at) => `Printed by ${by} on ${at}`,
    confidential: 'Confidential document: do not circulate.',
    sections: {
      summary: 'Summary',
      complainant: 'Complainant',
      deadlines: 'Deadlines',
      decisions: 'Decisions',
      actions: 'Actions taken',
      timeline: 'Timeline',
    },
    fields: {
      reference: 'Reference',
      trackingCode: 'Tracking code',
      status: 'Status',
      type: 'Type',
      category: 'Category',
      channel: 'Channel',
      receivedAt: 'Received on',
      village: 'Village',
      level: 'Handling level',
      assignee: 'Handled by',
      incidentDate: 'Date of the facts',
      sensitive: 'Sensitive case',
      description: 'Description',
      summaryOnly: 'Published summary (your role reads the summary only)',
      name: 'Name',
      phone: 'Phone',
      email: 'Email',
      whatsapp: 'WhatsApp',
      postalAddress: 'Address',
      gender: 'Gender',
      ageGroup: 'Age group',
      vulnerabilities: 'Vulnerabilities',
      identity: 'Identity',
    },
    identityAnonymous: 'Anonymous complaint.',
    identityOmitted:
      'Identity not included: a printed file carries it only after a justified, audited reveal.',
    identityRevealed: 'Identity revealed for this document (reason recorded in the audit log).',
    yes: 'yes',
    none: '—',
    unassigned: 'unassigned',
    system: 'system',
    due: (date) => `due on ${date}`,
    met: (date) => `met on ${date}`,
    change: (from, to) => `Status: ${from}, then ${to}`,
    statuses: {
      received: 'Received',
      acknowledged: 'Acknowledged',
      ineligible: 'Ineligible',
      in_progress: 'In progress',
      resolution_proposed: 'Resolution proposed',
      closed: 'Closed',
      appealed: 'Appealed',
      unresolved: 'Unresolved',
      escalated: 'Escalated',
      withdrawn: 'Withdrawn',
      referred: 'Referred',
    },
    events: {
      created: 'Complaint recorded',
      attachment_added: 'Attachment added',
      acknowledge: 'Acknowledged',
      reject_ineligible: 'Declared ineligible',
      start: 'Handling started',
      propose_resolution: 'Resolution proposed',
      record_answer: "Complainant's answer",
      declare_unresolved: 'Declared unresolved',
      escalate: 'Escalated',
      reassign: 'Reassigned',
      take_over: 'Taken over',
      recategorise: 'Recategorised',
      withdraw: 'Withdrawn by the complainant',
      refer: 'Referred outside the project',
      reopen: 'Reopened',
      comment: 'Comment',
      access_granted: 'Person added to the case',
      access_revoked: 'Person removed from the case',
      referral_recorded: 'Referral to a service',
      referral_outcome: 'Outcome of a referral',
      published: 'Summary published',
      deadline_reminder: 'Deadline reminder',
      deadline_breached: 'Deadline breached',
      satisfaction_rated: 'Satisfaction rated by the complainant',
    },
    deadlines: {
      acknowledge: 'Acknowledgement',
      resolve: 'Resolution',
      answer: "Complainant's answer",
      appeal: 'Appeal',
    },
    levels: {
      country: 'National',
      region: 'Region',
      prefecture: 'Prefecture',
      commune: 'Commune',
      canton: 'Canton',
      village: 'Village',
    },
    details: {
      text: 'Comment',
      note: 'Note',
      reason: 'Reason',
      resolution: 'Resolution',
      answer: 'Answer',
      satisfaction: 'Satisfaction (out of 5)',
      referralBody: 'Referred to',
      service: 'Service',
      outcome: 'Outcome',
      category: 'Category',
      type: 'Type',
      comment: 'Comment',
      handlingLevel: 'Level',
      assigneeName: 'Assigned to',
    },
    answers: { accepted: 'accepted', rejected: 'rejected', no_response: 'no response' },
    colon: ': ',
  },
};
