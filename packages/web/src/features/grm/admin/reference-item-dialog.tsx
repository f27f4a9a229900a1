import { useState } from 'react';
import type { ReferenceItem, ReferenceItemBody, ReferenceListName } from '../../../api/complaint-types';
import { saveReferenceItem } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { apiFieldErrors, type FieldErrors } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { CheckboxField, TextField } from '../../../ui/form-fields';

const CODE = /^[a-z0-9_]{1,40}$/;

interface Props {
  list: ReferenceListName;
  listLabel: string;
  /** null: a new item. */
  item: ReferenceItem | null;
  existingCodes: ReadonlySet<string>;
  onSaved: (item: ReferenceItem) => void;
  onClose: () => void;
}

/** Creates or edits one item of a reference list (PUT is an upsert by code). */
export function ReferenceItemDialog({ list, listLabel, item, existingCodes, onSaved, onClose }: Props) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState(item?.code ?? '');
  const [body, setBody] = useState<ReferenceItemBody>({
    labelFr: item?.labelFr ?? '',
    labelEn: item?.labelEn ?? '',
    sort: item?.sort ?? 0,
    active: item?.active ?? true,
    sensitive: item?.sensitive ?? false,
    requiresMinutes: item?.requiresMinutes ?? false,
    outOfScope: item?.outOfScope ?? false,
  });
  const [sort, setSort] = useState(String(item?.sort ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ReferenceItemBody>(k: K, v: ReferenceItemBody[K]) =>
    setBody((b) => ({ ...b, [k]: v }));

  async function submit() {
    const found: FieldErrors = {};
    if (!item && !CODE.test(code)) found.code = t('grm.ref.codeInvalid');
    else if (!item && existingCodes.has(code)) found.code = t('error.code_taken');
    if (!body.labelFr.trim()) found.labelFr = t('validation.required');
    if (!body.labelEn.trim()) found.labelEn = t('validation.required');
    const order = sort.trim() === '' ? 0 : Number(sort);
    if (!Number.isInteger(order) || order < 0 || order > 10_000) found.sort = t('grm.ref.sortInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveReferenceItem(list, code, { ...body, sort: order }));
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
      title={item ? t('grm.ref.editTitle', { code: item.code }) : t('grm.ref.newTitle', { list: listLabel })}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onClose}
    >
      <TextField
        id="ref-code"
        label={t('grm.ref.code')}
        value={code}
        onChange={setCode}
        error={errors.code}
        hint={item ? undefined : t('grm.ref.codeHint')}
        disabled={item !== null}
        autoComplete="off"
        required={!item}
      />
      <TextField
        id="ref-label-fr"
        label={t('grm.ref.labelFr')}
        value={body.labelFr}
        onChange={(v) => set('labelFr', v)}
        error={errors.labelFr}
        required
      />
      <TextField
        id="ref-label-en"
        label={t('grm.ref.labelEn')}
        value={body.labelEn}
        onChange={(v) => set('labelEn', v)}
        error={errors.labelEn}
        required
      />
      <TextField
        id="ref-sort"
        type="number"
        label={t('grm.ref.sort')}
        value={sort}
        onChange={setSort}
        error={errors.sort}
        inputMode="numeric"
      />
      <CheckboxField
        id="ref-active"
        label={t('grm.ref.active')}
        checked={body.active}
        onChange={(v) => set('active', v)}
      />
      {list === 'category' && (
        <>
          <CheckboxField
            id="ref-sensitive"
            label={t('grm.ref.sensitive')}
            hint={t('grm.ref.sensitiveHint')}
            checked={body.sensitive}
            onChange={(v) => set('sensitive', v)}
          />
          <CheckboxField
            id="ref-minutes"
            label={t('grm.ref.requiresMinutes')}
            checked={body.requiresMinutes}
            onChange={(v) => set('requiresMinutes', v)}
          />
          <CheckboxField
            id="ref-out-of-scope"
            label={t('grm.ref.outOfScope')}
            checked={body.outOfScope}
            onChange={(v) => set('outOfScope', v)}
          />
        </>
      )}
    </FormDialog>
  );
}
