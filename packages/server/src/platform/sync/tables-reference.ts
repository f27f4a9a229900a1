import type { SyncRow } from '@coso/domain';
import type { SyncContribution } from './registry.js';
import type { SyncSource } from './tables.js';

const asRow = (row: Record<string, unknown>) => row as SyncRow;

export const REFERENCE_TABLES: SyncSource[] = [
  {
    // Every list item, active or not (an old case still names an inactive category), with both labels.
    name: 'reference_items',
    table: 'reference_items',
    alias: 'ri',
    from: 'reference_items ri',
    visible: 'true',
    columns: `ri.list || ':' || ri.code as id, ri.list, ri.code, ri.label_fr as "labelFr",
      ri.label_en as "labelEn", ri.sort, ri.active, ri.sensitive, ri.requires_minutes as "requiresMinutes",
      ri.out_of_scope as "outOfScope"`,
    id: { sql: `(ri.list || ':' || ri.code)`, type: 'text' },
    visibleBefore: 'true',
    present: asRow,
  },
  {
    // The user's jurisdiction subtrees (the villages the intake wizard offers) and the units above them.
    name: 'geo_units',
    table: 'geo_units',
    alias: 'g',
    from: 'geo_units g',
    visible: '(g.path like any(:prefixes::text[]) or g.id = any(:ancestors::uuid[]))',
    columns: `g.id, g.code, g.name, g.alt_names as "altNames", g.level, g.parent_id as "parentId", g.path,
      g.border, g.rural, g.latitude, g.longitude`,
    id: { sql: 'g.id', type: 'uuid' },
    visibleBefore: '(r.old_area_path like any(:prefixes::text[]) or r.row_id = any(:ancestors::text[]))',
    present: asRow,
  },
];

/** The platform's part of the sync registry: reference lists and places, no mutation types. */
export const PLATFORM_SYNC: SyncContribution = { sources: REFERENCE_TABLES };
