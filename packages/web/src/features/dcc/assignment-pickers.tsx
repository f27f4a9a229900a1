import { listVillageGroups } from '../../api/geo';
import { useI18n } from '../../i18n/i18n-context';
import { Chip, ChipList, SearchPicker } from '../../ui/search-picker';
import { searchUnits } from '../geo/unit-context';
import { dccApi } from './dcc-api';

/** A village or a CVD (village development committee) a facilitator can be given. */
export interface AssignableUnit {
  id: string;
  name: string;
  kind: 'village' | 'cvd';
  context: string;
}

async function searchAssignable(q: string): Promise<AssignableUnit[]> {
  const [villages, cvds] = await Promise.all([
    searchUnits(q, { level: 'village', mine: true }),
    listVillageGroups({ kind: 'cvd', q }).then((p) => p.items),
  ]);
  return [
    ...cvds.slice(0, 5).map((g) => ({ id: g.id, name: g.name, kind: 'cvd' as const, context: g.cantonName })),
    ...villages.map((v) => ({ id: v.id, name: v.name, kind: 'village' as const, context: v.context })),
  ];
}

/** Villages and CVDs (a CVD stands for all its villages), chosen by name. */
export function AssignableUnitsPicker(props: {
  value: AssignableUnit[];
  onChange: (value: AssignableUnit[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  const kind = (u: AssignableUnit) => (u.kind === 'cvd' ? t('dcc.assign.cvd') : t('dcc.assign.village'));
  return (
    <SearchPicker<AssignableUnit>
      id="assign-units"
      label={t('dcc.assign.units')}
      search={searchAssignable}
      itemKey={(u) => u.id}
      renderItem={(u) => (
        <>
          <span className="fw-semibold">{u.name}</span>
          {u.context && <span className="text-secondary"> — {u.context}</span>}
          <span className="text-secondary small"> · {kind(u)}</span>
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
                label={`${u.name} (${kind(u).toLocaleLowerCase()})`}
                removeLabel={t('picker.remove', { name: u.name })}
                onRemove={() => onChange(value.filter((x) => x.id !== u.id))}
              />
            ))}
          </ChipList>
        )
      }
      error={props.error}
      hint={t('dcc.assign.unitsHint')}
      required
    />
  );
}

export interface FacilitatorRef {
  id: string;
  displayName: string;
}

/** One active facilitator, found by name or username. */
export function FacilitatorPicker(props: {
  value: FacilitatorRef | null;
  onChange: (value: FacilitatorRef | null) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  return (
    <SearchPicker<FacilitatorRef & { username: string }>
      id="assign-facilitator"
      label={t('dcc.assign.facilitator')}
      search={dccApi.facilitators}
      itemKey={(u) => u.id}
      renderItem={(u) => (
        <>
          <span className="fw-semibold">{u.displayName}</span>{' '}
          <span className="text-secondary small">· {u.username}</span>
        </>
      )}
      onPick={(u) => onChange({ id: u.id, displayName: u.displayName })}
      exclude={value ? new Set([value.id]) : undefined}
      chosen={
        value && (
          <ChipList label={t('picker.current')}>
            <Chip
              label={value.displayName}
              removeLabel={t('picker.remove', { name: value.displayName })}
              onRemove={() => onChange(null)}
            />
          </ChipList>
        )
      }
      error={props.error}
      required
    />
  );
}
