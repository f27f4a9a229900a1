import { complaintActionSchema, formatTrackingCode } from '@coso/domain';
import { useState } from 'react';
import type { ComplaintListItem } from '../../../../api/complaint-types';
import { type BulkAction, type BulkResult, bulkAct, getEligibleAssignees } from '../../../../api/work';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../../ui/alerts';
import { type FieldErrors, validateWith } from '../../../../ui/errors';
import { FormDialog } from '../../../../ui/form-dialog';
import { CheckboxField, SelectField, TextAreaField } from '../../../../ui/form-fields';
import { useAsync } from '../../../../ui/use-async';

interface BulkBarProps {
  /** The cases shown; `selected` holds the ids ticked among them. */
  rows: ComplaintListItem[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  /** After an action: reload the list (statuses and assignees changed). */
  onDone: () => void;
}

/**
 * Actions on the ticked cases of the list: acknowledge, assign. The server applies each through the
 * single-case action and answers per case; the cases it refused are listed with the reason.
 */
export function BulkBar({ rows, selected, onSelect, onDone }: BulkBarProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [assigning, setAssigning] = useState(false);
  const [outcome, setOutcome] = useState<{ done: number; failed: BulkResult[] } | null>(null);
  const chosen = rows.filter((r) => selected.has(r.id));
  const codes = new Map(rows.map((r) => [r.id, formatTrackingCode(r.trackingCode)]));
  const allTicked = rows.length > 0 && chosen.length === rows.length;

  async function run(action: BulkAction) {
    setBusy(true);
    setError(null);
    try {
      const res = await bulkAct(
        chosen.map((c) => c.id),
        action,
      );
      setOutcome({ done: res.done, failed: res.items.filter((i) => !i.ok) });
      onSelect(new Set(res.items.filter((i) => !i.ok).map((i) => i.id)));
      setAssigning(false);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="px-3 py-2 border-bottom d-flex flex-wrap align-items-center gap-2" data-testid="bulk-bar">
      <CheckboxField
        id="bulk-all"
        label={t('bulk.selectAll')}
        checked={allTicked}
        onChange={(on) => onSelect(on ? new Set(rows.map((r) => r.id)) : new Set())}
        className="mb-0 me-2"
      />
      <span className="text-secondary small" aria-live="polite">
        {t('bulk.selected', { n: chosen.length })}
      </span>
      <button
        type="button"
        className="btn btn-sm btn-outline-primary"
        disabled={busy || chosen.length === 0}
        onClick={() => run({ action: 'acknowledge' })}
      >
        {t('bulk.acknowledge')}
      </button>
      <button
        type="button"
        className="btn btn-sm btn-outline-primary"
        disabled={busy || chosen.length === 0}
        onClick={() => setAssigning(true)}
      >
        {t('bulk.assign')}
      </button>
      {chosen.length > 0 && (
        <button type="button" className="btn btn-sm btn-link" onClick={() => onSelect(new Set())}>
          {t('bulk.clear')}
        </button>
      )}
      <ErrorAlert error={error} className="w-100 mb-0" />
      {outcome && (
        <div
          className={`alert ${outcome.failed.length ? 'alert-warning' : 'alert-success'} w-100 mb-0`}
          role="status"
          data-testid="bulk-outcome"
        >
          <div>{t('bulk.done', { n: outcome.done })}</div>
          {outcome.failed.length > 0 && (
            <>
              <div>{t('bulk.failed', { n: outcome.failed.length })}</div>
              <ul className="mb-0">
                {outcome.failed.map((f) => (
                  <li key={f.id}>
                    <span className="font-monospace">{codes.get(f.id) ?? f.id}</span> —{' '}
                    {'message' in f ? f.message : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {assigning && (
        <AssignDialog
          ids={chosen.map((c) => c.id)}
          busy={busy}
          error={error}
          onSubmit={(assigneeId, reason) => run({ action: 'reassign', assigneeId, reason })}
          onCancel={() => setAssigning(false)}
        />
      )}
    </div>
  );
}

/** The people who may handle every ticked case (the intersection of their eligible lists). */
function AssignDialog(props: {
  ids: string[];
  busy: boolean;
  error: unknown;
  onSubmit: (assigneeId: string, reason: string) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [assigneeId, setAssigneeId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const key = props.ids.join(',');
  const common = useAsync(async () => {
    const lists = await Promise.all(props.ids.map((id) => getEligibleAssignees(id)));
    const [first, ...rest] = lists.map((l) => l.items);
    return (first ?? []).filter((p) => rest.every((items) => items.some((i) => i.id === p.id)));
  }, [key]);
  const people = common.data ?? [];

  function submit() {
    const checked = validateWith(
      complaintActionSchema,
      { action: 'reassign', assigneeId, reason },
      locale,
      t,
    );
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    props.onSubmit(assigneeId, reason);
  }

  return (
    <FormDialog
      open
      title={t('bulk.assignTitle', { n: props.ids.length })}
      submitLabel={t('actionForm.confirm')}
      busy={props.busy}
      submitDisabled={common.loading || people.length === 0}
      error={props.error ?? common.error}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      {common.loading && <Loading />}
      {!common.loading && !common.error && people.length === 0 && (
        <div className="alert alert-info">{t('bulk.noCommonAssignee')}</div>
      )}
      {people.length > 0 && (
        <SelectField
          id="bulk-assignee"
          label={t('bulk.assignee')}
          value={assigneeId}
          onChange={setAssigneeId}
          options={[
            { value: '', label: t('intake.choose') },
            ...people.map((p) => ({
              value: p.id,
              label: t('actionForm.candidate', { name: p.displayName, count: p.openCases }),
            })),
          ]}
          error={errors.assigneeId}
          hint={t('bulk.assigneeHint')}
          required
        />
      )}
      <TextAreaField
        id="bulk-reason"
        label={t('actionForm.reason')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
    </FormDialog>
  );
}
