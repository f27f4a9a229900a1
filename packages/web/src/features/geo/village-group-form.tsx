import { VILLAGE_GROUP_KINDS, type VillageGroupKind, villageGroupSchema } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import type { GeoUnitSummary, VillageGroup, VillageGroupBody } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../ui/errors';
import { CheckboxField, FieldSet, SelectField, TextField } from '../../ui/form-fields';

interface VillageGroupFormProps {
  cantonId: string;
  /** The canton's villages: the only ones a group may contain. */
  villages: GeoUnitSummary[];
  group?: VillageGroup;
  /** The canton's other groups, to show which villages are already taken by a group of the same kind. */
  groups: VillageGroup[];
  onSubmit: (body: VillageGroupBody) => Promise<void>;
  onCancel?: () => void;
}

/** A CVD or geographical unit: villages of one canton, one of them its headquarters. */
export function VillageGroupForm(props: VillageGroupFormProps) {
  const { cantonId, villages, group, groups, onSubmit, onCancel } = props;
  const { locale, t } = useI18n();
  const prefix = group ? `group-${group.id}` : 'group-new';
  const [kind, setKind] = useState<VillageGroupKind>(group?.kind ?? 'cvd');
  const [code, setCode] = useState(group?.code ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [villageIds, setVillageIds] = useState<string[]>(group?.villages.map((v) => v.id) ?? []);
  const [hq, setHq] = useState(group?.headquartersVillageId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const selected = villages.filter((v) => villageIds.includes(v.id));
  const takenBy = new Map<string, string>();
  for (const g of groups) {
    if (g.kind !== kind || g.id === group?.id) continue;
    for (const v of g.villages) takenBy.set(v.id, g.name);
  }

  function toggle(id: string, on: boolean) {
    const next = on ? [...villageIds, id] : villageIds.filter((v) => v !== id);
    setVillageIds(next);
    // The headquarters must stay one of the group's villages.
    if (!on && hq === id) setHq('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const checked = validateWith(
      villageGroupSchema,
      { kind, code, name, cantonId, headquartersVillageId: hq || null, villageIds },
      locale,
      t,
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(checked.data);
      if (!group) {
        setCode('');
        setName('');
        setVillageIds([]);
        setHq('');
      }
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <div className="row">
        <div className="col-md-4">
          <SelectField
            id={`${prefix}-kind`}
            label={t('groups.kind')}
            value={kind}
            onChange={(v) => setKind(v as VillageGroupKind)}
            options={VILLAGE_GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
            error={errors.kind}
          />
        </div>
        <div className="col-md-3">
          <TextField
            id={`${prefix}-code`}
            label={t('geo.code')}
            value={code}
            onChange={setCode}
            error={errors.code}
            required
          />
        </div>
        <div className="col-md-5">
          <TextField
            id={`${prefix}-name`}
            label={t('geo.name')}
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
        </div>
      </div>
      <FieldSet id={`${prefix}-villageIds`} legend={t('groups.villages')} error={errors.villageIds}>
        {villages.length === 0 && <p className="text-secondary small mb-1">{t('groups.noVillages')}</p>}
        <div className="row">
          {villages.map((v) => (
            <div key={v.id} className="col-sm-6 col-lg-4">
              <CheckboxField
                id={`${prefix}-village-${v.id}`}
                label={
                  takenBy.has(v.id)
                    ? t('groups.villageIn', { village: v.name, group: takenBy.get(v.id) ?? '' })
                    : v.name
                }
                checked={villageIds.includes(v.id)}
                onChange={(on) => toggle(v.id, on)}
                className="mb-1"
              />
            </div>
          ))}
        </div>
      </FieldSet>
      <SelectField
        id={`${prefix}-headquarters`}
        label={t('groups.headquarters')}
        value={hq}
        onChange={setHq}
        options={[
          {
            value: '',
            label: selected.length ? t('groups.noHeadquarters') : t('groups.chooseVillagesFirst'),
          },
          ...selected.map((v) => ({ value: v.id, label: v.name })),
        ]}
        error={errors.headquartersVillageId}
        disabled={selected.length === 0}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {group ? t('common.save') : t('groups.create')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
