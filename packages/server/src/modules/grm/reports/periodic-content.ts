import type { ComplaintStatus } from '@coso/domain';
import { z } from 'zod';
import { formatDateTime } from '../../../platform/exports/table-stream.js';
import { type ExportLabels, STATUS_LABELS } from '../complaints/export/columns.js';
import type { ComplaintSummary } from './summary.js';

/** The periodic report's content, the same for the PDF and the XLSX: key figures then tables. */

export const periodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'period_format' })
  .describe('A month (2026-10) or a quarter (2026-Q3)');

export const periodicQuerySchema = z.object({
  period: periodSchema,
  version: z.enum(['internal', 'public']).default('internal'),
  area: z.uuid().optional(),
});
export type PeriodicQuery = z.infer<typeof periodicQuerySchema>;

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** First and last day of a month or quarter, and its name in French. */
export function periodRange(period: string): {
  from: string;
  to: string;
  label: string;
  kind: 'month' | 'quarter';
} {
  const year = Number(period.slice(0, 4));
  const quarter = period.includes('Q') ? Number(period.slice(6)) : undefined;
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : Number(period.slice(5, 7));
  const lastMonth = quarter ? firstMonth + 2 : firstMonth;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    label: quarter
      ? `${quarter}${quarter === 1 ? 'er' : 'e'} trimestre ${year}`
      : `${MONTHS_FR[firstMonth - 1]} ${year}`,
    kind: quarter ? 'quarter' : 'month',
  };
}

export interface ReportTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
  /** Draw the first numeric column as bars in the PDF. */
  chart?: boolean;
}

export interface ReportContent {
  header: string;
  title: string;
  subtitle: string;
  figures: Array<[string, string | number]>;
  tables: ReportTable[];
  notes: string[];
}

/** Public figures below this count are shown as "< 5", so that nobody can be recognised in them. */
export const SMALL_COUNT = 5;

const pct = (v: number | null) => (v === null ? '—' : `${String(v).replace('.', ',')} %`);
const days = (v: number | null) => (v === null ? '—' : `${String(v).replace('.', ',')} j ouvrables`);

export function buildReportContent(
  s: ComplaintSummary,
  q: PeriodicQuery,
  labels: ExportLabels,
  areaName: string,
): ReportContent {
  const range = periodRange(q.period);
  const publicVersion = q.version === 'public';
  const shown = (n: number) => (publicVersion && n > 0 && n < SMALL_COUNT ? `< ${SMALL_COUNT}` : n);
  const ref = (list: string, code: string) =>
    code === 'unknown' ? 'Non renseigné' : (labels.reference.get(`${list}:${code}`) ?? code);
  const table = (
    title: string,
    first: string,
    rows: Array<{ key: string; n: number }>,
    label: (k: string) => string,
  ) => ({
    title,
    header: [first, 'Plaintes'],
    rows: rows.map((r) => [label(r.key), shown(r.n)]),
    chart: true,
  });
  const count = (status: string) => s.byStatus.find((r) => r.key === status)?.n ?? 0;
  const resolved = count('closed');
  const referred = count('referred');
  const header = 'ANADEB – Projet COSO – Mécanisme de gestion des plaintes';
  const title = `Rapport ${range.kind === 'month' ? 'mensuel' : 'trimestriel'} des plaintes – ${range.label}`;
  const subtitle = `${publicVersion ? 'Version publique (données agrégées et anonymisées)' : 'Version interne'} – zone : ${areaName} – plaintes reçues du ${range.from} au ${range.to}`;
  const areaTable = {
    title: 'Par zone',
    header: ['Zone', 'Plaintes'],
    rows: s.byArea.map((a) => [a.name ?? 'Non renseigné', shown(a.n)]),
    chart: true,
  };
  const categoryTable = table('Par catégorie', 'Catégorie', s.byCategory, (k) => ref('category', k));
  const notes = [
    `Données arrêtées le ${formatDateTime(new Date(s.asOf)).replace(' ', ' à ')} (heure de Lomé).`,
    'Période : date de réception des plaintes. Délais en jours ouvrables (calendrier du Togo et jours fériés saisis).',
    s.sensitiveIncluded
      ? 'Les cas sensibles (VBG/EAS/HS) sont inclus dans les tableaux.'
      : `Cas sensibles (VBG/EAS/HS) : ${shown(s.sensitiveTotal)}, comptés à part et jamais détaillés.`,
  ];
  if (publicVersion) {
    notes.push(`Les effectifs inférieurs à ${SMALL_COUNT} sont masqués (« < ${SMALL_COUNT} »).`);
    return {
      header,
      title,
      subtitle,
      figures: [
        ['Plaintes reçues', shown(s.received)],
        ['Plaintes résolues (clôturées)', shown(resolved)],
        ['Plaintes non résolues (encore ouvertes)', shown(s.open)],
        ['Plaintes orientées vers un autre service', shown(referred)],
      ],
      tables: [categoryTable, { ...areaTable, title: 'Par région ou zone' }],
      notes,
    };
  }
  return {
    header,
    title,
    subtitle,
    figures: [
      ['Plaintes reçues', s.received],
      ['Ouvertes', s.open],
      ['Ouvertes en retard', s.overdue],
      ['Clôturées', resolved],
      ['Orientées', referred],
      ['Accusé de réception dans le délai', pct(s.acknowledgedWithinDeadline.rate)],
      ['Traitées dans le délai', pct(s.resolvedWithinDeadline.rate)],
      ["Délai médian d'accusé de réception", days(s.daysToAcknowledge.median)],
      ['Délai médian de traitement', days(s.daysToResolve.median)],
      ['Escalades / appels', `${s.escalations} / ${s.appeals}`],
      [
        'Satisfaction moyenne',
        s.satisfactionAverage === null ? '—' : `${s.satisfactionAverage} / 5 (${s.satisfactionCount} notes)`,
      ],
    ],
    tables: [
      table('Par statut', 'Statut', s.byStatus, (k) => STATUS_LABELS[k as ComplaintStatus] ?? k),
      categoryTable,
      table('Par type', 'Type', s.byType, (k) => ref('type', k)),
      table('Par canal', 'Canal', s.byChannel, (k) => ref('channel', k)),
      areaTable,
      table('Par genre', 'Genre', s.byGender, (k) => ref('gender', k)),
      table("Par tranche d'âge", "Tranche d'âge", s.byAgeGroup, (k) => ref('age_group', k)),
      table('Par groupe vulnérable', 'Groupe', s.byVulnerability, (k) => ref('vulnerability', k)),
      {
        title: 'Par mois',
        header: ['Mois', 'Reçues', 'Clôturées', 'Accusé dans le délai', 'Traitées dans le délai'],
        rows: s.trend.map((m) => [
          m.month,
          m.received,
          m.closed,
          pct(m.acknowledgedWithinDeadline.rate),
          pct(m.resolvedWithinDeadline.rate),
        ]),
      },
    ],
    notes,
  };
}
