import {
  type Labelled,
  type SubprojectExportQuery,
  type SubprojectSummary,
  subprojectExportQuerySchema,
} from '@coso/domain';
import type { Db } from '../../../db/driver.js';
import type { Api } from '../../../http/types.js';
import { streamExport } from '../../../platform/exports/download.js';
import type { ExportKind, ExportSource } from '../../../platform/exports/kinds.js';
import type { TableSpec } from '../../../platform/exports/table-stream.js';
import { COSO_MIS_LISTS, type MisLists } from '../reference.js';
import { subprojectDatasetScope } from '../visibility.js';
import { summaryPages } from './queries.js';

/**
 * The sub-project list as CSV/XLSX (export kind `mis_subprojects`): the list's rows — same filters, scope
 * (the dataset audience, which grants what the API's does) and order — with codes and French labels side by
 * side, amounts as whole FCFA.
 */

interface Extra {
  cvd: string | null;
  cycle: string | null;
  latitude: number | null;
  longitude: number | null;
  direct: { men?: number; women?: number; youth?: number } | null;
}

const EXTRA = `,
  (select vg.name from village_groups vg where vg.id = s.cvd_id) as cvd,
  (select cy.name from dcc_cycles cy where cy.id = s.cycle_id) as cycle,
  s.latitude, s.longitude, s.beneficiaries->'direct' as direct`;

type Row = SubprojectSummary & Extra;

const HEADERS = [
  'Code',
  'Intitulé',
  'Zone',
  'Unité',
  'Niveau',
  'CVD',
  'Cycle',
  'Composante (code)',
  'Composante',
  'Secteur (code)',
  'Secteur',
  'Type (code)',
  'Type',
  'Statut (code)',
  'Statut',
  'Avancement physique (%)',
  'Coût estimé (FCFA)',
  'Montant dépensé (FCFA)',
  'Bénéficiaires directs hommes',
  'Bénéficiaires directs femmes',
  'Bénéficiaires directs jeunes',
  'Latitude',
  'Longitude',
  'Dernière modification',
] as const;

const LEVELS: Record<string, string> = { village: 'Village', canton: 'Canton' };

export function subprojectTable(lists: MisLists): TableSpec<Row> {
  const label = (list: readonly Labelled[]) => {
    const byCode = new Map(list.map((x) => [x.code, x.label.fr]));
    return (code: string) => byCode.get(code) ?? code;
  };
  const [component, sector, type, step] = [lists.components, lists.sectors, lists.types, lists.steps].map(
    label,
  ) as [(c: string) => string, (c: string) => string, (c: string) => string, (c: string) => string];
  return {
    sheet: 'Sous-projets',
    headers: HEADERS,
    widths: { 1: 40, 2: 40 },
    numFmts: { 16: '#,##0', 17: '#,##0' },
    cells: (r) => [
      r.code,
      r.title,
      r.areaNames.join(' / '),
      r.unit.name,
      LEVELS[r.unit.level] ?? r.unit.level,
      r.cvd,
      r.cycle,
      r.component,
      component(r.component),
      r.sector,
      sector(r.sector),
      r.type,
      type(r.type),
      r.status,
      step(r.status),
      r.progressPercent,
      r.estimatedCost,
      r.amountSpent,
      r.direct?.men ?? null,
      r.direct?.women ?? null,
      r.direct?.youth ?? null,
      r.latitude,
      r.longitude,
      r.updatedAt instanceof Date ? r.updatedAt : new Date(r.updatedAt),
    ],
  };
}

export const SUBPROJECT_EXPORT: ExportKind<SubprojectExportQuery> = {
  name: 'mis_subprojects',
  permission: 'mis.read',
  filters: subprojectExportQuerySchema,
  entity: 'mis_subproject_export',
  file: 'sous-projets',
  async open(db, actor, filters) {
    const pages = summaryPages<Extra>(db, subprojectDatasetScope(actor), filters, EXTRA);
    return { table: subprojectTable(COSO_MIS_LISTS), pages } as unknown as ExportSource;
  },
};

/** `GET /api/v1/exports/mis-subprojects.csv|.xlsx`: the stream (background jobs: kind mis_subprojects). */
export function subprojectExportRoutes(app: Api, { db }: { db: Db }) {
  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/api/v1/exports/mis-subprojects.${format}`,
      {
        schema: {
          tags: ['exports', 'mis'],
          summary: `The sub-project list as ${format.toUpperCase()}, with the list's filters and scope (streamed)`,
          querystring: subprojectExportQuerySchema,
        },
      },
      streamExport(db, SUBPROJECT_EXPORT.name, format),
    );
}
