import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { type Column, DataTable } from '../../ui/data-table';
import { useAsync } from '../../ui/use-async';
import { type LoginThrottle, throttlesApi } from './throttles-api';

/**
 * Who is failing to log in right now: an address or an account from one address over the limit is refused
 * (until the window passes), an account failing from many places is only slowed down. An administrator may
 * lift a refusal, e.g. for an office whose colleagues share one public address.
 */
export function LoginThrottlesCard() {
  const { t, formatDate } = useI18n();
  const state = useAsync(() => throttlesApi.list(), []);
  const rows = state.data?.items ?? [];

  const stateOf = (r: LoginThrottle) => {
    if (r.blockedUntil)
      return (
        <span className="badge text-bg-danger">
          {t('throttles.blockedUntil', { time: formatDate(r.blockedUntil) })}
        </span>
      );
    if (r.delaySeconds > 0)
      return (
        <span className="badge text-bg-warning">{t('throttles.slowed', { n: String(r.delaySeconds) })}</span>
      );
    return <span className="text-body-secondary">{t('throttles.counting')}</span>;
  };

  const columns: Column<LoginThrottle>[] = [
    { key: 'kind', header: t('throttles.kind'), render: (r) => t(`throttles.kind.${r.kind}`) },
    { key: 'login', header: t('throttles.login'), render: (r) => r.login ?? '—' },
    { key: 'ip', header: t('throttles.ip'), render: (r) => r.ip ?? '—' },
    { key: 'failures', header: t('throttles.failures'), render: (r) => r.failures },
    { key: 'last', header: t('throttles.lastAt'), render: (r) => formatDate(r.lastAt) },
    { key: 'state', header: t('throttles.state'), render: stateOf },
    {
      key: 'clear',
      header: t('throttles.actions'),
      render: (r) => (
        <ConfirmButton
          label={t('throttles.clear')}
          title={t('throttles.clearTitle')}
          message={t('throttles.clearText', { target: [r.login, r.ip].filter(Boolean).join(' / ') })}
          variant="warning"
          className="btn btn-sm btn-outline-warning"
          onConfirm={async () => {
            await throttlesApi.clear({
              ...(r.login ? { login: r.login } : {}),
              ...(r.ip ? { ip: r.ip } : {}),
            });
            state.reload();
          }}
        />
      ),
    },
  ];

  return (
    <Card
      title={t('throttles.title')}
      className="mt-3"
      bodyClassName="card-body p-0"
      tools={
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={state.reload}>
          {t('throttles.refresh')}
        </button>
      }
    >
      <p className="px-3 pt-3 small text-body-secondary">
        {t('throttles.help', { minutes: String(state.data?.windowMinutes ?? 15) })}
      </p>
      <ErrorAlert error={state.error} className="mx-3 mb-3" />
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.kind}:${r.login ?? ''}:${r.ip ?? ''}`}
        empty={state.loading || state.error ? undefined : t('throttles.empty')}
        caption={t('throttles.title')}
        rowTestId={() => 'login-throttle'}
      />
    </Card>
  );
}
