import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { Option } from '../../../ui/form-fields';
import { type MisReference, misApi } from './mis-api';
import { labelOf } from './presenters';

let cached: Promise<MisReference> | null = null;

/** The MIS lists change with a release, not during a session: read once per page load (again after a failure). */
function loadReference(): Promise<MisReference> {
  cached ??= misApi.reference().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

type ListName = 'components' | 'sectors' | 'types' | 'steps' | 'contractKinds' | 'attributes';

export interface MisLists {
  ref: MisReference | null;
  error: unknown;
  /** A code's label in the UI language (both languages come with the lists). */
  label: (list: ListName, code: string | null) => string;
  options: (list: ListName, filter?: (item: { code: string; sector?: string }) => boolean) => Option[];
}

export function useMisReference(): MisLists {
  const { locale } = useI18n();
  const [ref, setRef] = useState<MisReference | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    loadReference().then(
      (r) => current && setRef(r),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, []);
  return {
    ref,
    error,
    label: (list, code) => labelOf(ref?.[list], code, locale),
    options: (list, filter) =>
      ((ref?.[list] ?? []) as { code: string; sector?: string; labels: { fr: string; en: string } }[])
        .filter((x) => !filter || filter(x))
        .map((x) => ({ value: x.code, label: x.labels[locale] })),
  };
}
