import PDFDocument from 'pdfkit';
import { PDF_FONT, pdfString, usePdfFonts } from '../../../../lib/pdf-fonts.js';
import type { ReceiptContent } from './content.js';

export const RECEIPT_FORMATS = ['a4', 'thermal'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];

const mm = (value: number) => (value * 72) / 25.4;

interface Layout {
  width: number;
  /** Fixed page height, or undefined for a roll cut to the content. */
  height: number | undefined;
  margin: number;
  size: { header: number; title: number; label: number; code: number; body: number };
  gap: number;
  lineGap: number;
}

// 58 mm thermal rolls print about 48 mm wide; the page is as long as the receipt.
const LAYOUTS: Record<ReceiptFormat, Layout> = {
  a4: {
    width: 595.28,
    height: 841.89,
    margin: 56,
    size: { header: 12, title: 20, label: 10, code: 34, body: 11 },
    gap: 14,
    lineGap: 3,
  },
  thermal: {
    width: mm(58),
    height: undefined,
    margin: mm(5),
    size: { header: 7.5, title: 10.5, label: 7, code: 17, body: 7.5 },
    gap: 6,
    lineGap: 0.5,
  },
};

type Doc = PDFKit.PDFDocument;

/** Draws the receipt from the top margin and returns where the content ends. */
function draw(doc: Doc, r: ReceiptContent, l: Layout): number {
  const x = l.margin;
  const width = l.width - 2 * l.margin;
  const centred = { width, align: 'center' as const };
  const text = (value: string, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font(font)
      .fontSize(size)
      .text(pdfString(value), { width, ...options });
  const rule = () => {
    doc.moveDown(0.4);
    doc
      .moveTo(x, doc.y)
      .lineTo(x + width, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.y += l.gap * 0.6;
  };

  doc.x = x;
  doc.y = l.margin;
  for (const line of r.header) text(line, PDF_FONT.bold, l.size.header, centred);
  rule();
  text(r.heading, PDF_FONT.bold, l.size.title, centred);
  doc.y += l.gap * 0.5;
  text(r.codeLabel, PDF_FONT.regular, l.size.label, centred);
  // Never wrapped: a code split over two lines is misread. Wide letters (WWWW-MMMM-W) shrink it to fit.
  doc.font(PDF_FONT.bold).fontSize(l.size.code);
  const codeSize = Math.min(l.size.code, (l.size.code * width) / doc.widthOfString(r.code));
  text(r.code, PDF_FONT.bold, Math.floor(codeSize * 10) / 10, centred);
  text(r.follow, PDF_FONT.regular, l.size.body, centred);
  rule();
  for (const fact of r.facts) {
    doc
      .font(PDF_FONT.bold)
      .fontSize(l.size.body)
      .text(pdfString(fact.label), { width, continued: true, lineGap: l.lineGap });
    doc.font(PDF_FONT.regular).text(pdfString(fact.value));
  }
  rule();
  for (const section of r.sections) {
    text(section.title, PDF_FONT.bold, l.size.body);
    text(section.text, PDF_FONT.regular, l.size.body);
    doc.y += l.gap * 0.5;
  }
  text(r.footer, PDF_FONT.italic, l.size.body, centred);
  return doc.y;
}

function newDocument(r: ReceiptContent, l: Layout, height: number, compress: boolean): Doc {
  const doc = new PDFDocument({
    size: [l.width, height],
    margin: l.margin,
    compress,
    info: { Title: pdfString(r.title), Author: 'ANADEB', Creator: 'COSO Platform' },
  });
  return usePdfFonts(doc);
}

export interface RenderOptions {
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
}

/** The receipt as a one-page PDF: an A4 sheet, or a 58 mm roll exactly as long as the content. */
export async function renderReceiptPdf(
  r: ReceiptContent,
  format: ReceiptFormat,
  { compress = true }: RenderOptions = {},
): Promise<Buffer> {
  const l = LAYOUTS[format];
  let height = l.height;
  if (height === undefined) {
    // PDFKit pages have a fixed size: lay out once on a long page to measure, then draw on the right one.
    const end = draw(newDocument(r, l, 5000, false), r, l);
    height = Math.ceil(end + l.margin + l.gap);
  }
  const doc = newDocument(r, l, height, compress);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc, r, l);
  doc.end();
  return done;
}
