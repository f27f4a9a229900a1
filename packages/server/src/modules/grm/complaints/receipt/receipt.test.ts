import { formatTrackingCode } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from '../../../../test/harness.js';
import { pdfPageCount, pdfToText } from '../../../../test/pdf-text.js';
import type { ComplaintRow } from '../repo.js';
import { buildReceiptContent } from './content.js';
import { renderReceiptPdf } from './pdf.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
const s: Record<string, Session> = {};
const DESCRIPTION = 'Le forage du village ne fonctionne plus depuis deux semaines.';

beforeAll(async () => {
  t = await createTestApp({ GRM_HOTLINE: '+228 90 12 34 56', PUBLIC_URL: 'https://mgp.coso.tg/' });
  tree = await makeTree(t.db);
  const people = {
    operator: await makeUser(t, ['grm_officer'], [tree.country]),
    focal: await makeUser(t, ['focal_point'], [tree.a.region]),
    outsider: await makeUser(t, ['focal_point'], [tree.b.region]),
    vbg: await makeUser(t, ['sensitive_focal_point'], [tree.country]),
  };
  for (const [key, user] of Object.entries(people)) s[key] = await login(t, user.username);
});
afterAll(() => t.close());

async function newCase(over: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: s.operator!.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'hotline',
      description: DESCRIPTION,
      villageId: tree.a.villages[0]!.id,
      complainant: { anonymous: false, name: 'Kodjo Abalo', phone: '+22890112233', confidential: false },
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; trackingCode: string; reference: string };
}

const receipt = (who: string, id: string, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/complaints/${id}/receipt.pdf${query}`,
    headers: { cookie: s[who]!.cookie, ...headers },
  });

const pdfText = (pdf: Buffer) => pdfToText(pdf);
const pageCount = pdfPageCount;

describe('receipt', () => {
  it('prints an A4 receipt with the code, the roadmap and the hotline, never the description', async () => {
    const c = await newCase();
    const res = await receipt('focal', c.id);
    expect(res.statusCode).toBe(200);
    const code = formatTrackingCode(c.trackingCode);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="recu-${code}.pdf"`,
    });
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      'ANADEB — Projet COSO',
      'Mécanisme de gestion des plaintes',
      'Accusé de réception',
      code,
      c.reference,
      'Téléphone / numéro vert',
      'Travaux des sous-projets',
      tree.a.villages[0]!.name,
      'Kodjo Abalo',
      'Suivez votre plainte avec ce code',
      'jours ouvrables',
      'Appelez le +228 90 12 34 56',
      'Sur https://mgp.coso.tg/public/suivi, saisissez votre code de suivi.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('forage');
    expect(text).not.toContain('+22890112233');
  });

  it('prints a thermal receipt 58 mm wide, one page as long as needed', async () => {
    const c = await newCase();
    const pdf = (await receipt('operator', c.id, '?format=thermal')).rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const [, width, height] = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)!;
    expect(Number(width)).toBeCloseTo((58 * 72) / 25.4, 1);
    expect(Number(height)).toBeGreaterThan(200);
    expect(Number(height)).toBeLessThan(841);
    const text = pdfText(pdf);
    expect(text).toContain(formatTrackingCode(c.trackingCode));
    expect(text).not.toContain('forage');
  });

  it('speaks English when asked, by the browser or explicitly', async () => {
    const c = await newCase();
    const en = pdfText(
      (await receipt('focal', c.id, '', { 'accept-language': 'en-GB,en;q=0.9' })).rawPayload,
    );
    expect(en).toContain('Acknowledgement of receipt');
    expect(en).toContain('Phone / hotline');
    const fr = pdfText((await receipt('focal', c.id, '?lang=fr', { 'accept-language': 'en' })).rawPayload);
    expect(fr).toContain('Accusé de réception');
  });

  it('leaves out a confidential identity', async () => {
    const c = await newCase({
      complainant: { anonymous: false, name: 'Afi Mensah', phone: '+22890112244', confidential: true },
    });
    const text = pdfText((await receipt('focal', c.id)).rawPayload);
    expect(text).toContain(formatTrackingCode(c.trackingCode));
    expect(text).not.toContain('Afi Mensah');
  });

  it('shows neither identity nor category nor description for a sensitive case, and only to its handlers', async () => {
    const c = await newCase({ category: 'gbv_sea' });
    for (const format of ['a4', 'thermal']) {
      const res = await receipt('vbg', c.id, `?format=${format}`);
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain(formatTrackingCode(c.trackingCode));
      for (const hidden of ['Kodjo', 'Abalo', 'Violences', 'VBG', 'Catégorie', 'forage']) {
        expect(text).not.toContain(hidden);
      }
    }
    // The operator filed it: within the filer's window they may print it (see filer-window.test.ts).
    expect((await receipt('operator', c.id)).statusCode).toBe(200);
    expect((await receipt('focal', c.id)).statusCode).toBe(404);
  });

  it('answers 404 outside the area and 400 for an unknown format', async () => {
    const c = await newCase();
    expect((await receipt('outsider', c.id)).statusCode).toBe(404);
    expect((await receipt('focal', c.id, '?format=letter')).statusCode).toBe(400);
  });
});

describe("the citizen's copy", () => {
  const publicReceipt = (code: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/track/${code}/receipt.pdf${query}` });

  it('is downloaded by tracking code without login, and says no more than the tracking page', async () => {
    const c = await newCase();
    const code = formatTrackingCode(c.trackingCode);
    const res = await publicReceipt(code.toLowerCase());
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="recu-${code}.pdf"`,
      'cache-control': 'private, no-store',
    });
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Accusé de réception',
      code,
      'Reçue le',
      'Sur https://mgp.coso.tg/public/suivi, saisissez votre code de suivi.',
      'Appelez le +228 90 12 34 56',
    ]) {
      expect(text).toContain(expected);
    }
    for (const hidden of [c.reference, 'Kodjo', 'Travaux', tree.a.villages[0]!.name, 'forage']) {
      expect(text).not.toContain(hidden);
    }
    const en = pdfText((await publicReceipt(code, '?lang=en&format=thermal')).rawPayload).replace(
      /\s+/g,
      ' ',
    );
    expect(en).toContain('At https://mgp.coso.tg/public/suivi, enter your tracking code.');
  });

  it('answers 404 for a code nobody holds and 400 for a bad format', async () => {
    expect((await publicReceipt('2345-6789-A')).statusCode).toBe(404);
    const c = await newCase();
    expect((await publicReceipt(c.trackingCode, '?format=letter')).statusCode).toBe(400);
  });
});

describe('layout', () => {
  it('keeps the widest possible code on one line of a thermal roll', async () => {
    const content = buildReceiptContent({
      complaint: {
        trackingCode: 'WWWWMMMMW',
        reference: 'MGP-2026-000001',
        channelCode: 'sms',
        categoryCode: 'other',
        sensitive: false,
        anonymous: true,
        identityConfidential: false,
        villageName: 'Ɖɛkpɔ',
        receivedAt: new Date('2026-11-12T14:05:00Z'),
      } as ComplaintRow,
      name: null,
      references: [],
      locale: 'fr',
    });
    const pdf = await renderReceiptPdf(content, 'thermal', { compress: false });
    const lines = pdfText(pdf).split('\n');
    expect(lines).toContain('WWWW-MMMM-W');
    expect(lines).toContain('Village : Ɖɛkpɔ');
    expect(lines).toContain('Reçue le : 12 novembre 2026 à 14:05');
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('hotline', () => {
  it('prints the configured hotline, and no "call" section when none is set', async () => {
    const complaint = {
      trackingCode: 'K7M2P9QX3',
      reference: 'MGP-2026-000002',
      channelCode: 'hotline',
      categoryCode: 'works',
      sensitive: false,
      anonymous: true,
      identityConfidential: false,
      villageName: 'Lama',
      receivedAt: new Date('2026-11-12T14:05:00Z'),
    } as ComplaintRow;
    const base = { complaint, name: null, references: [], locale: 'fr' } as const;
    const withLine = pdfText(await renderReceiptPdf(buildReceiptContent({ ...base, hotline: '8282' }), 'a4'));
    expect(withLine).toContain('Appelez le 8282 en donnant votre code de suivi.');
    const without = pdfText(await renderReceiptPdf(buildReceiptContent(base), 'a4'));
    expect(without).not.toContain('Appelez');
    expect(without).not.toContain('Suivre en ligne');
    expect(without).toContain('K7M2-P9QX-3');
  });
});

describe('letters of Togolese names', () => {
  it('prints Ɖ Ɛ Ɔ Ŋ Ʋ Ɣ, their small forms and tone marks as typed (an embedded Unicode font)', async () => {
    const name = 'Ɖɛkpɔ Ŋɔti Ʋɔ̃ Ɣakɔ́ Ɛ̀ɖɔ̌ Ɔŋ';
    const complaint = {
      trackingCode: 'K7M2P9QX3',
      reference: 'MGP-2026-000003',
      channelCode: 'hotline',
      categoryCode: 'works',
      sensitive: false,
      anonymous: false,
      identityConfidential: false,
      villageName: 'Ŋɔkpɔ',
      receivedAt: new Date('2026-11-12T14:05:00Z'),
    } as ComplaintRow;
    for (const format of ['a4', 'thermal'] as const) {
      const pdf = await renderReceiptPdf(
        buildReceiptContent({ complaint, name, references: [], locale: 'fr' }),
        format,
      );
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain(`Plaignant(e) : ${name}`);
      expect(text).toContain('Village : Ŋɔkpɔ');
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    }
  });
});
