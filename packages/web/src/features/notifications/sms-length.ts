/**
 * How many SMS a text takes: 160 characters in one message of the GSM 7-bit alphabet (153 per part when
 * split); any other character (é is GSM, but ’, œ, emoji are not) switches the whole text to UCS-2: 70 and 67.
 */
const GSM =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€'; // Two septets each.

export function smsParts(text: string): { chars: number; parts: number; unicode: boolean } {
  const chars = [...text];
  const unicode = chars.some((c) => !GSM.includes(c) && !GSM_EXTENDED.includes(c));
  const units = unicode ? chars.length : chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0);
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  return { chars: units, parts, unicode };
}

/** The {placeholders} of a template that are not among its topic's variables. */
export function unknownPlaceholders(text: string, variables: readonly string[]): string[] {
  const found = [...text.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((v) => !variables.includes(v)))];
}
