import { describe, expect, it } from 'vitest';
import type { AppError } from '../../http/app-error.js';
import { DEFAULT_TEMPLATES } from '../../modules/grm/notifications/default-templates.js';
import {
  grmNotificationTopics,
  TOPICS,
  type GrmTopic as Topic,
} from '../../modules/grm/notifications/topics.js';
import { CHANNELS } from './outbox.js';
import { backoffMs, redact } from './sender.js';
import { fillJson, maskPhone } from './sms.js';
import { checkTemplate, missingVariables, render, unknownPlaceholders } from './templates.js';
import { registerTopics } from './topics.js';

registerTopics(grmNotificationTopics);
const topics = Object.keys(TOPICS) as Topic[];
// Values as long as real ones, as message-values.ts words them: MGP-2026-000123, a grouped 9-symbol
// tracking code, dd/mm/yyyy dates, the longest labels.
const SAMPLE: Record<string, string> = {
  reference: 'MGP-2026-000123',
  category: 'Travaux des sous-projets (qualité, retards, dommages, foncier)',
  handlingLevel: 'préfectoral',
  deadline: 'réponse du plaignant',
  dueDate: '31/12/2026',
  remainingBusinessDays: '2',
  trackingCode: 'HMHJ-J5Q9-Y',
  receivedOn: '28/11/2026',
  answerDueDate: '12/12/2026',
  otp: '123456',
};
/** GSM 03.38's basic alphabet: an SMS in it carries 160 characters; one other character makes it UCS-2 (70). */
const GSM_7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿' +
  'abcdefghijklmnopqrstuvwxyzäöñüà';
const COMPLAINANT_TOPICS = topics.filter((t) => t.startsWith('complainant_') || t === 'public_otp');

describe('built-in templates', () => {
  it('cover each staff topic in-app and by email, each complainant topic by SMS and email, in fr and en', () => {
    for (const topic of topics) {
      const channels = Object.keys(DEFAULT_TEMPLATES[topic]).sort();
      if (COMPLAINANT_TOPICS.includes(topic)) expect(channels, topic).toEqual(['email', 'sms']);
      else expect(channels, topic).toEqual(['email', 'in_app', 'sms']);
      for (const channel of CHANNELS) {
        const texts = DEFAULT_TEMPLATES[topic][channel];
        if (!texts) continue;
        for (const t of [texts.fr, texts.en]) {
          expect(t.body.trim(), `${topic}/${channel}`).not.toBe('');
          expect(unknownPlaceholders(topic, `${t.subject} ${t.body}`), `${topic}/${channel}`).toEqual([]);
        }
      }
    }
  });

  it('fill every SMS into one GSM-alphabet message of at most 160 characters', () => {
    for (const topic of topics) {
      const texts = DEFAULT_TEMPLATES[topic].sms!;
      for (const t of [texts.fr, texts.en]) {
        const text = render(topic, t.body, SAMPLE);
        expect(text, topic).not.toMatch(/[{}]/);
        expect(
          [...text].filter((c) => !GSM_7.includes(c)),
          `${topic}: ${text}`,
        ).toEqual([]);
        expect(text.length, `${topic}: ${text}`).toBeLessThanOrEqual(160);
      }
    }
  });

  it('speak French with its accents, never the unaccented words of old', () => {
    const all = topics.flatMap((topic) =>
      Object.values(DEFAULT_TEMPLATES[topic]).flatMap((texts) => [texts.fr.subject, texts.fr.body]),
    );
    const text = all.join('\n');
    for (const word of ['attribue ', 'escalade ', 'ete ', 'echeance', 'Delai', 'enregistree', 'proposee']) {
      expect(text).not.toContain(word);
    }
    expect(text).toContain('vous est attribué au niveau {handlingLevel}. Catégorie : {category}.');
    expect(DEFAULT_TEMPLATES.complainant_closed.email!.fr.body).toContain('clôturée');
  });

  it('never carry a name, a description or an address: only the variables of their topic', () => {
    const banned = ['name', 'description', 'phone', 'email', 'address', 'village'];
    for (const topic of topics) {
      for (const v of TOPICS[topic]) expect(banned, `${topic}.${v}`).not.toContain(v);
    }
  });
});

describe('rendering', () => {
  it('fills only the variables of the topic, leaving anything else as written', () => {
    expect(
      render('complainant_closed', '{trackingCode} {reference} {otp} {x}', {
        trackingCode: 'AB12',
        reference: 'MGP-1',
        otp: '999999',
      }),
    ).toBe('AB12 {reference} {otp} {x}');
    expect(missingVariables('public_otp', 'code {otp} for {trackingCode}', { trackingCode: 'AB' })).toEqual([
      'otp',
    ]);
  });

  it('refuses an unknown placeholder with a 422 code naming it, and an empty email subject', () => {
    const fail = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        return err as AppError;
      }
      throw new Error('expected a refusal');
    };
    const err = fail(() =>
      checkTemplate('complainant_receipt', 'sms', { subject: '', body: 'Code {trackingCode} pour {name}' }),
    );
    expect(err.code).toBe('template_unknown_placeholder');
    expect(err.status).toBe(422);
    expect(err.details).toEqual({
      unknown: [{ path: 'body', placeholder: 'name' }],
      allowed: ['trackingCode', 'receivedOn'],
    });
    expect(fail(() => checkTemplate('case_comment', 'email', { subject: ' ', body: 'x' })).code).toBe(
      'validation_error',
    );
    expect(() =>
      checkTemplate('case_comment', 'sms', { subject: '', body: 'Dossier {reference}' }),
    ).not.toThrow();
  });
});

describe('channel helpers', () => {
  it('JSON-escapes the values put in the gateway body template', () => {
    const body = fillJson('{"to":"{to}","text":"{text}","ref":"coso-{id}"}', {
      to: '+22890000000',
      text: 'Il a dit "oui"\nà demain \\ fin',
      id: '42',
    });
    expect(JSON.parse(body)).toEqual({
      to: '+22890000000',
      text: 'Il a dit "oui"\nà demain \\ fin',
      ref: 'coso-42',
    });
  });

  it('masks a phone number but its last two digits', () => {
    expect(maskPhone('+22890112233')).toBe('**********33');
  });

  it('keeps addresses out of provider errors, but not the useful parts', () => {
    expect(redact('550 5.1.1 <Ama@Example.tg>: mailbox unavailable', 'ama@example.tg')).toBe(
      '550 5.1.1 <<recipient>>: mailbox unavailable',
    );
    expect(redact('HTTP 400 {"error":"bad number 228 90 11 22 33"}', '+22890112233')).toBe(
      'HTTP 400 {"error":"bad number *********33"}',
    );
    expect(redact('connect ECONNREFUSED 127.0.0.1:2525 at 2026-11-28', undefined)).toBe(
      'connect ECONNREFUSED 127.0.0.1:2525 at 2026-11-28',
    );
  });

  it('backs off exponentially from 30 s, with jitter, capped at 6 h', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, () => 0.5)).toBe(60_000);
    expect(backoffMs(4, () => 0.5)).toBe(240_000);
    expect(backoffMs(30, () => 0.5)).toBe(6 * 3_600_000);
    expect(backoffMs(1, () => 0)).toBe(24_000);
    expect(backoffMs(1, () => 1)).toBe(36_000);
  });
});
