import type { Channel, TemplateText } from '../../../platform/notifications/topics.js';
import type { GrmTopic } from './topics.js';

export type { TemplateText };

type Texts = { fr: TemplateText; en: TemplateText };

/**
 * The built-in texts, French first, with their accents. Staff topics go in-app and by email (SMS is
 * possible); complainant topics by SMS and email. Variables arrive as the recipient reads them (labels in
 * their language, dd/mm/yyyy dates, grouped tracking codes: message-values.ts).
 * SMS texts fit one message: 160 characters of the GSM 03.38 alphabet (checked by templates.test.ts). É é è
 * à ù are in it, but ê â î ô û ç œ and ’ are not and would turn an SMS into UCS-2 (70 characters a message),
 * so SMS wording avoids them (« est fermé » rather than « est clôturée »).
 * They carry references, codes and dates only: never a description, a name or an address.
 */
export const DEFAULT_TEMPLATES: Record<GrmTopic, Partial<Record<Channel, Texts>>> = {
  case_assigned: staff(
    [
      'Dossier {reference} attribué',
      'Le dossier {reference} vous est attribué au niveau {handlingLevel}. Catégorie : {category}.',
    ],
    [
      'Case {reference} assigned',
      'Case {reference} is now assigned to you at {handlingLevel} level. Category: {category}.',
    ],
  ),
  case_taken_over: staff(
    [
      'Dossier {reference} repris',
      'Le dossier {reference} ({category}) a été repris par un autre agent au niveau {handlingLevel}.',
    ],
    [
      'Case {reference} taken over',
      'Case {reference} ({category}) was taken over by someone else at {handlingLevel} level.',
    ],
  ),
  case_escalated: staff(
    [
      'Dossier {reference} escaladé',
      'Le dossier {reference} a été escaladé au niveau {handlingLevel} et vous est confié.',
    ],
    [
      'Case {reference} escalated',
      'Case {reference} was escalated to {handlingLevel} level and is now yours.',
    ],
  ),
  case_comment: staff(
    ['Nouveau commentaire : {reference}', 'Un nouveau commentaire a été ajouté au dossier {reference}.'],
    ['New comment: {reference}', 'A new comment was added to case {reference}.'],
  ),
  deadline_reminder: staff(
    [
      'Rappel : échéance du dossier {reference}',
      'Dossier {reference} : échéance ({deadline}) le {dueDate}, dans {remainingBusinessDays} jour(s) ouvrable(s).',
    ],
    [
      'Reminder: case {reference} due soon',
      'Case {reference}: {deadline} deadline on {dueDate}, in {remainingBusinessDays} business day(s).',
    ],
  ),
  deadline_breached: staff(
    [
      'Délai dépassé : dossier {reference}',
      'Dossier {reference} : le délai ({deadline}) a expiré le {dueDate}.',
    ],
    ['Deadline breached: case {reference}', 'Case {reference}: the {deadline} deadline passed on {dueDate}.'],
  ),
  complainant_receipt: complainant(
    [
      'Votre plainte est enregistrée',
      'COSO : votre plainte est enregistrée le {receivedOn}. Code de suivi : {trackingCode}. Gardez ce code.',
    ],
    [
      'Your complaint is registered',
      'COSO: your complaint was registered on {receivedOn}. Tracking code: {trackingCode}. Keep this code.',
    ],
  ),
  complainant_acknowledged: complainant(
    [
      'Votre plainte est prise en charge',
      'COSO : votre plainte {trackingCode} est prise en charge. Nous vous tiendrons informé(e).',
    ],
    [
      'Your complaint is being handled',
      'COSO: your complaint {trackingCode} is being handled. We will keep you informed.',
    ],
  ),
  complainant_resolution_proposed: complainant(
    [
      'Une solution est proposée',
      'COSO : une solution est proposée pour la plainte {trackingCode}. Merci de répondre avant le {answerDueDate}.',
    ],
    [
      'A resolution is proposed',
      'COSO: a resolution is proposed for complaint {trackingCode}. Please answer by {answerDueDate}.',
    ],
  ),
  complainant_closed: complainant(
    [
      'Votre plainte est clôturée',
      'COSO : le dossier de la plainte {trackingCode} est fermé. Merci de votre confiance.',
    ],
    ['Your complaint is closed', 'COSO: complaint {trackingCode} is closed. Thank you for your trust.'],
    'COSO : la plainte {trackingCode} est clôturée. Merci de votre confiance.',
  ),
  public_otp: complainant(
    [
      'Code de vérification',
      'COSO : code de vérification {otp} pour la plainte {trackingCode}. Valable 10 minutes.',
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

/**
 * Complainant topics: SMS (no subject) and email. `frEmailBody`: the French email's wording when the SMS
 * had to avoid a letter outside the GSM alphabet.
 */
function complainant(fr: [string, string], en: [string, string], frEmailBody?: string) {
  return {
    sms: texts(['', fr[1]], ['', en[1]]),
    email: texts([fr[0], frEmailBody ?? fr[1]], en),
  };
}
