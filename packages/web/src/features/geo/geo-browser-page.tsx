import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { getGeoUnit, listGeoUnits } from '../../api/geo';
import type { GeoUnit, GeoUnitSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { TextField } from '../../ui/form-fields';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { useCursorList } from '../../ui/use-cursor-list';
import { useDebounced } from '../../ui/use-debounced';
import { useAuth } from '../auth/auth-context';
import { ExportButtons } from './export-buttons';
import { useGeoLevels } from './use-geo-levels';

/** The administrative tree, one level at a time: /geo?parent=<id> lists the children of a unit. */
export default function GeoBrowserPage() {
  const [params] = useSearchParams();
  const parentId = params.get('parent') ?? undefined;
  // Keyed by parent so the search box starts empty on every level.
  return <GeoLevelView key={parentId ?? 'root'} parentId={parentId} />;
}

function GeoLevelView({ parentId }: { parentId: string | undefined }) {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const { levelLabel } = useGeoLevels();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);

  const parent = useAsync<GeoUnit | null>(
    () => (parentId ? getGeoUnit(parentId) : Promise.resolve(null)),
    [parentId],
  );
  const list = useCursorList(
    (cursor) =>
      q
        ? listGeoUnits({ q, within: parentId, cursor, limit: 50 })
        : listGeoUnits({ parent: parentId, cursor, limit: 100 }),
    [parentId, q],
  );

  const p = parent.data ?? null;
  const trail = p ? [...p.ancestors, { id: p.id, name: p.name }] : [];
  const title = p ? `${p.name} (${levelLabel(p.level)})` : t('geo.title');

  const columns: Column<GeoUnitSummary>[] = [
    {
      key: 'name',
      header: t('geo.name'),
      render: (u) =>
        u.childCount > 0 ? (
          <Link href={`/geo?parent=${u.id}`} className="fw-semibold">
            {u.name}
          </Link>
        ) : (
          <Link href={`/geo/units/${u.id}`}>{u.name}</Link>
        ),
    },
    { key: 'level', header: t('geo.level'), render: (u) => levelLabel(u.level) },
    { key: 'code', header: t('geo.code'), render: (u) => <code>{u.code}</code> },
    {
      key: 'children',
      header: t('geo.children'),
      className: 'text-end',
      render: (u) => formatNumber(u.childCount),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'text-end',
      render: (u) => (
        <Link href={`/geo/units/${u.id}`} className="btn btn-sm btn-outline-secondary">
          {t('geo.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: t('nav.geo'), href: '/geo' },
          ...trail.map((a) => ({ label: a.name, href: `/geo?parent=${a.id}` })),
        ]}
        actions={
          <>
            {p && (
              <Link href={`/geo/units/${p.id}`} className="btn btn-primary">
                {t('geo.openUnit')}
              </Link>
            )}
            <ExportButtons within={parentId} />
            {can('geo.manage') && (
              <Link href="/geo/import" className="btn btn-outline-primary">
                {t('nav.geoImport')}
              </Link>
            )}
          </>
        }
      />
      <ErrorAlert error={parent.error} />
      <Card
        title={q ? t('geo.searchResults') : p ? t('geo.childrenOf', { name: p.name }) : t('geo.roots')}
        bodyClassName="card-body p-0"
      >
        <search className="d-block p-3 border-bottom">
          <TextField
            id="geo-q"
            type="search"
            label={p ? t('geo.searchIn', { name: p.name }) : t('geo.search')}
            value={text}
            onChange={setText}
            placeholder={t('geo.searchPlaceholder')}
            className=""
          />
        </search>
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(u) => u.id}
          empty={list.loading || list.error ? undefined : q ? t('common.noResults') : t('geo.noChildren')}
          caption={title}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
    </>
  );
}
