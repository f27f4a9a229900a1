import type { ComplaintActionName } from '@coso/domain';
import { useEffect } from 'react';
import type { Complaint } from '../../../../api/complaint-types';
import { getEligibleAssignees } from '../../../../api/work';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../../ui/alerts';
import type { FieldErrors } from '../../../../ui/errors';
import { SelectField } from '../../../../ui/form-fields';
import { useAsync } from '../../../../ui/use-async';

interface ReassignFieldsProps {
  complaint: Complaint;
  assigneeId: string;
  onAssignee: (id: string) => void;
  errors: FieldErrors;
  /** True while there is nobody to choose: the dialog's "Confirmer" is then disabled. */
  onBlocked?: ((blocked: boolean) => void) | undefined;
  /** Opens another action's form (here: take over) in place of this one. */
  onSwitchAction?: ((action: ComplaintActionName) => void) | undefined;
}

/**
 * Who may receive the case, from the server's eligible-assignees list: every person whose role and
 * jurisdiction allow handling it at its current level, with their open workload. In a region with one focal
 * point nobody else may be chosen: the dialog says so and offers to take the case over instead of letting a
 * confirm fail on an empty field.
 */
export function ReassignAssigneeField(props: ReassignFieldsProps) {
  const { t } = useI18n();
  const { complaint, assigneeId, onAssignee, errors, onBlocked, onSwitchAction } = props;
  const eligible = useAsync(() => getEligibleAssignees(complaint.id), [complaint.id, complaint.version]);
  const others = (eligible.data?.items ?? []).filter((i) => !i.current);
  const blocked = eligible.loading || !!eligible.error || others.length === 0;

  useEffect(() => {
    onBlocked?.(blocked);
    return () => onBlocked?.(false);
  }, [blocked, onBlocked]);

  if (eligible.loading) return <Loading />;
  if (eligible.error) return <ErrorAlert error={eligible.error} />;
  const data = eligible.data!;
  const unit = data.handlingUnit?.name ?? data.handlingLevel;
  const current = data.items.find((i) => i.current);

  if (others.length === 0) {
    return (
      <div className="alert alert-info" role="status" data-testid="reassign-no-choice">
        <p className="mb-0">{t('reassign.noOther', { unit })}</p>
        {data.canTakeOver && onSwitchAction && (
          <>
            <p className="mt-2 mb-2">{t('reassign.canTakeOver')}</p>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => onSwitchAction('take_over')}
            >
              {t('reassign.takeOver')}
            </button>
          </>
        )}
      </div>
    );
  }
  return (
    <>
      {current && <p className="small mb-2">{t('reassign.current', { name: current.displayName })}</p>}
      <SelectField
        id="action-assignee"
        label={t('actionForm.assignee')}
        value={assigneeId}
        onChange={onAssignee}
        options={[
          { value: '', label: t('intake.choose') },
          ...others.map((c) => ({
            value: c.id,
            label: c.self
              ? t('reassign.self', { name: c.displayName, count: c.openCases })
              : t('actionForm.candidate', { name: c.displayName, count: c.openCases }),
          })),
        ]}
        error={errors.assigneeId}
        hint={t('reassign.hint', { unit })}
        required
      />
    </>
  );
}
