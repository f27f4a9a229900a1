import ExcelJS from 'exceljs';
import { A4_MARGIN as MARGIN, openA4Document, A4_WIDTH as WIDTH } from '../../../lib/pdf-a4.js';
import { PDF_FONT, pdfString } from '../../../lib/pdf-fonts.js';
import type { ReportContent, ReportTable } from './periodic-content.js';

/** The periodic report as an A4 PDF (key figures, bar charts, tables) and as an XLSX (one sheet per table). */

const GREEN = '#1b6e4f';

export async function renderReportPdf(c: ReportContent, { compress = true } = {}): Promise<Buffer> {
  // Area names (Ɖ, ɛ, ɔ, ŋ…) print as typed: see lib/pdf-fonts.ts.
  const { doc, finish } = openA4Document(c.title, { compress });
  const text = pdfString;

  doc.rect(0, 0, doc.page.width, 34).fill(GREEN);
  doc.fillColor('#fff').font(PDF_FONT.bold).fontSize(10).text(text(c.header), MARGIN, 12, { width: WIDTH });
  doc.fillColor('#000').moveDown(2.2);
  doc.font(PDF_FONT.bold).fontSize(16).text(text(c.title), MARGIN, doc.y, { width: WIDTH });
  doc
    .font(PDF_FONT.regular)
    .fontSize(9)
    .fillColor('#444')
    .text(text(c.subtitle), { width: WIDTH })
    .fillColor('#000');
  doc.moveDown();

  doc.font(PDF_FONT.bold).fontSize(12).text('Chiffres clés');
  doc.moveDown(0.3);
  for (const [label, value] of c.figures) {
    const y = doc.y;
    doc
      .font(PDF_FONT.regular)
      .fontSize(10)
      .text(text(label), MARGIN, y, { width: WIDTH * 0.65 });
    doc
      .font(PDF_FONT.bold)
      .text(text(value), MARGIN + WIDTH * 0.65, y, { width: WIDTH * 0.35, align: 'right' });
    doc.moveDown(0.2);
  }
  for (const t of c.tables) drawTable(doc, t, text);
  doc.moveDown();
  doc.font(PDF_FONT.italic).fontSize(8).fillColor('#444');
  for (const n of c.notes) doc.text(text(n), MARGIN, doc.y, { width: WIDTH });

  return finish();
}

function drawTable(doc: PDFKit.PDFDocument, t: ReportTable, text: (s: string | number) => string) {
  const rowH = 15;
  const needed = 30 + rowH * (t.rows.length + 1);
  if (doc.y + Math.min(needed, 200) > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown();
  doc.font(PDF_FONT.bold).fontSize(12).fillColor('#000').text(text(t.title), MARGIN, doc.y);
  doc.moveDown(0.3);
  const labelW = t.chart ? WIDTH * 0.4 : WIDTH / t.header.length;
  const colW = t.chart ? WIDTH * 0.15 : WIDTH / t.header.length;
  const numbers = t.rows.map((r) => (typeof r[1] === 'number' ? r[1] : 0));
  const max = Math.max(1, ...numbers);
  const row = (cells: Array<string | number>, bold: boolean, bar?: number) => {
    if (doc.y + rowH > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    doc
      .font(bold ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(9)
      .fillColor('#000');
    for (const [i, cell] of cells.entries()) {
      const x = i === 0 ? MARGIN : MARGIN + labelW + (i - 1) * colW;
      doc.text(text(cell), x, y + 3, {
        width: (i === 0 ? labelW : colW) - 4,
        height: rowH,
        ellipsis: true,
        lineBreak: false,
      });
    }
    if (bar !== undefined) {
      const x = MARGIN + labelW + colW;
      doc.rect(x, y + 3, ((WIDTH - labelW - colW) * bar) / max, rowH - 6).fill(GREEN);
    }
    doc
      .moveTo(MARGIN, y + rowH)
      .lineTo(MARGIN + WIDTH, y + rowH)
      .lineWidth(0.3)
      .stroke('#ccc');
    doc.y = y + rowH;
  };
  row(t.header, true);
  for (const [i, r] of t.rows.entries()) row(r, false, t.chart ? numbers[i] : undefined);
  doc.x = MARGIN;
}

export async function renderReportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'COSO Platform';
  const summary = wb.addWorksheet('Synthèse');
  summary.addRow([c.header]).font = { bold: true };
  summary.addRow([c.title]).font = { bold: true, size: 14 };
  summary.addRow([c.subtitle]);
  summary.addRow([]);
  for (const [label, value] of c.figures) summary.addRow([label, value]);
  summary.addRow([]);
  for (const n of c.notes) summary.addRow([n]);
  summary.getColumn(1).width = 45;
  summary.getColumn(2).width = 25;
  for (const t of c.tables) {
    // Sheet names: 31 characters at most, without : \ / ? * [ ].
    const ws = wb.addWorksheet(t.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.getColumn(1).width = 40;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
