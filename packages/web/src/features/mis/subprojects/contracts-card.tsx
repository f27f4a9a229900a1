import { CONTRACT_KINDS, type CreateContractInput, createContractSchema, formatFcfa } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../../ui/errors';
import { FormDialog } from '../../../ui/form-dialog';
import { SelectField, TextField } from '../../../ui/form-fields';
import { type MisContract, misApi } from './mis-api';
import { readFcfa } from './presenters';
import { useMisReference } from './use-mis-reference';

/** The sub-project's contracts (works, supervision…): kind, company, amount, dates; "Ajouter un contrat". */
export function ContractsCard(props: {
  subprojectId: string;
  contracts: MisContract[];
  canManage: boolean;
  onAdded: () => void;
}) {
  const { t, locale, formatDate } = useI18n();
  const { label } = useMisReference();
  const [open, setOpen] = useState(false);
  const day = (d: string | null) => (d ? formatDate(d, true) : '—');
  const columns: Column<MisContract>[] = [
    { key: 'kind', header: t('mis.contracts.kind'), render: (c) => label('contractKinds', c.kind) },
    {
      key: 'company',
      header: t('mis.contracts.company'),
      render: (c) => (
        <>
          {c.company}
          {c.reference && <div className="small text-body-secondary">{c.reference}</div>}
        </>
      ),
    },
    {
      key: 'amount',
      header: t('mis.contracts.amount'),
      render: (c) => formatFcfa(c.amount, locale),
      className: 'text-end text-nowrap',
    },
    {
      key: 'signed',
      header: t('mis.contracts.signedOn'),
      render: (c) => day(c.signedOn),
      className: 'text-nowrap',
    },
    {
      key: 'period',
      header: t('mis.contracts.period'),
      render: (c) => `${day(c.startsOn)} → ${day(c.endsOn)}`,
      className: 'text-nowrap',
    },
  ];
  return (
    <Card
      title={t('mis.contracts.title')}
      bodyClassName="card-body p-0"
      tools={
        props.canManage && (
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setOpen(true)}>
            {t('mis.contracts.add')}
          </button>
        )
      }
    >
      <DataTable
        columns={columns}
        rows={props.contracts}
        rowKey={(c) => c.id}
        caption={t('mis.contracts.title')}
        empty={t('mis.contracts.none')}
      />
      {open && (
        <ContractDialog
          subprojectId={props.subprojectId}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onAdded();
          }}
        />
      )}
    </Card>
  );
}

function ContractDialog(props: { subprojectId: string; onCancel: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { label } = useMisReference();
  const [v, setV] = useState({
    kind: 'works',
    company: '',
    reference: '',
    amount: '',
    signedOn: '',
    startsOn: '',
    endsOn: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  async function submit() {
    const amount = readFcfa(v.amount);
    const body: Record<string, unknown> = {
      kind: v.kind,
      company: v.company,
      amount: typeof amount === 'number' ? amount : undefined,
    };
    for (const k of ['reference', 'signedOn', 'startsOn', 'endsOn'] as const)
      if (v[k].trim()) body[k] = v[k].trim();
    const checked = validateWith<CreateContractInput>(createContractSchema, body, locale, t);
    const local: FieldErrors = amount === 'invalid' ? { amount: t('mis.form.fcfaInvalid') } : {};
    if (!checked.ok || amount === 'invalid') {
      setErrors({ ...(checked.ok ? {} : checked.errors), ...local });
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(null);
    try {
      await misApi.addContract(props.subprojectId, checked.data);
      props.onDone();
    } catch (error) {
      const fields = apiFieldErrors(error, locale);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(error);
      setBusy(false);
    }
  }

  const date = (key: 'signedOn' | 'startsOn' | 'endsOn') => (
    <div className="col-sm-4">
      <TextField
        id={`contract-${key}`}
        type="date"
        label={t(`mis.contracts.${key}`)}
        value={v[key]}
        onChange={(x) => set({ [key]: x })}
        error={errors[key]}
        className=""
      />
    </div>
  );
  return (
    <FormDialog
      open
      wide
      title={t('mis.contracts.add')}
      submitLabel={t('common.save')}
      busy={busy}
      error={failure}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <SelectField
        id="contract-kind"
        label={t('mis.contracts.kind')}
        value={v.kind}
        onChange={(kind) => set({ kind })}
        options={CONTRACT_KINDS.map((k) => ({ value: k, label: label('contractKinds', k) }))}
        required
      />
      <TextField
        id="contract-company"
        label={t('mis.contracts.company')}
        value={v.company}
        onChange={(company) => set({ company })}
        required
        error={errors.company}
      />
      <div className="row g-3 mb-3">
        <div className="col-sm-6">
          <TextField
            id="contract-reference"
            label={t('mis.contracts.reference')}
            value={v.reference}
            onChange={(reference) => set({ reference })}
            error={errors.reference}
            className=""
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id="contract-amount"
            label={t('mis.contracts.amount')}
            value={v.amount}
            onChange={(amount) => set({ amount })}
            inputMode="numeric"
            required
            error={errors.amount}
            className=""
          />
        </div>
      </div>
      <div className="row g-3">
        {date('signedOn')}
        {date('startsOn')}
        {date('endsOn')}
      </div>
    </FormDialog>
  );
}
