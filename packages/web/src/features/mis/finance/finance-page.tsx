import { formatFcfa } from '@coso/domain';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { SelectField } from '../../../ui/form-fields';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { useAuth } from '../../auth/auth-context';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { useMisReference } from '../subprojects/use-mis-reference';
import { financeApi, type LineKind } from './finance-api';
import { LineDialog } from './line-dialog';
import { type BalanceTableRow, balanceTableRows } from './presenters';

const KINDS: LineKind[] = ['allocations', 'transfers', 'disbursements', 'payments'];
const STAGES = [
  'allocated',
  'transferred',
  'disbursed',
  'paid',
  'toTransfer',
  'toDisburse',
  'toPay',
] as const;

/**
 * `/mis/finance`: balances per canton or CVD and component — allocated, transferred, disbursed, paid and what is
 * left — with totals, filtered by area and component; a finance officer records allocations, transfers,
 * disbursements and payments from here. Every amount comes from the server's sums, in whole FCFA.
 */
export default function FinancePage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { label, options } = useMisReference();
  const [area, setArea] = useState<PlacedUnit | null>(null);
  const [component, setComponent] = useState('');
  const [dialog, setDialog] = useState<LineKind | null>(null);
  const query = { ...(area ? { within: area.id } : {}), ...(component ? { component } : {}) };
  const balances = useAsync(() => financeApi.balances(query), [area?.id, component]);
  const fcfa = (n: number) => formatFcfa(n, locale);

  const columns: Column<BalanceTableRow>[] = [
    {
      key: 'unit',
      header: t('mis.finance.unit'),
      render: ({ row }) =>
        row ? (
          <>
            {row.unit.name}
            <div className="small text-body-secondary">
              {row.unit.kind === 'cvd'
                ? t('mis.finance.cvdOf', { canton: row.canton.name })
                : t('mis.finance.canton')}
            </div>
          </>
        ) : (
          <strong>{t('mis.finance.totals')}</strong>
        ),
    },
    {
      key: 'component',
      header: t('mis.finance.component'),
      render: ({ row }) => (row ? label('components', row.component) : ''),
    },
    ...STAGES.map((stage) => ({
      key: stage,
      header: t(`mis.finance.stage.${stage}`),
      render: ({ row, amounts }: BalanceTableRow) =>
        row ? fcfa(amounts[stage]) : <strong>{fcfa(amounts[stage])}</strong>,
      className: `text-end text-nowrap${leftBorder(stage)}`,
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('mis.finance.title')}
        crumbs={[{ label: t('nav.mis') }, { label: t('mis.finance.title') }]}
        actions={
          can('mis.finance') &&
          KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="btn btn-outline-primary"
              onClick={() => setDialog(kind)}
            >
              {t(`mis.finance.new.${kind}`)}
            </button>
          ))
        }
      />
      <Card title={t('mis.finance.balances')} bodyClassName="card-body p-0">
        <div className="row g-3 p-3 border-bottom">
          <div className="col-md-6">
            <UnitPicker
              id="f-area"
              label={t('mis.filter.area')}
              value={area}
              onChange={setArea}
              mine
              className=""
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="f-component"
              label={t('mis.filter.component')}
              value={component}
              className=""
              onChange={setComponent}
              options={[{ value: '', label: t('common.all') }, ...options('components')]}
            />
          </div>
        </div>
        <ErrorAlert error={balances.error} />
        <DataTable
          columns={columns}
          rows={balances.data ? balanceTableRows(balances.data) : []}
          rowKey={(r) => r.key}
          caption={t('mis.finance.balances')}
          empty={balances.loading ? undefined : t('mis.finance.empty')}
          rowTestId={(r) => (r.row ? `balance-${r.row.unit.name}-${r.row.component}` : 'balance-totals')}
        />
        <p className="small text-body-secondary px-3 py-2 mb-0">{t('mis.finance.legend')}</p>
      </Card>
      {dialog && (
        <LineDialog
          kind={dialog}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            balances.reload();
          }}
        />
      )}
    </>
  );
}

/** What is left is set apart from the sums (a left border). */
const leftBorder = (stage: (typeof STAGES)[number]) => (stage === 'toTransfer' ? ' border-start' : '');
