import { useCallback, useEffect, useState } from 'react';
import type { ReferenceItem, ReferenceLists } from '../../../api/complaint-types';
import { getReference } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import type { Option } from '../../../ui/form-fields';

let cached: Promise<ReferenceLists> | null = null;

/** Reference lists change rarely: loaded once per page load, again after an administrator edits them. */
function loadReference(): Promise<ReferenceLists> {
  cached ??= getReference(true).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

export function invalidateReference(): void {
  cached = null;
}

export type ListKey = keyof ReferenceLists;

export interface Reference {
  lists: ReferenceLists | null;
  error: unknown;
  /** The label of a code in the UI language; the code itself when unknown (an inactive or removed item). */
  label: (list: ListKey, code: string | null | undefined) => string;
  item: (list: ListKey, code: string | null | undefined) => ReferenceItem | undefined;
  /** Active items, in their configured order, as select options. */
  options: (list: ListKey) => Option[];
}

export function useReference(): Reference {
  const { locale } = useI18n();
  const [lists, setLists] = useState<ReferenceLists | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    loadReference().then(
      (l) => {
        if (current) setLists(l);
      },
      (err: unknown) => {
        if (current) setError(err);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const item = useCallback(
    (list: ListKey, code: string | null | undefined) =>
      code ? lists?.[list].find((i) => i.code === code) : undefined,
    [lists],
  );
  const text = useCallback((i: ReferenceItem) => (locale === 'en' ? i.labelEn : i.labelFr), [locale]);
  const label = useCallback(
    (list: ListKey, code: string | null | undefined) => {
      if (!code) return '—';
      const found = item(list, code);
      return found ? text(found) : code;
    },
    [item, text],
  );
  const options = useCallback(
    (list: ListKey) =>
      [...(lists?.[list] ?? [])]
        .filter((i) => i.active)
        .sort((a, b) => a.sort - b.sort)
        .map((i) => ({ value: i.code, label: text(i) })),
    [lists, text],
  );
  return { lists, error, label, item, options };
}
