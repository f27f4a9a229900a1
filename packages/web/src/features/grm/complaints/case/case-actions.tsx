import { type ComplaintAction, type ComplaintActionName, complaintActionSchema } from '@coso/domain';
import { useState } from 'react';
import { ApiError } from '../../../../api/client';
import type { Attachment, Complaint } from '../../../../api/complaint-types';
import { actOnComplaint } from '../../../../api/complaints';
import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../../../ui/errors';
import { FormDialog } from '../../../../ui/form-dialog';
import { ActionFields, type ActionValues, actionBody, EMPTY_ACTION } from './action-fields';
import { recategoriseStart } from './recategorise-fields';

// Actions that end or turn back the case are shown apart from the ones moving it forward.
const DANGER: readonly ComplaintActionName[] = ['reject_ineligible', 'withdraw', 'declare_unresolved'];

interface CaseActionsProps {
  complaint: Complaint;
  attachments: Attachment[];
  requiresMinutes: boolean;
  /** The case after the action (its new version and allowed actions). */
  onDone: (updated: Complaint, action: ComplaintActionName) => void;
  /** Someone changed the case meanwhile (409 version_conflict): reload it. */
  onConflict: () => void;
  /** Done, and this user may no longer see the case (recategorised as sensitive): leave the page. */
  onAccessLost: () => void;
}

/** The actions this user may take now (the server's allowedActions), each with its small form. */
export function CaseActions({
  complaint,
  attachments,
  requiresMinutes,
  onDone,
  onConflict,
  onAccessLost,
}: CaseActionsProps) {
  const { t, locale } = useI18n();
  const [action, setAction] = useState<ComplaintActionName | null>(null);
  const [values, setValues] = useState<ActionValues>(EMPTY_ACTION);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const actions = complaint.allowedActions.filter((a) => a !== 'comment');

  function open(a: ComplaintActionName) {
    setAction(a);
    setValues(a === 'recategorise' ? { ...EMPTY_ACTION, ...recategoriseStart(complaint) } : EMPTY_ACTION);
    setErrors({});
    setError(null);
  }

  async function submit() {
    if (!action) return;
    setError(null);
    const checked = validateWith(complaintActionSchema, actionBody(action, values), locale, t);
    const missingMinutes = action === 'propose_resolution' && requiresMinutes && !values.minutesAttachmentId;
    if (!checked.ok || missingMinutes) {
      setErrors({
        ...(checked.ok ? {} : checked.errors),
        ...(missingMinutes ? { minutesAttachmentId: t('validation.minutes_required') } : {}),
      });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await actOnComplaint(complaint.id, checked.data as ComplaintAction, complaint.version);
      setAction(null);
      if ('accessLost' in updated) onAccessLost();
      else onDone(updated, action);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setAction(null);
        onConflict();
      } else {
        setError(err);
        setErrors(apiFieldErrors(err, locale));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('case.actions')} outline="primary">
      {actions.length === 0 && <p className="text-secondary mb-0">{t('case.noActions')}</p>}
      <div className="d-grid gap-2">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${DANGER.includes(a) ? 'btn-outline-danger' : 'btn-outline-primary'} text-start`}
            onClick={() => open(a)}
          >
            {t(`action.${a}`)}
          </button>
        ))}
      </div>
      <FormDialog
        open={action !== null}
        title={action ? t(`action.${action}`) : ''}
        submitLabel={t('actionForm.confirm')}
        busy={busy}
        submitDisabled={blocked}
        error={error}
        wide={action === 'propose_resolution'}
        onSubmit={submit}
        onCancel={() => setAction(null)}
      >
        {action && (
          <>
            <p className="text-secondary small">{t(`actionHelp.${action}`)}</p>
            <ActionFields
              action={action}
              complaint={complaint}
              attachments={attachments}
              requiresMinutes={requiresMinutes}
              values={values}
              set={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
              errors={errors}
              onBlocked={setBlocked}
              onSwitchAction={open}
            />
          </>
        )}
      </FormDialog>
    </Card>
  );
}
