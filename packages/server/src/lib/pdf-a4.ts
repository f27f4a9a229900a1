import PDFDocument from 'pdfkit';
import { PDF_FONT, pdfString, usePdfFonts } from './pdf-fonts.js';

/** Page layout shared by the A4 documents (case files, periodic reports). */
export const A4_MARGIN = 50;
export const A4_WIDTH = 595.28 - 2 * A4_MARGIN;

/**
 * A new A4 document with the platform's fonts, its pages kept in memory so that `finish` can number them
 * ("3 / 7") once the total is known.
 */
export function openA4Document(title: string, { compress = true } = {}) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    compress,
    bufferPages: true,
    info: { Title: pdfString(title), Author: 'ANADEB', Creator: 'COSO Platform' },
  });
  usePdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  async function finish(): Promise<Buffer> {
    const pages = doc.bufferedPageRange();
    for (let i = 0; i < pages.count; i++) {
      doc.switchToPage(i);
      doc
        .font(PDF_FONT.regular)
        .fontSize(8)
        .fillColor('#666')
        .text(`${i + 1} / ${pages.count}`, A4_MARGIN, doc.page.height - 30, {
          width: A4_WIDTH,
          align: 'right',
          lineBreak: false,
        });
    }
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }
  return { doc, finish };
}
