import { type KeyboardEvent, useState } from 'react';
import {
  REFERENCE_LIST_KEYS,
  type ReferenceItem,
  type ReferenceListName,
} from '../../../api/complaint-types';
import { getReference } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../../ui/alerts';
import { Card } from '../../../ui/card';
import { type Column, DataTable } from '../../../ui/data-table';
import { PageHeader } from '../../../ui/page-header';
import { useAsync } from '../../../ui/use-async';
import { invalidateReference } from '../complaints/use-reference';
import { ReferenceItemDialog } from './reference-item-dialog';

const LISTS = Object.keys(REFERENCE_LIST_KEYS) as ReferenceListName[];

const yesNo = (on: boolean | undefined, yes: string) =>
  on ? (
    <span className="badge text-bg-warning fw-normal">{yes}</span>
  ) : (
    <span className="text-secondary">—</span>
  );

/** `/grm/reference`: the configurable lists of the intake form, one tab each. */
export default function ReferenceListsPage() {
  const { t } = useI18n();
  const data = useAsync(() => getReference(true), []);
  const [list, setList] = useState<ReferenceListName>('type');
  const [editing, setEditing] = useState<ReferenceItem | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const items = [...(data.data?.[REFERENCE_LIST_KEYS[list]] ?? [])].sort((a, b) => a.sort - b.sort);
  const listLabel = t(`grm.list.${list}`);

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = LISTS[(index + step + LISTS.length) % LISTS.length]!;
    setList(next);
    document.getElementById(`ref-tab-${next}`)?.focus();
  }

  const columns: Column<ReferenceItem>[] = [
    { key: 'code', header: t('grm.ref.code'), render: (i) => <code>{i.code}</code> },
    { key: 'fr', header: t('grm.ref.labelFr'), render: (i) => i.labelFr },
    { key: 'en', header: t('grm.ref.labelEn'), render: (i) => i.labelEn },
    { key: 'sort', header: t('grm.ref.sort'), render: (i) => i.sort, className: 'text-end' },
    {
      key: 'active',
      header: t('grm.ref.active'),
      render: (i) =>
        i.active ? (
          t('common.yes')
        ) : (
          <span className="badge text-bg-secondary fw-normal">{t('grm.ref.inactive')}</span>
        ),
    },
    ...(list === 'category'
      ? [
          {
            key: 'sensitive',
            header: t('grm.ref.sensitive'),
            render: (i: ReferenceItem) => yesNo(i.sensitive, t('common.yes')),
          },
          {
            key: 'minutes',
            header: t('grm.ref.requiresMinutes'),
            render: (i: ReferenceItem) => yesNo(i.requiresMinutes, t('common.yes')),
          },
          {
            key: 'scope',
            header: t('grm.ref.outOfScope'),
            render: (i: ReferenceItem) => yesNo(i.outOfScope, t('common.yes')),
          },
        ]
      : []),
    {
      key: 'actions',
      header: t('common.actions'),
      render: (i) => (
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          onClick={() => setEditing(i)}
          aria-label={t('grm.ref.editTitle', { code: i.code })}
        >
          {t('common.edit')}
        </button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('grm.reference.title')}
        crumbs={[{ label: t('nav.grmConfig') }, { label: t('grm.reference.title') }]}
      />
      <ErrorAlert error={data.error} />
      {saved && <SuccessAlert>{t('grm.ref.saved')}</SuccessAlert>}
      <div role="tablist" aria-label={t('grm.reference.title')} className="nav nav-tabs mb-0">
        {LISTS.map((l, index) => (
          <button
            key={l}
            id={`ref-tab-${l}`}
            type="button"
            role="tab"
            aria-selected={l === list}
            aria-controls="ref-panel"
            tabIndex={l === list ? 0 : -1}
            className={`nav-link${l === list ? ' active' : ''}`}
            onClick={() => setList(l)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t(`grm.list.${l}`)}
          </button>
        ))}
      </div>
      <div id="ref-panel" role="tabpanel" aria-labelledby={`ref-tab-${list}`}>
        <Card
          title={listLabel}
          bodyClassName="card-body p-0"
          tools={
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
              {t('grm.ref.add')}
            </button>
          }
        >
          {data.loading && !data.data ? (
            <Loading className="p-3" />
          ) : (
            <DataTable
              columns={columns}
              rows={items}
              rowKey={(i) => i.code}
              caption={listLabel}
              empty={t('common.noResults')}
            />
          )}
        </Card>
      </div>
      {editing && (
        <ReferenceItemDialog
          list={list}
          listLabel={listLabel}
          item={editing === 'new' ? null : editing}
          existingCodes={new Set(items.map((i) => i.code))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
            invalidateReference();
            data.reload();
          }}
        />
      )}
    </>
  );
}
