import { nameKey, normalizePhone as normalizeDomainPhone } from '@coso/domain';

/**
 * The columns of a paper register as officers type them up. Headers are matched with `nameKey` (accents, case
 * and apostrophes do not matter), in French or English. Type, category and channel are required too: a case
 * cannot exist without them, and guessing them would put invented data in the record.
 */
export const REGISTER_COLUMNS = {
  receivedAt: {
    fr: 'Date de réception',
    aliases: ['date de reception', 'date received', 'received', 'received at', 'reception'],
    required: true,
  },
  type: { fr: 'Type', aliases: ['type'], required: true },
  category: { fr: 'Catégorie', aliases: ['categorie', 'category'], required: true },
  channel: { fr: 'Canal', aliases: ['canal', 'channel'], required: true },
  description: { fr: 'Description', aliases: ['description'], required: true },
  incidentDate: {
    fr: "Date de l'incident",
    aliases: ['date de l incident', 'incident date', 'date of incident', 'date des faits'],
    required: false,
  },
  village: { fr: 'Village', aliases: ['village'], required: true },
  canton: { fr: 'Canton', aliases: ['canton'], required: false },
  commune: { fr: 'Commune', aliases: ['commune'], required: false },
  anonymous: { fr: 'Anonyme', aliases: ['anonyme', 'anonymous'], required: false },
  name: { fr: 'Nom', aliases: ['nom', 'name', 'nom du plaignant', 'complainant name'], required: false },
  phone: { fr: 'Téléphone', aliases: ['telephone', 'phone', 'tel'], required: false },
  gender: { fr: 'Genre', aliases: ['genre', 'gender', 'sexe', 'sex'], required: false },
  ageGroup: {
    fr: "Tranche d'âge",
    aliases: ['tranche d age', 'age group', 'age band'],
    required: false,
  },
} as const;

export type RegisterColumn = keyof typeof REGISTER_COLUMNS;

export interface RegisterColumnMap {
  /** Index of each column found in the file. */
  index: Partial<Record<RegisterColumn, number>>;
  /** French labels of required columns the file lacks. */
  missing: string[];
  /** Headers of the file that match no column (e.g. "Statut"): reported, never silently used. */
  ignored: string[];
}

export function mapRegisterColumns(headers: string[]): RegisterColumnMap {
  const keys = headers.map(nameKey);
  const map: RegisterColumnMap = { index: {}, missing: [], ignored: [] };
  for (const [column, def] of Object.entries(REGISTER_COLUMNS)) {
    const index = keys.findIndex((k) => (def.aliases as readonly string[]).includes(k));
    if (index >= 0) map.index[column as RegisterColumn] = index;
    else if (def.required) map.missing.push(def.fr);
  }
  const used = new Set(Object.values(map.index));
  map.ignored = headers.filter((h, i) => h !== '' && !used.has(i));
  return map;
}

/** YYYY-MM-DD or DD/MM/YYYY (also with "-" or "."), checked against the calendar; null when empty. */
export function parseRegisterDate(cell: string): string | null | 'invalid' {
  if (cell === '') return null;
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) [d, m, y] = [Number(french[1]), Number(french[2]), Number(french[3])];
  else return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 31/02 over to March: a date that does not survive the round trip does not exist.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    return 'invalid';
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Registers hold Togolese numbers as people write them ("90 11 22 33", "228 90112233", "0022890112233"): read
 * with the one phone rule of the domain (normalizePhone), as every form does.
 */
export function normalizePhone(cell: string): string | null | 'invalid' {
  if (cell.trim() === '') return null;
  return normalizeDomainPhone(cell) ?? 'invalid';
}
