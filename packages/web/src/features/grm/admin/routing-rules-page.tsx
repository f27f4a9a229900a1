import { useState } from 'react';
import { deleteRoutingRule, listCommittees, listRoutingRules, type RoutingRule } from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { ConfirmButton } from '../../../ui/confirm-dialog';
import { type Column, DataTable } from '../../../ui/data-table';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { useReference } from '../complaints/use-reference';
import { RoutingRuleDialog } from './routing-rule-dialog';
import { RoutingTestCard, useRuleText } from './routing-test-card';

/** `/grm/routing`: the routing rules in the order routing tries them, and a routing test. */
export default function RoutingRulesPage() {
  const { t } = useI18n();
  const reference = useReference();
  const { levelLabel, refLabel } = useGeoLevels();
  const ruleText = useRuleText();
  const rules = useAsync(() => listRoutingRules().then((r) => r.items), []);
  const committees = useAsync(() => listCommittees({ limit: 500 }).then((p) => p.items), []);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const columns: Column<RoutingRule>[] = [
    { key: 'order', header: '#', render: (r) => (rules.data?.indexOf(r) ?? 0) + 1, className: 'text-end' },
    {
      key: 'category',
      header: t('grm.rules.category'),
      render: (r) =>
        r.category ? reference.label('categories', r.category) : <em>{t('grm.rules.anyCategory')}</em>,
    },
    {
      key: 'area',
      header: t('grm.rules.area'),
      render: (r) => (r.area ? refLabel(r.area) : <em>{t('grm.rules.everywhere')}</em>),
    },
    { key: 'level', header: t('grm.rules.level'), render: (r) => levelLabel(r.handlingLevel) },
    { key: 'committee', header: t('grm.rules.committee'), render: (r) => r.committee?.name ?? '—' },
    { key: 'assignee', header: t('grm.rules.assignee'), render: (r) => r.assignee?.displayName ?? '—' },
    { key: 'priority', header: t('grm.rules.priority'), render: (r) => r.priority, className: 'text-end' },
    {
      key: 'active',
      header: t('grm.ref.active'),
      render: (r) =>
        r.active ? (
          t('common.yes')
        ) : (
          <span className="badge text-bg-secondary fw-normal">{t('grm.ref.inactive')}</span>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <div className="d-flex gap-1">
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            onClick={() => setEditing(r)}
            aria-label={`${t('common.edit')} : ${ruleText(r)}`}
          >
            {t('common.edit')}
          </button>
          <ConfirmButton
            label={t('common.delete')}
            title={t('grm.rules.deleteTitle')}
            message={ruleText(r)}
            className="btn btn-sm btn-outline-danger"
            onConfirm={async () => {
              await deleteRoutingRule(r.id);
              setSaved(t('grm.rules.deleted'));
              rules.reload();
            }}
          />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('grm.rules.title')}
        crumbs={[{ label: t('nav.grmConfig') }, { label: t('grm.rules.title') }]}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('grm.rules.new')}
          </button>
        }
      />
      {saved && <SuccessAlert>{saved}</SuccessAlert>}
      <ErrorAlert error={rules.error} />
      <Card title={t('grm.rules.list')} bodyClassName="card-body p-0">
        <p className="small text-secondary px-3 pt-3 mb-2">{t('grm.rules.help')}</p>
        {rules.loading && !rules.data ? (
          <Loading className="p-3" />
        ) : (
          <DataTable
            columns={columns}
            rows={rules.data ?? []}
            rowKey={(r) => r.id}
            caption={t('grm.rules.list')}
            empty={t('common.noResults')}
          />
        )}
      </Card>
      <div className="row">
        <div className="col-lg-8 col-xxl-6">
          <RoutingTestCard />
        </div>
      </div>
      {editing && (
        <RoutingRuleDialog
          rule={editing === 'new' ? null : editing}
          committees={committees.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(t('grm.rules.saved'));
            rules.reload();
          }}
        />
      )}
    </>
  );
}
