import { A4_MARGIN as MARGIN, openA4Document, A4_WIDTH as WIDTH } from '../../../../lib/pdf-a4.js';
import { PDF_FONT, pdfString } from '../../../../lib/pdf-fonts.js';
import type { CaseFileContent, CaseFileEntry } from './content.js';

/** The case file as an A4 PDF: header, then each section (facts, paragraphs, dated entries), page numbers. */

const GREEN = '#1b6e4f';
const LABEL_WIDTH = 150;

type Doc = PDFKit.PDFDocument;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawEntry(doc: Doc, e: CaseFileEntry) {
  ensureRoom(doc, 30);
  doc
    .font(PDF_FONT.bold)
    .fontSize(9)
    .fillColor('#000')
    .text(pdfString(`${e.when} — ${e.what}`), MARGIN, doc.y, { width: WIDTH, continued: true })
    .font(PDF_FONT.regular)
    .fillColor('#444')
    .text(pdfString(` (${e.who})`));
  doc.fillColor('#000');
  for (const line of e.details) doc.text(pdfString(line), MARGIN + 12, doc.y, { width: WIDTH - 12 });
  doc.moveDown(0.3);
}

export async function renderCaseFilePdf(c: CaseFileContent, { compress = true } = {}): Promise<Buffer> {
  const { doc, finish } = openA4Document(c.title, { compress });

  doc.rect(0, 0, doc.page.width, 34).fill(GREEN);
  doc
    .fillColor('#fff')
    .font(PDF_FONT.bold)
    .fontSize(9)
    .text(pdfString(c.header), MARGIN, 12, { width: WIDTH });
  doc
    .fillColor('#000')
    .font(PDF_FONT.bold)
    .fontSize(16)
    .text(pdfString(c.heading), MARGIN, 50, { width: WIDTH });
  doc.font(PDF_FONT.regular).fontSize(8).fillColor('#444').text(pdfString(c.printed), { width: WIDTH });
  doc.font(PDF_FONT.italic).text(pdfString(c.confidential), { width: WIDTH }).fillColor('#000');

  for (const section of c.sections) {
    ensureRoom(doc, 60);
    doc.moveDown(0.8);
    doc.font(PDF_FONT.bold).fontSize(12).fillColor(GREEN).text(pdfString(section.title), MARGIN, doc.y);
    doc.fillColor('#000').moveDown(0.2);
    for (const [label, value] of section.rows ?? []) {
      ensureRoom(doc, 14);
      const y = doc.y;
      doc
        .font(PDF_FONT.bold)
        .fontSize(9)
        .text(pdfString(label), MARGIN, y, { width: LABEL_WIDTH - 6 });
      const afterLabel = doc.y;
      doc
        .font(PDF_FONT.regular)
        .text(pdfString(value), MARGIN + LABEL_WIDTH, y, { width: WIDTH - LABEL_WIDTH });
      doc.y = Math.max(doc.y, afterLabel);
    }
    for (const p of section.paragraphs ?? []) {
      doc.moveDown(0.3);
      doc.font(PDF_FONT.regular).fontSize(9).text(pdfString(p), MARGIN, doc.y, { width: WIDTH });
    }
    for (const e of section.entries ?? []) drawEntry(doc, e);
    if (section.entries && section.entries.length === 0) {
      doc.font(PDF_FONT.italic).fontSize(9).text('—', MARGIN, doc.y);
    }
  }

  return finish();
}
