import { useCallback, useEffect, useState } from 'react';
import { listGeoLevels } from '../../api/geo';
import type { GeoLevel, GeoRef } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { lookup } from '../../i18n/translate';

let cached: Promise<GeoLevel[]> | null = null;

function loadLevels(): Promise<GeoLevel[]> {
  cached ??= listGeoLevels().then(
    (r) => [...r.items].sort((a, b) => a.rank - b.rank),
    (err: unknown) => {
      cached = null;
      throw err;
    },
  );
  return cached;
}

export interface GeoLevels {
  levels: GeoLevel[];
  /** The level's name in the UI language ("Région"); falls back to built-in names, then the code. */
  levelLabel: (code: string) => string;
  /** "Kara (région)": how a unit is shown in chips and lists. */
  refLabel: (ref: Pick<GeoRef, 'name' | 'level'>) => string;
  /** The level directly below `code`, if any. */
  childLevel: (code: string) => GeoLevel | undefined;
}

/** Geographic levels are data (another country's tree fits), loaded once per page load. */
export function useGeoLevels(): GeoLevels {
  const { locale } = useI18n();
  const [levels, setLevels] = useState<GeoLevel[]>([]);

  useEffect(() => {
    let current = true;
    loadLevels().then(
      (l) => {
        if (current) setLevels(l);
      },
      () => {
        // Labels fall back to built-in names; the pages that need levels show their own errors.
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const levelLabel = useCallback(
    (code: string) => {
      const level = levels.find((l) => l.code === code);
      if (level) return locale === 'fr' ? level.labelFr : level.labelEn;
      return lookup(locale, `geo.level.${code}`) ?? code;
    },
    [levels, locale],
  );

  const refLabel = useCallback(
    (ref: Pick<GeoRef, 'name' | 'level'>) =>
      `${ref.name} (${levelLabel(ref.level).toLocaleLowerCase(locale)})`,
    [levelLabel, locale],
  );

  const childLevel = useCallback(
    (code: string) => {
      const index = levels.findIndex((l) => l.code === code);
      return index >= 0 ? levels[index + 1] : undefined;
    },
    [levels],
  );

  return { levels, levelLabel, refLabel, childLevel };
}
