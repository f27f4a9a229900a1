import type { Locale } from '@coso/domain';

/** The receipt's words, French first. The hotline and the tracking address come from the configuration. */

export interface ReceiptTexts {
  project: string;
  mechanism: string;
  title: string;
  trackingCode: string;
  follow: string;
  reference: string;
  receivedAt: string;
  channel: string;
  category: string;
  village: string;
  complainant: string;
  nextTitle: string;
  next: string;
  onlineTitle: string;
  online: (url: string) => string;
  callTitle: string;
  call: (hotline: string) => string;
  keep: string;
  /** Between a label and its value: French typography puts a space before the colon. */
  colon: string;
}

export const RECEIPT_TEXTS: Record<Locale, ReceiptTexts> = {
  fr: {
    project: 'ANADEB — Projet COSO',
    mechanism: 'Mécanisme de gestion des plaintes',
    title: 'Accusé de réception',
    trackingCode: 'Code de suivi',
    follow: 'Suivez votre plainte avec ce code.',
    reference: 'Référence',
    receivedAt: 'Reçue le',
    channel: 'Canal',
    category: 'Catégorie',
    village: 'Village',
    complainant: 'Plaignant(e)',
    nextTitle: 'Et ensuite ?',
    next:
      'Votre plainte sera examinée. Vous recevrez une réponse dans un délai de 5 jours ouvrables pour ' +
      "l'accusé de réception et de 30 jours ouvrables pour la résolution.",
    onlineTitle: 'Suivre en ligne',
    online: (url) => `Sur ${url}, saisissez votre code de suivi.`,
    callTitle: 'Une question ?',
    call: (hotline) => `Appelez le ${hotline} en donnant votre code de suivi.`,
    keep: 'Conservez ce reçu.',
    colon: ' : ',
  },
  en: {
    project: 'ANADEB — COSO Project',
    mechanism: 'Grievance redress mechanism',
    title: 'Acknowledgement of receipt',
    trackingCode: 'Tracking code',
    follow: 'Follow your complaint with this code.',
    reference: 'Reference',
    receivedAt: 'Received on',
    channel: 'Channel',
    category: 'Category',
    village: 'Village',
    complainant: 'Complainant',
    nextTitle: 'What happens next?',
    next:
      'Your complaint will be reviewed. You will receive an answer within 5 working days for the ' +
      'acknowledgement and within 30 working days for the resolution.',
    onlineTitle: 'Follow online',
    online: (url) => `At ${url}, enter your tracking code.`,
    callTitle: 'Any question?',
    call: (hotline) => `Call ${hotline} and give your tracking code.`,
    keep: 'Keep this receipt.',
    colon: ': ',
  },
};
