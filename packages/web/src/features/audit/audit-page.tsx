import { type FormEvent, useState } from 'react';
import { listAudit } from '../../api/audit';
import type { AuditEntry, AuditQuery } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { TextField } from '../../ui/form-fields';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { useCursorList } from '../../ui/use-cursor-list';
import { AuditChanges } from './audit-changes';

interface Filters {
  entity: string;
  entityId: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { entity: '', entityId: '', actorId: '', action: '', from: '', to: '' };

/** Date inputs give local calendar days; the API gets the instants that bound them. */
function toQuery(f: Filters): AuditQuery {
  const startOfDay = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
  const endOfDay = (d: string) => (d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined);
  return {
    entity: f.entity.trim() || undefined,
    entityId: f.entityId.trim() || undefined,
    actorId: f.actorId.trim() || undefined,
    action: f.action.trim() || undefined,
    from: startOfDay(f.from),
    to: endOfDay(f.to),
  };
}

export default function AuditPage() {
  const { t, formatDate } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const list = useCursorList((cursor) => listAudit({ ...toQuery(applied), cursor, limit: 50 }), [applied]);

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  /** Clicking an actor or an entity in the table narrows the list to it. */
  const narrow = (patch: Partial<Filters>) => {
    const next = { ...applied, ...patch };
    setDraft(next);
    setApplied(next);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setApplied(draft);
  }

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      render: (a) => <span className="text-nowrap">{formatDate(a.at)}</span>,
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (a) =>
        a.actor ? (
          <button
            type="button"
            className="btn btn-link p-0 text-start"
            title={t('audit.filterActor')}
            onClick={() => narrow({ actorId: a.actor?.id ?? '' })}
          >
            {a.actor.displayName}
            <span className="d-block small text-secondary">{a.actor.username}</span>
          </button>
        ) : (
          <span className="text-secondary">{t('audit.system')}</span>
        ),
    },
    { key: 'action', header: t('audit.action'), render: (a) => <code>{a.action}</code> },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (a) => (
        <button
          type="button"
          className="btn btn-link p-0 text-start"
          title={t('audit.filterEntity')}
          onClick={() => narrow({ entity: a.entity, entityId: a.entityId ?? '' })}
        >
          {a.entity}
          {a.entityId && <span className="d-block small text-secondary text-break">{a.entityId}</span>}
        </button>
      ),
    },
    { key: 'changes', header: t('audit.changes'), render: (a) => <AuditChanges changes={a.changes} /> },
    { key: 'ip', header: t('audit.ip'), render: (a) => a.ip ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} crumbs={[{ label: t('audit.title') }]} />
      <Card title={t('audit.filters')}>
        <form className="row g-2 align-items-end" onSubmit={submit} noValidate>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-entity"
              label={t('audit.entity')}
              value={draft.entity}
              onChange={set('entity')}
              className=""
            />
          </div>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-entity-id"
              label={t('audit.entityId')}
              value={draft.entityId}
              onChange={set('entityId')}
              className=""
            />
          </div>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-actor-id"
              label={t('audit.actorId')}
              value={draft.actorId}
              onChange={set('actorId')}
              className=""
            />
          </div>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-action"
              label={t('audit.action')}
              value={draft.action}
              onChange={set('action')}
              className=""
            />
          </div>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-from"
              type="date"
              label={t('audit.from')}
              value={draft.from}
              onChange={set('from')}
              className=""
            />
          </div>
          <div className="col-md-4 col-xl-2">
            <TextField
              id="audit-to"
              type="date"
              label={t('audit.to')}
              value={draft.to}
              onChange={set('to')}
              className=""
            />
          </div>
          <div className="col-12 d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {t('common.filter')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary"
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </Card>
      <Card title={t('audit.entries')} bodyClassName="card-body p-0">
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(a) => String(a.id)}
          empty={list.loading || list.error ? undefined : t('audit.empty')}
          caption={t('audit.entries')}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
    </>
  );
}
