import { useI18n } from '../../i18n/i18n-context';
import { Chip, ChipList, SearchPicker } from '../../ui/search-picker';
import { type PlacedUnit, placeLabel, searchUnits } from './unit-context';
import { useGeoLevels } from './use-geo-levels';

interface UnitPickerProps {
  id: string;
  label: string;
  value: PlacedUnit | null;
  onChange: (value: PlacedUnit | null) => void;
  /** Only units of this level (villages for a complaint). */
  level?: string;
  /** Only units inside the user's jurisdiction, offered as soon as the box gets the focus. */
  mine?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  placeholder?: string;
  className?: string;
}

/** Chooses one geographic unit, shown with where it is ("Hézoudè — Lama, Kozah 1"). */
export function UnitPicker(props: UnitPickerProps) {
  const { t } = useI18n();
  const { levelLabel } = useGeoLevels();
  const { value, onChange, level, mine } = props;
  const show = (u: PlacedUnit) =>
    level ? placeLabel(u) : `${placeLabel(u)} (${levelLabel(u.level).toLocaleLowerCase()})`;
  return (
    <SearchPicker<PlacedUnit>
      id={props.id}
      label={props.label}
      search={(q) => searchUnits(q, { level, mine })}
      suggestEmpty={mine}
      itemKey={(u) => u.id}
      renderItem={(u) => (
        <>
          <span className="fw-semibold">{u.name}</span>
          {u.context && <span className="text-secondary"> — {u.context}</span>}
          {!level && <span className="text-secondary small"> · {levelLabel(u.level)}</span>}
        </>
      )}
      onPick={onChange}
      exclude={value ? new Set([value.id]) : undefined}
      chosen={
        value && (
          <ChipList label={t('picker.current')}>
            <Chip
              label={show(value)}
              removeLabel={t('picker.remove', { name: value.name })}
              onRemove={() => onChange(null)}
            />
          </ChipList>
        )
      }
      placeholder={props.placeholder ?? (value ? t('picker.change') : undefined)}
      error={props.error}
      hint={props.hint}
      required={props.required}
      className={props.className}
    />
  );
}
