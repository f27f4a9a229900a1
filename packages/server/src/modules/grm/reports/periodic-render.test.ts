import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../../test/pdf-text.js';
import { renderReportPdf } from './periodic-render.js';

describe('periodic report PDF', () => {
  it('prints area names in the letters of Togolese languages, with their tone marks', async () => {
    const pdf = await renderReportPdf({
      header: 'ANADEB — Projet COSO',
      title: 'Rapport mensuel des plaintes – novembre 2026',
      subtitle: 'Version interne – zone : Ɖɛkpɔ – plaintes reçues du 2026-11-01 au 2026-11-30',
      figures: [['Plaintes reçues', 12]],
      tables: [
        {
          title: 'Par région ou zone',
          header: ['Zone', 'Plaintes'],
          rows: [
            ['Ŋɔti', 7],
            ['Ʋɔ̃ Ɛ̀ɖɔ̌', 5],
          ],
          chart: true,
        },
      ],
      notes: ['Délais en jours ouvrables.'],
    });
    const text = pdfToText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'zone : Ɖɛkpɔ',
      'Ŋɔti 7',
      'Ʋɔ̃ Ɛ̀ɖɔ̌ 5',
      'Chiffres clés',
      'Délais en jours ouvrables.',
    ]) {
      expect(text).toContain(expected.normalize('NFC'));
    }
  });
});
