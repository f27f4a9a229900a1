import type { Environment } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useMeta } from './use-meta';

const STYLE: Record<Exclude<Environment, 'production'>, string> = {
  demo: 'text-bg-warning',
  training: 'text-bg-info',
  test: 'text-bg-danger',
};

/** A coloured strip across the top so nobody mistakes a demo or training system for production. */
export function EnvBanner() {
  const { t } = useI18n();
  const meta = useMeta();
  if (!meta || meta.environment === 'production') return null;
  const env = meta.environment;
  return (
    <div className={`env-banner text-center fw-semibold small py-1 px-2 ${STYLE[env]}`} role="note">
      {t(`env.${env}`)}
    </div>
  );
}
