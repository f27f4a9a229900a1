import { formatFcfa, togoDate } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { FormDialog } from '../../../ui/form-dialog';
import { SelectField, TextAreaField, TextField } from '../../../ui/form-fields';
import { SearchPicker } from '../../../ui/search-picker';
import { useAsync } from '../../../ui/use-async';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { readFcfa } from '../subprojects/presenters';
import { useMisReference } from '../subprojects/use-mis-reference';
import { type FinanceContract, financeApi, type LineBodies, type LineKind } from './finance-api';
import { allocationOption, ceilingAvailable, liveAllocations } from './presenters';

/**
 * Records one finance line: an allocation (canton, component), a transfer or a disbursement (of an
 * allocation) or a payment (against a contract found by sub-project, company or reference). Amounts are typed
 * in whole FCFA ("1 250 000"). When the server refuses an amount past its ceiling (409 mis_ceiling_exceeded),
 * the dialog says what is still available and asks for the reason of an explicit override.
 */
export function LineDialog(props: { kind: LineKind; onCancel: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { kind } = props;
  const { options, label } = useMisReference();
  const [unit, setUnit] = useState<PlacedUnit | null>(null);
  const [component, setComponent] = useState('');
  const [allocationId, setAllocationId] = useState('');
  const [contract, setContract] = useState<FinanceContract | null>(null);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(togoDate());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const needsAllocation = kind === 'transfers' || kind === 'disbursements';
  const allocations = useAsync(
    () => (needsAllocation ? financeApi.allocations({}) : Promise.resolve({ items: [], nextCursor: null })),
    [needsAllocation],
  );
  const available = ceilingAvailable(failure);
  const fcfa = (n: number) => formatFcfa(n, locale);

  function body(value: number): LineBodies[LineKind] | null {
    const extra = {
      date,
      amount: value,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(available !== null ? { override: { reason: reason.trim() } } : {}),
    };
    if (kind === 'allocations')
      return unit
        ? { unitId: unit.id, component, amount: value, date, ...(note.trim() ? { note: note.trim() } : {}) }
        : null;
    if (kind === 'transfers') return { ...extra, allocationId, bankReference: reference.trim() };
    if (kind === 'disbursements')
      return { ...extra, allocationId, ...(reference.trim() ? { reference: reference.trim() } : {}) };
    return contract
      ? { ...extra, contractId: contract.id, ...(reference.trim() ? { reference: reference.trim() } : {}) }
      : null;
  }

  async function submit() {
    const problems: Record<string, string> = {};
    const value = readFcfa(amount);
    if (value === null) problems.amount = t('validation.required');
    else if (value === 'invalid' || value === 0) problems.amount = t('mis.form.fcfaInvalid');
    if (kind === 'allocations' && !unit) problems.unit = t('validation.required');
    if (kind === 'allocations' && !component) problems.component = t('validation.required');
    if (needsAllocation && !allocationId) problems.allocation = t('validation.required');
    if (kind === 'payments' && !contract) problems.contract = t('validation.required');
    if (kind === 'transfers' && !reference.trim()) problems.reference = t('validation.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.date = t('validation.required');
    if (available !== null && reason.trim().length < 5) problems.reason = t('mis.finance.reasonRequired');
    setErrors(problems);
    if (Object.keys(problems).length > 0 || typeof value !== 'number') return;
    const payload = body(value);
    if (!payload) return;
    setBusy(true);
    try {
      await financeApi.record(kind, payload as never);
      props.onDone();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      wide
      title={t(`mis.finance.new.${kind}`)}
      submitLabel={available !== null ? t('mis.finance.override') : t('common.save')}
      variant={available !== null ? 'warning' : 'primary'}
      busy={busy}
      error={available === null ? failure : null}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      {kind === 'allocations' && (
        <>
          <UnitPicker
            id="line-unit"
            label={t('mis.finance.unit')}
            level="canton"
            mine
            value={unit}
            onChange={setUnit}
            required
            error={errors.unit}
          />
          <SelectField
            id="line-component"
            label={t('mis.finance.component')}
            value={component}
            onChange={setComponent}
            options={[{ value: '', label: '' }, ...options('components')]}
            required
            error={errors.component}
          />
        </>
      )}
      {needsAllocation && (
        <SelectField
          id="line-allocation"
          label={t('mis.finance.allocation')}
          value={allocationId}
          onChange={setAllocationId}
          options={[
            { value: '', label: '' },
            ...liveAllocations(allocations.data?.items ?? []).map((a) =>
              allocationOption(a, (c) => label('components', c), locale, t),
            ),
          ]}
          required
          error={errors.allocation}
        />
      )}
      {kind === 'payments' && (
        <SearchPicker<FinanceContract>
          id="line-contract"
          label={t('mis.finance.contract')}
          search={(q) => financeApi.contracts(q).then((r) => r.items)}
          itemKey={(k) => k.id}
          renderItem={(k) => (
            <>
              <code>{k.subproject.code}</code> {k.subproject.title} · {k.company}
              <span className="small text-body-secondary">
                {' '}
                · {t('mis.finance.contractLeft', { amount: fcfa(k.remaining) })}
              </span>
            </>
          )}
          onPick={setContract}
          chosen={
            contract && (
              <p className="mb-1" data-testid="chosen-contract">
                <code>{contract.subproject.code}</code> {contract.subproject.title} · {contract.company} ·{' '}
                {t('mis.finance.contractLeft', { amount: fcfa(contract.remaining) })}
              </p>
            )
          }
          required
          error={errors.contract}
        />
      )}
      <TextField
        id="line-amount"
        label={t('mis.finance.amount')}
        value={amount}
        onChange={setAmount}
        inputMode="numeric"
        hint={t('mis.finance.amountHint')}
        required
        error={errors.amount}
      />
      <TextField
        id="line-date"
        type="date"
        label={t('mis.finance.date')}
        value={date}
        onChange={setDate}
        max={togoDate()}
        required
        error={errors.date}
      />
      {kind !== 'allocations' && (
        <TextField
          id="line-reference"
          label={t(kind === 'transfers' ? 'mis.finance.bankReference' : 'mis.finance.reference')}
          value={reference}
          onChange={setReference}
          required={kind === 'transfers'}
          error={errors.reference}
        />
      )}
      <TextAreaField id="line-note" label={t('mis.finance.note')} value={note} onChange={setNote} />
      {available !== null && (
        <div className="alert alert-warning" role="alert" data-testid="ceiling-exceeded">
          <p>{t('mis.finance.ceiling', { available: fcfa(available) })}</p>
          <TextAreaField
            id="line-reason"
            label={t('mis.finance.overrideReason')}
            value={reason}
            onChange={setReason}
            required
            error={errors.reason}
            className="mb-0"
          />
        </div>
      )}
    </FormDialog>
  );
}
