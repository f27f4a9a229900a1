import { useState } from 'react';
import { type Committee, type CommitteeKind, createCommittee, updateCommittee } from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { CheckboxField, SelectField, TextField } from '../../../ui/form-fields';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { UserPicker, type UserRef } from './user-picker';

export const COMMITTEE_KINDS: readonly CommitteeKind[] = ['committee', 'department'];

interface Props {
  committee: Committee | null;
  onSaved: (committee: Committee) => void;
  onClose: () => void;
}

/** Creates a committee (or a department) at a unit, or edits its code, name, members and activity. */
export function CommitteeDialog({ committee, onSaved, onClose }: Props) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState(committee?.code ?? '');
  const [name, setName] = useState(committee?.name ?? '');
  const [kind, setKind] = useState<CommitteeKind>(committee?.kind ?? 'committee');
  const [unit, setUnit] = useState<PlacedUnit | null>(
    committee ? { ...committee.unit, parentId: null, context: '' } : null,
  );
  const [members, setMembers] = useState<UserRef[]>(committee?.members ?? []);
  const [active, setActive] = useState(committee?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: FieldErrors = {};
    if (!code.trim()) found.code = t('validation.required');
    if (!name.trim()) found.name = t('validation.required');
    if (!committee && !unit) found.unitId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    const memberIds = members.map((m) => m.id);
    try {
      onSaved(
        committee
          ? await updateCommittee(committee.id, { code: code.trim(), name: name.trim(), memberIds, active })
          : await createCommittee({
              code: code.trim(),
              name: name.trim(),
              kind,
              unitId: unit!.id,
              memberIds,
            }),
      );
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
      title={committee ? t('grm.committees.editTitle', { name: committee.name }) : t('grm.committees.new')}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <div className="row">
        <div className="col-md-4">
          <TextField
            id="committee-code"
            label={t('grm.committees.code')}
            value={code}
            onChange={setCode}
            error={errors.code}
            required
          />
        </div>
        <div className="col-md-8">
          <TextField
            id="committee-name"
            label={t('grm.committees.name')}
            value={name}
            onChange={setName}
            error={errors.name}
            required
          />
        </div>
      </div>
      {committee ? (
        <p>
          <strong>{t('grm.committees.kind')} :</strong> {t(`committeeKind.${committee.kind}`)} ·{' '}
          <strong>{t('grm.committees.unit')} :</strong> {committee.unit.name}
        </p>
      ) : (
        <>
          <SelectField
            id="committee-kind"
            label={t('grm.committees.kind')}
            value={kind}
            onChange={(v) => setKind(v as CommitteeKind)}
            options={COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`committeeKind.${k}`) }))}
          />
          <UnitPicker
            id="committee-unit"
            label={t('grm.committees.unit')}
            value={unit}
            onChange={setUnit}
            error={errors.unitId}
            required
          />
        </>
      )}
      <UserPicker
        id="committee-members"
        label={t('grm.committees.members')}
        value={members}
        onChange={setMembers}
        error={errors.memberIds}
      />
      {committee && (
        <CheckboxField
          id="committee-active"
          label={t('grm.ref.active')}
          checked={active}
          onChange={setActive}
        />
      )}
    </FormDialog>
  );
}
