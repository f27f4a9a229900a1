import { listTokens, revokeToken } from '../../api/auth';
import type { AccessToken } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { type Column, DataTable } from '../../ui/data-table';
import { useAsync } from '../../ui/use-async';

/** Devices (field app installs) holding an access token; revoking one logs that device out. */
export function TokensCard({ userId }: { userId?: string }) {
  const { t, formatDate } = useI18n();
  const tokens = useAsync(() => listTokens(userId), [userId]);

  const columns: Column<AccessToken>[] = [
    { key: 'device', header: t('tokens.device'), render: (tk) => tk.deviceName || t('tokens.unnamed') },
    { key: 'created', header: t('tokens.createdAt'), render: (tk) => formatDate(tk.createdAt) },
    { key: 'used', header: t('tokens.lastUsedAt'), render: (tk) => formatDate(tk.lastUsedAt) },
    { key: 'expires', header: t('tokens.expiresAt'), render: (tk) => formatDate(tk.expiresAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'text-end',
      render: (tk) => (
        <ConfirmButton
          label={t('tokens.revoke')}
          title={t('tokens.revokeTitle', { device: tk.deviceName || t('tokens.unnamed') })}
          message={t('tokens.revokeText')}
          className="btn btn-sm btn-outline-danger"
          onConfirm={async () => {
            await revokeToken(tk.id);
            tokens.setData({ items: (tokens.data?.items ?? []).filter((x) => x.id !== tk.id) });
          }}
        />
      ),
    },
  ];

  return (
    <Card title={t('tokens.title')} bodyClassName="card-body p-0">
      <p className="small text-secondary px-3 pt-3 mb-2">{t('tokens.help')}</p>
      {tokens.loading && <Loading className="px-3 py-2" />}
      <ErrorAlert error={tokens.error} className="mx-3" />
      {tokens.data && (
        <DataTable
          columns={columns}
          rows={tokens.data.items}
          rowKey={(tk) => tk.id}
          empty={t('tokens.empty')}
          caption={t('tokens.title')}
        />
      )}
    </Card>
  );
}
