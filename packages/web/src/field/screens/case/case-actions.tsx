import type { ComplaintActionName } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { useField } from '../../engine-context';
import { useT } from '../../i18n/i18n';
import { ChoiceList, TextArea, TextField, Toggle, useIssueText } from '../../ui/fields';
import type { FieldIssues } from '../../validation';
import { ACTION_FIELDS, type ActionValues, buildAction, EMPTY_ACTION } from './action-form';

/** The actions this user may take now; each opens its small form, and queues on the phone when valid. */
export function CaseActions({
  complaintId,
  actions,
}: {
  complaintId: string;
  actions: ComplaintActionName[];
}) {
  const { t } = useT();
  const [open, setOpen] = useState<ComplaintActionName | null>(null);
  const [queued, setQueued] = useState(false);

  return (
    <section className="mb-4" aria-labelledby="case-actions">
      <h2 id="case-actions" className="h5">
        {t('case.actions')}
      </h2>
      {queued && (
        <div className="alert alert-success" role="status">
          {t('act.queued')}
        </div>
      )}
      {actions.length === 0 && <p className="text-body-secondary">{t('case.noActions')}</p>}
      {open ? (
        <ActionForm
          complaintId={complaintId}
          action={open}
          onDone={(done) => {
            setOpen(null);
            setQueued(done);
          }}
        />
      ) : (
        <div className="d-grid gap-2">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className="btn btn-outline-primary btn-lg"
              onClick={() => {
                setQueued(false);
                setOpen(a);
              }}
            >
              {t(`action.${a}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function ActionForm(props: {
  complaintId: string;
  action: ComplaintActionName;
  onDone: (queued: boolean) => void;
}) {
  const { t } = useT();
  const { engine } = useField();
  const [values, setValues] = useState<ActionValues>(EMPTY_ACTION);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issue = useIssueText(issues);
  const fields = ACTION_FIELDS[props.action];
  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const id = (f: string) => `act-${props.action}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = buildAction(props.action, values);
    if (!built.ok) {
      setIssues(built.issues);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await engine.act(props.complaintId, built.action);
      props.onDone(true);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card field-card" noValidate>
      <div className="card-body">
        <h3 className="h6">{t(`action.${props.action}`)}</h3>
        {fields.includes('answer') && (
          <ChoiceList
            name={id('answer')}
            legend={t('act.answer')}
            choices={(['accepted', 'rejected', 'no_response'] as const).map((a) => ({
              value: a,
              label: t(`answer.${a}`),
            }))}
            value={values.answer}
            onChange={(v) => set('answer', v as ActionValues['answer'])}
            error={issue('answer')}
          />
        )}
        {fields.includes('appeal') && values.answer === 'rejected' && (
          <Toggle
            id={id('appeal')}
            label={t('act.appeal')}
            checked={values.appeal}
            onChange={(v) => set('appeal', v)}
          />
        )}
        {fields.includes('satisfaction') && (
          <TextField
            id={id('satisfaction')}
            type="number"
            inputMode="numeric"
            label={t('act.satisfaction')}
            value={values.satisfaction}
            onChange={(v) => set('satisfaction', v)}
            error={issue('satisfaction')}
          />
        )}
        {fields.includes('referralBody') && (
          <TextField
            id={id('referralBody')}
            label={t('act.referralBody')}
            value={values.referralBody}
            onChange={(v) => set('referralBody', v)}
            error={issue('referralBody')}
          />
        )}
        {(['reason', 'resolution', 'note', 'comment', 'text'] as const)
          .filter((f) => fields.includes(f))
          .map((f) => (
            <TextArea
              key={f}
              id={id(f)}
              rows={3}
              label={t(`act.${f}`)}
              value={values[f]}
              onChange={(v) => set(f, v)}
              error={issue(f)}
            />
          ))}
        {failure && (
          <div className="alert alert-danger" role="alert">
            {failure}
          </div>
        )}
        <div className="d-grid gap-2">
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
            {t('act.submit')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-lg"
            onClick={() => props.onDone(false)}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
