import type { AttachmentSlot } from '@coso/domain';
import { useI18n } from '../../i18n/i18n-context';
import { type SlotProblem, slotKey } from './template-edit';

const KINDS: AttachmentSlot['kind'][] = ['photo', 'document', 'audio', 'any'];

/** The attachment slots of a task as editable rows (label, kind, required), with add and remove. */
export function SlotsEditor(props: {
  slots: AttachmentSlot[];
  problems: SlotProblem[];
  onChange: (slots: AttachmentSlot[]) => void;
}) {
  const { t } = useI18n();
  const { slots, onChange } = props;
  const update = (index: number, patch: Partial<AttachmentSlot>) =>
    onChange(slots.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const problemOf = (index: number, field: 'key' | 'label') =>
    props.problems.find((p) => p.index === index && p.field === field);

  return (
    <fieldset className="mb-2">
      <legend className="form-label fs-6">{t('dcc.task.slots')}</legend>
      {slots.length === 0 && <p className="small text-body-secondary">{t('dcc.task.noSlots')}</p>}
      {slots.map((slot, index) => {
        const keyProblem = problemOf(index, 'key');
        const labelProblem = problemOf(index, 'label');
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
          <div key={index} className="row g-2 align-items-start mb-2">
            <div className="col-md-5">
              <label htmlFor={`slot-label-${index}`} className="visually-hidden">
                {t('dcc.slot.labelN', { n })}
              </label>
              <input
                id={`slot-label-${index}`}
                className={`form-control form-control-sm${labelProblem ? ' is-invalid' : ''}`}
                value={slot.label}
                placeholder={t('dcc.slot.label')}
                maxLength={200}
                onChange={(e) => update(index, { label: e.target.value })}
              />
              {labelProblem && <div className="invalid-feedback">{t('dcc.slot.labelRequired')}</div>}
            </div>
            <div className="col-md-3">
              <label htmlFor={`slot-key-${index}`} className="visually-hidden">
                {t('dcc.slot.keyN', { n })}
              </label>
              <input
                id={`slot-key-${index}`}
                className={`form-control form-control-sm font-monospace${keyProblem ? ' is-invalid' : ''}`}
                value={slot.key}
                maxLength={60}
                onChange={(e) => update(index, { key: e.target.value })}
              />
              {keyProblem && (
                <div className="invalid-feedback">
                  {keyProblem.problem === 'duplicate' ? t('dcc.slot.keyDuplicate') : t('dcc.slot.keyInvalid')}
                </div>
              )}
            </div>
            <div className="col-md-2">
              <label htmlFor={`slot-kind-${index}`} className="visually-hidden">
                {t('dcc.slot.kindN', { n })}
              </label>
              <select
                id={`slot-kind-${index}`}
                className="form-select form-select-sm"
                value={slot.kind}
                onChange={(e) => update(index, { kind: e.target.value as AttachmentSlot['kind'] })}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`dcc.slot.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-md-2 d-flex gap-2 align-items-center">
              <div className="form-check mb-0">
                <input
                  id={`slot-required-${index}`}
                  type="checkbox"
                  className="form-check-input"
                  checked={slot.required}
                  onChange={(e) => update(index, { required: e.target.checked })}
                />
                <label htmlFor={`slot-required-${index}`} className="form-check-label small">
                  {t('dcc.slot.required')}
                </label>
              </div>
              <button
                type="button"
                className="btn btn-sm btn-outline-danger"
                aria-label={t('dcc.slot.removeN', { n, label: slot.label })}
                onClick={() => onChange(slots.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-sm btn-outline-secondary"
        onClick={() => {
          const label = t('dcc.slot.newLabel');
          onChange([
            ...slots,
            { key: `${slotKey(label)}_${slots.length + 1}`, label, required: false, kind: 'photo' },
          ]);
        }}
      >
        {t('dcc.slot.add')}
      </button>
    </fieldset>
  );
}
