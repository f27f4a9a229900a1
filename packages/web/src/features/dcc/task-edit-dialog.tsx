import { type AttachmentSlot, TASK_LEVELS, type TaskLevel } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { FormDialog } from '../../ui/form-dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/form-fields';
import { dccApi, type TemplateTask } from './dcc-api';
import { draftsOf, type MaterialDraft, materialProblems, materialsPatch } from './materials-edit';
import { MaterialsEditor } from './materials-editor';
import { SlotsEditor } from './slots-editor';
import { slotProblems, taskPatch } from './template-edit';

/**
 * Edits one task of a cycle's template. Name, instructions and level change only while the cycle is a draft
 * (instances exist once it is active); sharing, form, prerequisites, attachment slots and supporting material
 * change any time.
 */
export function TaskEditDialog(props: {
  task: TemplateTask;
  tasks: TemplateTask[];
  draft: boolean;
  onCancel: () => void;
  onSaved: (task: TemplateTask) => void;
}) {
  const { t } = useI18n();
  const { task, draft } = props;
  const [value, setValue] = useState<TemplateTask>(task);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showProblems, setShowProblems] = useState(false);
  const set = (patch: Partial<TemplateTask>) => setValue((v) => ({ ...v, ...patch }));
  const [materials, setMaterials] = useState<MaterialDraft[]>(() => draftsOf(task.materials));
  const problems = slotProblems(value.attachmentSlots);
  const badMaterials = materialProblems(materials);
  const others = props.tasks.filter((x) => x.id !== task.id);

  async function submit() {
    if (problems.length > 0 || badMaterials.length > 0 || (draft && !value.name.trim())) {
      setShowProblems(true);
      return;
    }
    const patch = { ...taskPatch(task, value, draft), materials: materialsPatch(task.materials, materials) };
    if (!patch.materials) delete patch.materials;
    if (Object.keys(patch).length === 0) {
      props.onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onSaved({ ...value, ...(await dccApi.updateTask(task.id, patch)) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      wide
      title={t('dcc.task.editTitle', { code: task.code })}
      submitLabel={t('common.save')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      {!draft && <p className="small text-body-secondary">{t('dcc.task.activeHelp')}</p>}
      <TextField
        id="task-name"
        label={t('dcc.task.name')}
        value={value.name}
        required
        disabled={!draft}
        onChange={(name) => set({ name })}
        maxLength={300}
        error={showProblems && draft && !value.name.trim() ? t('dcc.task.nameRequired') : undefined}
      />
      <TextAreaField
        id="task-instructions"
        label={t('dcc.task.instructions')}
        value={value.instructions ?? ''}
        disabled={!draft}
        onChange={(instructions) => set({ instructions })}
        rows={3}
      />
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="task-level"
            label={t('dcc.task.level')}
            value={value.level}
            disabled={!draft}
            onChange={(level) => set({ level: level as TaskLevel })}
            options={TASK_LEVELS.map((l) => ({ value: l, label: t(`dcc.level.${l}`) }))}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="task-form"
            label={t('dcc.task.form')}
            value={value.formId ?? ''}
            onChange={(formId) => set({ formId })}
            hint={t('dcc.task.formHint')}
            maxLength={100}
          />
        </div>
      </div>
      <CheckboxField
        id="task-shared"
        label={t('dcc.task.shared')}
        checked={value.shared}
        onChange={(shared) => set({ shared })}
        hint={t('dcc.task.sharedHint')}
        className="mb-3"
      />
      <div className="mb-3">
        <label htmlFor="task-prerequisites" className="form-label">
          {t('dcc.task.prerequisites')}
        </label>
        <select
          id="task-prerequisites"
          multiple
          size={6}
          className="form-select"
          value={value.prerequisites}
          aria-describedby="task-prerequisites-hint"
          onChange={(e) => set({ prerequisites: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {others.map((x) => (
            <option key={x.id} value={x.id}>
              {x.code} — {x.name}
            </option>
          ))}
        </select>
        <div id="task-prerequisites-hint" className="form-text">
          {t('dcc.task.prerequisitesHint')}
        </div>
      </div>
      <SlotsEditor
        slots={value.attachmentSlots}
        problems={showProblems ? problems : []}
        onChange={(attachmentSlots: AttachmentSlot[]) => set({ attachmentSlots })}
      />
      <MaterialsEditor
        materials={materials}
        problems={showProblems ? badMaterials : []}
        onChange={setMaterials}
      />
    </FormDialog>
  );
}
