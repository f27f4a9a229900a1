import { useState } from 'react';
import { type Committee, type CommitteeKind, listCommittees } from '../../../api/grm';
import { useI18n } from '../../../i18n/i18n-context';
import { SuccessAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { SelectField, TextField } from '../../../ui/form-fields';
import { LoadMore } from '../../../ui/load-more';
import { PageHeader } from '../../../ui/page-header';
import { useCursorList } from '../../../ui/use-cursor-list';
import { useDebounced } from '../../../ui/use-debounced';
import type { PlacedUnit } from '../../geo/unit-context';
import { UnitPicker } from '../../geo/unit-picker';
import { useGeoLevels } from '../../geo/use-geo-levels';
import { COMMITTEE_KINDS, CommitteeDialog } from './committee-dialog';

/** `/grm/committees`: committees and departments that handle cases, by unit. */
export default function CommitteesPage() {
  const { t } = useI18n();
  const { refLabel } = useGeoLevels();
  const [unit, setUnit] = useState<PlacedUnit | null>(null);
  const [kind, setKind] = useState<CommitteeKind | ''>('');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [editing, setEditing] = useState<Committee | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const list = useCursorList(
    (cursor) => listCommittees({ unit: unit?.id, kind, q: q || undefined, cursor, limit: 100 }),
    [unit?.id, kind, q],
  );

  const columns: Column<Committee>[] = [
    { key: 'code', header: t('grm.committees.code'), render: (c) => <code>{c.code}</code> },
    { key: 'name', header: t('grm.committees.name'), render: (c) => c.name },
    { key: 'kind', header: t('grm.committees.kind'), render: (c) => t(`committeeKind.${c.kind}`) },
    { key: 'unit', header: t('grm.committees.unit'), render: (c) => refLabel(c.unit) },
    {
      key: 'members',
      header: t('grm.committees.members'),
      render: (c) =>
        c.members.map((m) => m.displayName).join(', ') || <span className="text-secondary">—</span>,
    },
    {
      key: 'active',
      header: t('grm.ref.active'),
      render: (c) =>
        c.active ? (
          t('common.yes')
        ) : (
          <span className="badge text-bg-secondary fw-normal">{t('grm.ref.inactive')}</span>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (c) => (
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          onClick={() => setEditing(c)}
          aria-label={t('grm.committees.editTitle', { name: c.name })}
        >
          {t('common.edit')}
        </button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('grm.committees.title')}
        crumbs={[{ label: t('nav.grmConfig') }, { label: t('grm.committees.title') }]}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('grm.committees.new')}
          </button>
        }
      />
      {saved && <SuccessAlert>{saved}</SuccessAlert>}
      <Card title={t('grm.committees.list')} bodyClassName="card-body p-0">
        <search className="d-block p-3 border-bottom">
          <div className="row g-2 align-items-start">
            <div className="col-lg-5">
              <UnitPicker
                id="committees-unit"
                label={t('grm.committees.filterUnit')}
                value={unit}
                onChange={setUnit}
                className=""
              />
            </div>
            <div className="col-sm-6 col-lg-3">
              <SelectField
                id="committees-kind"
                label={t('grm.committees.kind')}
                value={kind}
                onChange={(v) => setKind(v as CommitteeKind | '')}
                options={[
                  { value: '', label: t('common.all') },
                  ...COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`committeeKind.${k}`) })),
                ]}
                className=""
              />
            </div>
            <div className="col-sm-6 col-lg-4">
              <TextField
                id="committees-q"
                type="search"
                label={t('common.search')}
                value={text}
                onChange={setText}
                className=""
              />
            </div>
          </div>
        </search>
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(c) => c.id}
          empty={list.loading || list.error ? undefined : t('grm.committees.empty')}
          caption={t('grm.committees.list')}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
      {editing && (
        <CommitteeDialog
          committee={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setSaved(t('grm.committees.saved', { name: c.name }));
            list.reload();
          }}
        />
      )}
    </>
  );
}
