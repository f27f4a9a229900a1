import type { Channel, Topic } from './outbox.js';

export interface TemplateText {
  subject: string;
  body: string;
}
type Texts = { fr: TemplateText; en: TemplateText };

/**
 * The built-in texts, French first. Staff topics go in-app and by email (SMS is possible); complainant topics
 * by SMS and email.
 * SMS texts fit one message (160 GSM characters) and avoid characters outside the GSM alphabet (’, œ).
 * They carry references, codes and dates only: never a description, a name or an address.
 */
export const DEFAULT_TEMPLATES: Record<Topic, Partial<Record<Channel, Texts>>> = {
  case_assigned: staff(
    [
      'Dossier {reference} attribue',
      'Le dossier {reference} ({category}) vous est attribue au niveau {handlingLevel}.',
    ],
    [
      'Case {reference} assigned',
      'Case {reference} ({category}) is now assigned to you at {handlingLevel} level.',
    ],
  ),
  case_escalated: staff(
    [
      'Dossier {reference} escalade',
      'Le dossier {reference} a ete escalade au niveau {handlingLevel} et vous est confie.',
    ],
    [
      'Case {reference} escalated',
      'Case {reference} was escalated to {handlingLevel} level and is now yours.',
    ],
  ),
  case_comment: staff(
    ['Nouveau commentaire : {reference}', 'Un nouveau commentaire a ete ajoute au dossier {reference}.'],
    ['New comment: {reference}', 'A new comment was added to case {reference}.'],
  ),
  deadline_reminder: staff(
    [
      'Rappel : echeance du dossier {reference}',
      'Dossier {reference} : echeance ({deadline}) le {dueDate}, dans {remainingBusinessDays} jour(s) ouvrable(s).',
    ],
    [
      'Reminder: case {reference} due soon',
      'Case {reference}: {deadline} deadline on {dueDate}, in {remainingBusinessDays} business day(s).',
    ],
  ),
  deadline_breached: staff(
    [
      'Delai depasse : dossier {reference}',
      'Dossier {reference} : le delai ({deadline}) a expire le {dueDate}.',
    ],
    ['Deadline breached: case {reference}', 'Case {reference}: the {deadline} deadline passed on {dueDate}.'],
  ),
  complainant_receipt: complainant(
    [
      'Votre plainte est enregistree',
      'COSO : votre plainte est enregistree le {receivedOn}. Code de suivi : {trackingCode}. Gardez ce code.',
    ],
    [
      'Your complaint is registered',
      'COSO: your complaint was registered on {receivedOn}. Tracking code: {trackingCode}. Keep this code.',
    ],
  ),
  complainant_acknowledged: complainant(
    [
      'Votre plainte est prise en charge',
      'COSO : votre plainte {trackingCode} est prise en charge. Nous vous tiendrons informe.',
    ],
    [
      'Your complaint is being handled',
      'COSO: your complaint {trackingCode} is being handled. We will keep you informed.',
    ],
  ),
  complainant_resolution_proposed: complainant(
    [
      'Une solution est proposee',
      'COSO : une solution est proposee pour la plainte {trackingCode}. Merci de repondre avant le {answerDueDate}.',
    ],
    [
      'A resolution is proposed',
      'COSO: a resolution is proposed for complaint {trackingCode}. Please answer by {answerDueDate}.',
    ],
  ),
  complainant_closed: complainant(
    [
      'Votre plainte est cloturee',
      'COSO : la plainte {trackingCode} est cloturee. Merci de votre confiance.',
    ],
    ['Your complaint is closed', 'COSO: complaint {trackingCode} is closed. Thank you for your trust.'],
  ),
  public_otp: complainant(
    [
      'Code de verification',
      'COSO : code de verification {otp} pour la plainte {trackingCode}. Valable 10 minutes.',
    ],
    ['Verification code', 'COSO: verification code {otp} for complaint {trackingCode}. Valid 10 minutes.'],
  ),
};

function texts([frSubject, frBody]: [string, string], [enSubject, enBody]: [string, string]): Texts {
  return { fr: { subject: frSubject, body: frBody }, en: { subject: enSubject, body: enBody } };
}

/** Staff topics: in-app and email; SMS only if a producer queues one (the in-app text after "COSO :"). */
function staff(fr: [string, string], en: [string, string]) {
  const t = texts(fr, en);
  const sms = texts(['', `COSO : ${fr[1]}`], ['', `COSO: ${en[1]}`]);
  return { in_app: t, email: t, sms };
}

/** Complainant topics: SMS (no subject) and email. */
function complainant(fr: [string, string], en: [string, string]) {
  return { sms: texts(['', fr[1]], ['', en[1]]), email: texts(fr, en) };
}
