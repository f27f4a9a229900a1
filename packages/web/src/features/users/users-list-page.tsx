import { ROLES, type Role } from '@coso/domain';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { User } from '../../api/types';
import { listUsers } from '../../api/users';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { type Column, DataTable } from '../../ui/data-table';
import { SelectField, TextField } from '../../ui/form-fields';
import { LoadMore } from '../../ui/load-more';
import { PageHeader } from '../../ui/page-header';
import { RoleBadges } from '../../ui/role-badges';
import { useCursorList } from '../../ui/use-cursor-list';
import { useDebounced } from '../../ui/use-debounced';
import { useGeoLevels } from '../geo/use-geo-levels';
import { LoginThrottlesCard } from './login-throttles-card';

type ActiveFilter = '' | 'true' | 'false';

export default function UsersListPage() {
  const { t, formatDate } = useI18n();
  const { refLabel } = useGeoLevels();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const debounced = useDebounced(text.trim(), 350);
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<ActiveFilter>('');
  // Enter applies the search at once; otherwise it applies when typing pauses.
  const q = submitted === text.trim() ? submitted : debounced;

  const list = useCursorList(
    (cursor) => listUsers({ q, role, active, cursor, limit: 50 }),
    [q, role, active],
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(text.trim());
  }

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.name'),
      render: (u) => (
        <>
          <Link href={`/admin/users/${u.id}`} className="fw-semibold">
            {u.displayName}
          </Link>
          <div className="small text-secondary">{u.username}</div>
        </>
      ),
    },
    { key: 'email', header: t('users.email'), render: (u) => u.email ?? '—' },
    { key: 'roles', header: t('users.roles'), render: (u) => <RoleBadges roles={u.roles} /> },
    {
      key: 'jurisdictions',
      header: t('users.jurisdictions'),
      render: (u) => u.jurisdictions.map((j) => refLabel(j)).join(', ') || '—',
    },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) =>
        u.active ? (
          <span className="badge text-bg-success">{t('users.active')}</span>
        ) : (
          <span className="badge text-bg-secondary">{t('users.inactive')}</span>
        ),
    },
    { key: 'lastLogin', header: t('users.lastLogin'), render: (u) => formatDate(u.lastLoginAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ label: t('users.title') }]}
        actions={
          <Link href="/admin/users/new" className="btn btn-primary">
            {t('users.new')}
          </Link>
        }
      />
      <Card title={t('users.list')} bodyClassName="card-body p-0">
        <search className="d-block p-3 border-bottom">
          <form className="row g-2 align-items-end" onSubmit={submit}>
            <div className="col-md-5">
              <TextField
                id="users-q"
                type="search"
                label={t('users.search')}
                value={text}
                onChange={setText}
                placeholder={t('users.searchPlaceholder')}
                className=""
              />
            </div>
            <div className="col-md-3">
              <SelectField
                id="users-role"
                label={t('users.role')}
                value={role}
                onChange={(v) => setRole(v as Role | '')}
                options={[
                  { value: '', label: t('common.all') },
                  ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
                ]}
                className=""
              />
            </div>
            <div className="col-md-2">
              <SelectField
                id="users-active"
                label={t('users.status')}
                value={active}
                onChange={(v) => setActive(v as ActiveFilter)}
                options={[
                  { value: '', label: t('common.all') },
                  { value: 'true', label: t('users.activePlural') },
                  { value: 'false', label: t('users.inactivePlural') },
                ]}
                className=""
              />
            </div>
            <div className="col-md-2">
              <button type="submit" className="btn btn-outline-primary w-100">
                {t('common.search')}
              </button>
            </div>
          </form>
        </search>
        <DataTable
          columns={columns}
          rows={list.items}
          rowKey={(u) => u.id}
          empty={list.loading || list.error ? undefined : t('users.empty')}
          caption={t('users.list')}
        />
        <div className="px-3 pb-3">
          <LoadMore list={list} />
        </div>
      </Card>
      <LoginThrottlesCard />
    </>
  );
}
