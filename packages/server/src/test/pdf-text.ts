import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The text of a PDF as a reader would copy it, extracted by poppler's pdftotext (Debian package
 * poppler-utils, installed by .ci/run): it decodes the embedded font's ToUnicode map, so a test sees the
 * letters as printed, not the glyph ids PDFKit writes.
 */
export function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'coso-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    // In drawing order (-raw): a combining tone mark, which the font raises over its letter, would otherwise
    // be read as a line of its own. Only a line break is then left between the letter and its mark.
    const args = ['-raw', '-enc', 'UTF-8', file, '-'];
    return execFileSync('pdftotext', args, { encoding: 'utf8' })
      .replace(/\s+(\p{M})/gu, '$1')
      .normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfPageCount = (pdf: Buffer) =>
  pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
