import type { ComplaintStatus } from '@coso/domain';
import type { Queryable } from '../../../../db/driver.js';
import { listLevels } from '../../../../platform/geo/repo.js';
import { listReference } from '../../../../platform/reference/repo.js';
import type { ComplaintRow } from '../repo.js';

/**
 * The columns of the case-list export. Deliberately absent: the complainant's identity (name, phone, email:
 * they live in the protected identity table and are revealed one case at a time, audited) and the description
 * (free text that names people, and for sensitive cases must never leave the handlers). The analysts'
 * dataset, with a reviewed set of columns, is modules/grm/exports/analyst.ts.
 */
export const EXPORT_HEADERS = [
  'Code de suivi',
  'Référence',
  'Reçue le',
  'Type',
  'Catégorie',
  'Canal',
  'Statut',
  'Village',
  'Niveau de traitement',
  'Assignée à',
  'Genre',
  "Tranche d'âge",
  'Escaladée (nombre)',
];

// French labels of the lifecycle statuses (GRM.md). They belong in the domain package once the web app shows
// statuses too; until then the export is their only reader.
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'Reçue',
  acknowledged: 'Réception accusée',
  ineligible: 'Non recevable',
  in_progress: 'En cours de traitement',
  resolution_proposed: 'Résolution proposée',
  closed: 'Clôturée',
  appealed: 'En appel',
  unresolved: 'Non résolue',
  escalated: 'Escaladée',
  withdrawn: 'Retirée',
  referred: 'Orientée hors projet',
};

export type ExportCell = string | number | Date;

export interface ExportLabels {
  reference: Map<string, string>;
  levels: Map<string, string>;
}

/** French labels of codes, inactive items included: old cases keep codes that were retired since. */
export async function loadExportLabels(db: Queryable): Promise<ExportLabels> {
  const items = await listReference(db, true);
  const levels = await listLevels(db);
  return {
    reference: new Map(items.map((i) => [`${i.list}:${i.code}`, i.labelFr])),
    levels: new Map(levels.map((l) => [l.code, l.labelFr])),
  };
}

/** What a case-list export row holds (rows.ts selects only these). */
export type ExportedCase = Pick<
  ComplaintRow,
  | 'trackingCode'
  | 'reference'
  | 'receivedAt'
  | 'typeCode'
  | 'categoryCode'
  | 'channelCode'
  | 'status'
  | 'villageName'
  | 'handlingLevel'
  | 'assigneeName'
  | 'gender'
  | 'ageGroup'
  | 'escalationCount'
>;

/** One exported row; the date stays a Date so that the spreadsheet gets a real date cell. */
export function exportCells(c: ExportedCase, labels: ExportLabels): ExportCell[] {
  const ref = (list: string, code: string | null) =>
    code === null ? '' : (labels.reference.get(`${list}:${code}`) ?? code);
  return [
    c.trackingCode,
    c.reference,
    c.receivedAt,
    ref('type', c.typeCode),
    ref('category', c.categoryCode),
    ref('channel', c.channelCode),
    STATUS_LABELS[c.status] ?? c.status,
    c.villageName,
    labels.levels.get(c.handlingLevel) ?? c.handlingLevel,
    c.assigneeName ?? '',
    ref('gender', c.gender),
    ref('age_group', c.ageGroup),
    c.escalationCount,
  ];
}

export { formatDateTime } from '../../../../platform/exports/table-stream.js';
