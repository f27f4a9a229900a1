import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './errors';

/** A translated error (by API code, else the server's message); nothing when there is no error. */
export function ErrorAlert({ error, className = 'mb-3' }: { error: unknown; className?: string }) {
  const { locale, t } = useI18n();
  if (!error) return null;
  return (
    <div className={`alert alert-danger ${className}`} role="alert">
      {errorText(error, locale, t)}
    </div>
  );
}

export function SuccessAlert({ children, className = 'mb-3' }: { children: ReactNode; className?: string }) {
  return (
    <div className={`alert alert-success ${className}`} role="status">
      {children}
    </div>
  );
}

export function InfoAlert({ children, className = 'mb-3' }: { children: ReactNode; className?: string }) {
  return (
    <div className={`alert alert-info ${className}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ className = 'py-3' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <div className={`d-flex align-items-center gap-2 text-secondary ${className}`} role="status">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

/** Shown instead of a page the user's roles do not allow. */
export function AccessDenied() {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning" role="alert">
      {t('error.forbidden')}
    </div>
  );
}
