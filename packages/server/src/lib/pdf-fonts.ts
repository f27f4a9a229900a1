import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Every PDF the platform prints (receipts, case files, periodic reports) embeds Noto Sans (SIL Open Font
 * Licence, shipped as TTF by the npm package @embedpdf/fonts-latin). PDFKit's built-in Helvetica only knows
 * Windows-1252, so Togolese names written in the African reference alphabet (Ɖ Ɛ Ɔ Ŋ Ʋ Ɣ, ɖ ɛ ɔ ŋ ʋ ɣ) and
 * their tone marks (combining accents, positioned by the font's GPOS table) used to lose their letters.
 * PDFKit subsets the font, so a receipt stays around 20 kB.
 */
export const PDF_FONT = {
  regular: 'NotoSans',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
} as const;

const FILES: Record<keyof typeof PDF_FONT, string> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
};

let cache: Record<keyof typeof PDF_FONT, Buffer> | undefined;

/** Read once, on the first PDF (never at import time), then kept: about 1.9 MB for the three faces. */
function fontFiles(): Record<keyof typeof PDF_FONT, Buffer> {
  if (!cache) {
    // The package only exports its metadata module; the TTF files sit in ../fonts beside dist/.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-latin');
    const dir = path.join(path.dirname(entry), '..', 'fonts');
    cache = {
      regular: readFileSync(path.join(dir, FILES.regular)),
      bold: readFileSync(path.join(dir, FILES.bold)),
      italic: readFileSync(path.join(dir, FILES.italic)),
    };
  }
  return cache;
}

/** Registers the three faces on a new document and makes the regular one current. */
export function usePdfFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const files = fontFiles();
  for (const face of Object.keys(PDF_FONT) as Array<keyof typeof PDF_FONT>) {
    doc.registerFont(PDF_FONT[face], files[face]);
  }
  return doc.font(PDF_FONT.regular);
}

/**
 * Text as it should be drawn: composed (NFC), so that a letter typed as base + combining accent uses the
 * precomposed glyph when the font has one, and with line breaks and tabs kept but other control characters
 * (which the font cannot draw) removed.
 */
export function pdfString(value: string | number): string {
  return String(value)
    .normalize('NFC')
    .replace(/[^\P{Cc}\n\t]/gu, '');
}
