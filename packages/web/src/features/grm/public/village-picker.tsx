import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { lookup } from '../../../i18n/translate';
import { ErrorAlert } from '../../../ui/alerts';
import { SelectField } from '../../../ui/form-fields';
import { type PublicUnit, publicApi } from './api';

/**
 * Region → prefecture → commune → canton → village, one select per level, each listing the children of the
 * unit chosen above. A single country at the top is skipped (it is not a choice).
 */
export function VillagePicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (villageId: string) => void;
  error?: string | undefined;
}) {
  const { t, locale } = useI18n();
  // levels[i] = options of select i; chosen[i] = the unit picked in it.
  const [levels, setLevels] = useState<PublicUnit[][]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      let roots = await publicApi.units();
      while (roots.length === 1 && roots[0]!.level === 'country') roots = await publicApi.units(roots[0]!.id);
      if (live) setLevels([roots]);
    })().catch(setFailure);
    return () => {
      live = false;
    };
  }, []);

  async function pick(depth: number, id: string) {
    const next = [...chosen.slice(0, depth), ...(id ? [id] : [])];
    setChosen(next);
    setLevels((l) => l.slice(0, depth + 1));
    const unit = levels[depth]?.find((u) => u.id === id);
    onChange(unit?.level === 'village' ? unit.id : '');
    if (!unit || unit.level === 'village') return;
    try {
      const children = await publicApi.units(unit.id);
      if (children.length) setLevels((l) => [...l.slice(0, depth + 1), children]);
    } catch (err) {
      setFailure(err);
    }
  }

  const levelLabel = (level: string) => lookup(locale, `public.level.${level}`) ?? level;
  return (
    <div>
      <ErrorAlert error={failure} />
      {levels.map((options, depth) => {
        const level = options[0]?.level ?? 'village';
        const isLast = depth === levels.length - 1;
        return (
          <SelectField
            key={chosen[depth - 1] ?? 'root'}
            id={`public-${level}`}
            label={levelLabel(level)}
            value={chosen[depth] ?? ''}
            onChange={(id) => pick(depth, id)}
            required
            error={isLast && level === 'village' && !value ? error : undefined}
            options={[
              { value: '', label: t('public.choose') },
              ...options.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        );
      })}
    </div>
  );
}
