import type { Locale, SyncRow } from '@coso/domain';

/** The reference lists as the server names them (reference_items.list). */
export type ListName = 'type' | 'category' | 'channel' | 'age_group' | 'gender' | 'vulnerability';

export interface RefItem {
  list: ListName;
  code: string;
  labelFr: string;
  labelEn: string;
  sort: number;
  active: boolean;
  sensitive: boolean;
  outOfScope: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Pulled `reference_items` rows, read field by field (camelCase as the sync presents rows). */
export function refItems(rows: readonly SyncRow[]): RefItem[] {
  return rows.map((r) => ({
    list: text(r.list) as ListName,
    code: text(r.code),
    labelFr: text(r.labelFr) || text(r.code),
    labelEn: text(r.labelEn) || text(r.labelFr) || text(r.code),
    sort: typeof r.sort === 'number' ? r.sort : 0,
    active: r.active !== false,
    sensitive: r.sensitive === true,
    outOfScope: r.outOfScope === true,
  }));
}

export interface Reference {
  /** Active items of a list in their configured order. */
  options: (list: ListName) => RefItem[];
  item: (list: ListName, code: unknown) => RefItem | undefined;
  /** The label in the UI language; the code itself when unknown (inactive or removed item); '—' when empty. */
  label: (list: ListName, code: unknown) => string;
  itemLabel: (item: RefItem) => string;
}

export function reference(items: readonly RefItem[], locale: Locale): Reference {
  const itemLabel = (i: RefItem) => (locale === 'en' ? i.labelEn : i.labelFr);
  const item = (list: ListName, code: unknown) =>
    typeof code === 'string' ? items.find((i) => i.list === list && i.code === code) : undefined;
  return {
    options: (list) => items.filter((i) => i.list === list && i.active).sort((a, b) => a.sort - b.sort),
    item,
    label: (list, code) => {
      if (typeof code !== 'string' || !code) return '—';
      const found = item(list, code);
      return found ? itemLabel(found) : code;
    },
    itemLabel,
  };
}
