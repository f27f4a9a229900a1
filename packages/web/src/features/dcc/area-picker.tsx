import { useI18n } from '../../i18n/i18n-context';
import { Chip, ChipList, SearchPicker } from '../../ui/search-picker';
import { type PlacedUnit, placeLabel, searchUnits } from '../geo/unit-context';
import { useGeoLevels } from '../geo/use-geo-levels';

/** Chooses several geographic units of any level (a cycle's areas: regions, prefectures, communes, cantons). */
export function AreaPicker(props: {
  id: string;
  label: string;
  value: PlacedUnit[];
  onChange: (value: PlacedUnit[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** Only units of this level (villages when assigning a facilitator). */
  level?: string;
}) {
  const { t } = useI18n();
  const { levelLabel } = useGeoLevels();
  const { value, onChange, level } = props;
  return (
    <SearchPicker<PlacedUnit>
      id={props.id}
      label={props.label}
      search={(q) => searchUnits(q, { level, mine: true })}
      itemKey={(u) => u.id}
      renderItem={(u) => (
        <>
          <span className="fw-semibold">{u.name}</span>
          {u.context && <span className="text-secondary"> — {u.context}</span>}
          <span className="text-secondary small"> · {levelLabel(u.level)}</span>
        </>
      )}
      onPick={(u) => onChange([...value, u])}
      exclude={new Set(value.map((u) => u.id))}
      chosen={
        value.length > 0 && (
          <ChipList label={t('picker.current')}>
            {value.map((u) => (
              <Chip
                key={u.id}
                label={`${placeLabel(u)} (${levelLabel(u.level).toLocaleLowerCase()})`}
                removeLabel={t('picker.remove', { name: u.name })}
                onRemove={() => onChange(value.filter((x) => x.id !== u.id))}
              />
            ))}
          </ChipList>
        )
      }
      error={props.error}
      hint={props.hint}
      required
    />
  );
}
