/**
 * PDFKit's built-in Helvetica only has the WinAnsi (Windows-1252) characters; anything else prints as
 * garbage. Togolese place and person names use letters of the African reference alphabet (Ɖ, ɛ, ɔ, ŋ, ʋ…)
 * and tone marks: they are replaced by the nearest Latin letter rather than printed wrong.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const NEAREST: Record<string, string> = {
  Ɖ: 'D',
  ɖ: 'd',
  Ɛ: 'E',
  ɛ: 'e',
  Ɔ: 'O',
  ɔ: 'o',
  Ŋ: 'N',
  ŋ: 'n',
  Ʋ: 'V',
  ʋ: 'v',
  Ɣ: 'G',
  ɣ: 'g',
  Ƒ: 'F',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

const printable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(c);
};

export function toWinAnsi(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (/\s/u.test(c)) out += ' ';
    else if (printable(c)) out += c;
    else if (NEAREST[c]) out += NEAREST[c];
    else {
      // A letter with a tone mark with no precomposed WinAnsi form (ɛ́, ò̀…): keep the base letter.
      const base = [...c.normalize('NFD')].filter((p) => !/\p{M}/u.test(p)).join('');
      out += [...base].map((b) => (printable(b) ? b : (NEAREST[b] ?? '?'))).join('');
    }
  }
  return out;
}
