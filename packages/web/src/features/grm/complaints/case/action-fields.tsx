import type { ComplaintActionName } from '@coso/domain';
import type { Attachment, Complaint } from '../../../../api/complaint-types';
import { useI18n } from '../../../../i18n/i18n-context';
import type { FieldErrors } from '../../../../ui/errors';
import { CheckboxField, FieldSet, SelectField, TextAreaField, TextField } from '../../../../ui/form-fields';
import { ReassignAssigneeField } from './reassign-fields';
import { RecategoriseFields, type RecategoriseValues } from './recategorise-fields';

export const ANSWERS = ['accepted', 'rejected', 'no_response'] as const;

/** Every field any action may need; each action reads its own. */
export interface ActionValues extends RecategoriseValues {
  note: string;
  reason: string;
  referralBody: string;
  resolution: string;
  minutesAttachmentId: string;
  answer: '' | (typeof ANSWERS)[number];
  appeal: boolean;
  comment: string;
  satisfaction: string;
  assigneeId: string;
}

export const EMPTY_ACTION: ActionValues = {
  note: '',
  reason: '',
  referralBody: '',
  resolution: '',
  minutesAttachmentId: '',
  answer: '',
  appeal: false,
  comment: '',
  satisfaction: '',
  assigneeId: '',
  category: '',
  type: '',
  sensitive: false,
};

const opt = (s: string) => s.trim() || undefined;

/** The action's body for complaintActionSchema (the domain decides what is required). */
export function actionBody(action: ComplaintActionName, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'acknowledge':
    case 'start':
    case 'take_over':
      return { action, note: opt(v.note) };
    case 'reject_ineligible':
      return { action, reason: v.reason, referralBody: opt(v.referralBody) };
    case 'propose_resolution':
      return { action, resolution: v.resolution, minutesAttachmentId: opt(v.minutesAttachmentId) };
    case 'record_answer':
      return {
        action,
        answer: v.answer || undefined,
        appeal: v.answer === 'rejected' && v.appeal,
        comment: opt(v.comment),
        satisfaction: v.satisfaction ? Number(v.satisfaction) : undefined,
      };
    case 'reassign':
      return { action, assigneeId: v.assigneeId, reason: v.reason };
    case 'recategorise':
      return { action, category: v.category, type: v.type, sensitive: v.sensitive, reason: v.reason };
    case 'refer':
      return { action, referralBody: v.referralBody, reason: v.reason };
    case 'comment':
      return { action, text: v.comment };
    default:
      return { action, reason: v.reason };
  }
}

interface FieldsProps {
  action: ComplaintActionName;
  complaint: Complaint;
  attachments: Attachment[];
  requiresMinutes: boolean;
  values: ActionValues;
  set: <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => void;
  errors: FieldErrors;
  /** The form cannot be confirmed as it stands (reassign with nobody to choose). */
  onBlocked?: (blocked: boolean) => void;
  /** Opens another action's form instead (reassign → take over). */
  onSwitchAction?: (action: ComplaintActionName) => void;
}

/** The fields of one action's form. */
export function ActionFields(props: FieldsProps) {
  const { t } = useI18n();
  const { action, values: v, set, errors } = props;
  const reason = (
    <TextAreaField
      id="action-reason"
      label={t('actionForm.reason')}
      value={v.reason}
      onChange={(x) => set('reason', x)}
      error={errors.reason}
    />
  );
  switch (action) {
    case 'acknowledge':
    case 'start':
    case 'take_over':
      return (
        <TextAreaField
          id="action-note"
          label={t('actionForm.note')}
          value={v.note}
          onChange={(x) => set('note', x)}
          error={errors.note}
        />
      );
    case 'reject_ineligible':
    case 'refer':
      return (
        <>
          {reason}
          <TextField
            id="action-referral"
            label={t(action === 'refer' ? 'actionForm.referralBody' : 'actionForm.referralBodyOptional')}
            value={v.referralBody}
            onChange={(x) => set('referralBody', x)}
            error={errors.referralBody}
            required={action === 'refer'}
          />
        </>
      );
    case 'propose_resolution':
      return <ResolutionFields {...props} />;
    case 'record_answer':
      return <AnswerFields {...props} />;
    case 'reassign':
      return (
        <>
          <ReassignAssigneeField
            complaint={props.complaint}
            assigneeId={v.assigneeId}
            onAssignee={(x) => set('assigneeId', x)}
            errors={errors}
            onBlocked={props.onBlocked}
            onSwitchAction={props.onSwitchAction}
          />
          {reason}
        </>
      );
    case 'recategorise':
      return (
        <>
          <RecategoriseFields
            complaint={props.complaint}
            values={v}
            set={(key, value) => set(key, value as ActionValues[typeof key])}
            errors={errors}
          />
          {reason}
        </>
      );
    default:
      return reason;
  }
}

function ResolutionFields({ attachments, requiresMinutes, values: v, set, errors }: FieldsProps) {
  const { t } = useI18n();
  const minutes = attachments.filter((a) => a.purpose === 'minutes');
  return (
    <>
      <TextAreaField
        id="action-resolution"
        label={t('actionForm.resolution')}
        value={v.resolution}
        onChange={(x) => set('resolution', x)}
        error={errors.resolution}
        rows={5}
      />
      {(requiresMinutes || minutes.length > 0) && (
        <SelectField
          id="action-minutes"
          label={t('actionForm.minutes')}
          value={v.minutesAttachmentId}
          onChange={(x) => set('minutesAttachmentId', x)}
          options={[
            { value: '', label: t('actionForm.minutesNone') },
            ...minutes.map((a) => ({ value: a.id, label: a.filename })),
          ]}
          error={errors.minutesAttachmentId}
          hint={requiresMinutes ? t('actionForm.minutesRequired') : undefined}
          required={requiresMinutes}
        />
      )}
      {requiresMinutes && minutes.length === 0 && (
        <div className="alert alert-warning mb-0">{t('actionForm.noMinutes')}</div>
      )}
    </>
  );
}

function AnswerFields({ values: v, set, errors }: FieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <FieldSet id="action-answer" legend={t('actionForm.answer')} error={errors.answer}>
        {ANSWERS.map((a) => (
          <CheckboxField
            key={a}
            type="radio"
            name="action-answer"
            id={`action-answer-${a}`}
            label={t(`answer.${a}`)}
            checked={v.answer === a}
            onChange={() => set('answer', a)}
            className="mb-1"
          />
        ))}
      </FieldSet>
      {v.answer === 'rejected' && (
        <CheckboxField
          id="action-appeal"
          label={t('actionForm.appeal')}
          checked={v.appeal}
          onChange={(x) => set('appeal', x)}
          className="mb-3"
        />
      )}
      <SelectField
        id="action-satisfaction"
        label={t('actionForm.satisfaction')}
        value={v.satisfaction}
        onChange={(x) => set('satisfaction', x)}
        options={[
          { value: '', label: t('intake.notSpecified') },
          ...[1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: t(`satisfaction.${n as 1 | 2 | 3 | 4 | 5}`),
          })),
        ]}
        error={errors.satisfaction}
      />
      <TextAreaField
        id="action-comment"
        label={t('actionForm.comment')}
        value={v.comment}
        onChange={(x) => set('comment', x)}
        error={errors.comment}
      />
    </>
  );
}
