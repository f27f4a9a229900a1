import { useState } from 'react';
import {
  type Committee,
  createRoutingRule,
  type RoutingRule,
  type RoutingRuleBody,
  updateRoutingRule,
} from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { CheckboxField, SelectField, TextField } from '../../../ui/form-fields';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { useReference } from '../complaints/use-reference';
import { UserPicker, type UserRef } from './user-picker';

interface Props {
  rule: RoutingRule | null;
  committees: Committee[];
  onSaved: () => void;
  onClose: () => void;
}

/** Adds or edits a routing rule: category × area → handling level, committee, optional named person. */
export function RoutingRuleDialog({ rule, committees, onSaved, onClose }: Props) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const { levels, levelLabel } = useGeoLevels();
  const [category, setCategory] = useState(rule?.category ?? '');
  const [area, setArea] = useState<PlacedUnit | null>(
    rule?.area ? { ...rule.area, parentId: null, context: '' } : null,
  );
  const [level, setLevel] = useState(rule?.handlingLevel ?? '');
  const [committeeId, setCommitteeId] = useState(rule?.committee?.id ?? '');
  const [assignee, setAssignee] = useState<UserRef[]>(
    rule?.assignee ? [{ id: rule.assignee.id, displayName: rule.assignee.displayName ?? '' }] : [],
  );
  const [priority, setPriority] = useState(String(rule?.priority ?? 0));
  const [active, setActive] = useState(rule?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: FieldErrors = {};
    if (!level) found.handlingLevel = t('validation.required');
    const p = Number(priority || '0');
    if (!Number.isInteger(p) || p < -1000 || p > 1000) found.priority = t('validation.invalidValue');
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: RoutingRuleBody = {
      category: category || null,
      areaId: area?.id ?? null,
      handlingLevel: level,
      committeeId: committeeId || null,
      assigneeId: assignee[0]?.id ?? null,
      priority: p,
      active,
    };
    setBusy(true);
    setError(null);
    try {
      if (rule) await updateRoutingRule(rule.id, body);
      else await createRoutingRule(body);
      onSaved();
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      wide
      title={rule ? t('grm.rules.editTitle') : t('grm.rules.new')}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="rule-category"
            label={t('grm.rules.category')}
            value={category}
            onChange={setCategory}
            options={[{ value: '', label: t('grm.rules.anyCategory') }, ...reference.options('categories')]}
            error={errors.category}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="rule-level"
            label={t('grm.rules.level')}
            value={level}
            onChange={setLevel}
            options={[
              { value: '', label: t('intake.choose') },
              ...levels.map((l) => ({ value: l.code, label: levelLabel(l.code) })),
            ]}
            error={errors.handlingLevel}
            required
          />
        </div>
      </div>
      <UnitPicker
        id="rule-area"
        label={t('grm.rules.area')}
        value={area}
        onChange={setArea}
        error={errors.areaId}
        hint={t('grm.rules.areaHint')}
      />
      <SelectField
        id="rule-committee"
        label={t('grm.rules.committee')}
        value={committeeId}
        onChange={setCommitteeId}
        options={[
          { value: '', label: t('grm.rules.noCommittee') },
          ...committees
            .filter((c) => c.active || c.id === committeeId)
            .map((c) => ({ value: c.id, label: `${c.name} (${c.unit.name})` })),
        ]}
        error={errors.committeeId}
      />
      <UserPicker
        id="rule-assignee"
        label={t('grm.rules.assignee')}
        value={assignee}
        onChange={setAssignee}
        single
        error={errors.assigneeId}
        hint={t('grm.rules.assigneeHint')}
      />
      <div className="row align-items-end">
        <div className="col-md-6">
          <TextField
            id="rule-priority"
            type="number"
            label={t('grm.rules.priority')}
            value={priority}
            onChange={setPriority}
            error={errors.priority}
            hint={t('grm.rules.priorityHint')}
          />
        </div>
        <div className="col-md-6">
          <CheckboxField
            id="rule-active"
            label={t('grm.ref.active')}
            checked={active}
            onChange={setActive}
            className="mb-3"
          />
        </div>
      </div>
    </FormDialog>
  );
}
