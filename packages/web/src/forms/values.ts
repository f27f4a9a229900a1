/**
 * What the desktop inputs show and what they commit. An input that cannot be read as its type commits the
 * raw text, so that the engine's own validation (the one the server runs) reports `invalid_type`, instead of
 * a second, web-only rule.
 */

const SPACES = /[\s\u00a0\u202f]/g;

/** Whole FCFA: digits with any grouping (spaces, narrow spaces, dots or commas between groups of 3). */
export function parseMoney(text: string): number | string | null {
  const t = text.replace(SPACES, '');
  if (t === '') return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return /^\d+$/.test(t) ? Number(t) : text;
}

/** 1250000 → "1 250 000" (French) / "1,250,000" (English), whole numbers only. */
export function formatMoney(value: number, intlTag: string): string {
  return new Intl.NumberFormat(intlTag, { maximumFractionDigits: 0 }).format(value);
}

export function parseInteger(text: string): number | string | null {
  const t = text.replace(SPACES, '');
  if (t === '') return null;
  return /^[-+]?\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
}

/** French writes 12,5: a single comma is the decimal separator. */
export function parseDecimal(text: string): number | string | null {
  const t = text.replace(SPACES, '');
  if (t === '') return null;
  const dotted = /^[-+]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(dotted) && Number.isFinite(Number(dotted))
    ? Number(dotted)
    : text;
}

/** The text an input shows for a stored number (decimals with the language's separator). */
export function formatNumberInput(value: unknown, kind: 'integer' | 'decimal' | 'money', intlTag: string) {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (kind === 'money') return formatMoney(value, intlTag);
  const s = String(value);
  return kind === 'decimal' && intlTag.startsWith('fr') ? s.replace('.', ',') : s;
}

/** A <input type="datetime-local"> value (local wall time) as an ISO instant, and back. */
export function localToIso(local: string): string | null {
  if (local === '') return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

export function isoToLocal(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface GeoPoint {
  lat: number;
  lon: number;
  alt?: number;
  accuracy?: number;
}

/** Latitude and longitude typed separately; both empty is no answer, anything else unreadable is raw text. */
export function parseGeopoint(lat: string, lon: string): GeoPoint | string | null {
  const a = parseDecimal(lat);
  const o = parseDecimal(lon);
  if (a === null && o === null) return null;
  if (typeof a === 'number' && typeof o === 'number') return { lat: a, lon: o };
  return `${lat} ${lon}`.trim();
}

export function isGeoPoint(v: unknown): v is GeoPoint {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as GeoPoint).lat === 'number' &&
    typeof (v as GeoPoint).lon === 'number'
  );
}
