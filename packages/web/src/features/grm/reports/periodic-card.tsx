import { useState } from 'react';
import { periodicReportUrl } from '../../../api/reports';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';

/** The last complete month as `2026-10`, and the last complete quarter as `2026-Q3`. */
export function previousPeriods(today = new Date()): { month: string; quarter: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based: the current month; the previous one is m - 1
  const month = m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
  const q = Math.floor(m / 3); // quarters completed this year
  const quarter = q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
  return { month, quarter };
}

/** Monthly and quarterly reports (PDF, XLSX), internal or public, for the area shown on the dashboard. */
export function PeriodicReportCard({ area }: { area: string | undefined }) {
  const { t } = useI18n();
  const defaults = previousPeriods();
  const [kind, setKind] = useState<'month' | 'quarter'>('month');
  const [period, setPeriod] = useState(defaults.month);
  const [version, setVersion] = useState<'internal' | 'public'>('internal');
  const valid = kind === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(period) : /^\d{4}-Q[1-4]$/.test(period);
  const href = (format: 'pdf' | 'xlsx') => periodicReportUrl(format, { period, version, area });
  return (
    <Card title={t('reports.periodic.title')} className="d-print-none">
      <p className="small text-body-secondary">{t('reports.periodic.scope')}</p>
      <div className="row g-2 align-items-end">
        <div className="col-sm-3">
          <label className="form-label small mb-1" htmlFor="pr-kind">
            {t('reports.periodic.kind')}
          </label>
          <select
            id="pr-kind"
            className="form-select form-select-sm"
            value={kind}
            onChange={(e) => {
              const k = e.target.value as 'month' | 'quarter';
              setKind(k);
              setPeriod(defaults[k]);
            }}
          >
            <option value="month">{t('reports.periodic.monthly')}</option>
            <option value="quarter">{t('reports.periodic.quarterly')}</option>
          </select>
        </div>
        <div className="col-sm-3">
          <label className="form-label small mb-1" htmlFor="pr-period">
            {kind === 'month' ? t('reports.periodic.month') : t('reports.periodic.quarter')}
          </label>
          {kind === 'month' ? (
            <input
              id="pr-period"
              type="month"
              className="form-control form-control-sm"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            />
          ) : (
            <input
              id="pr-period"
              className={`form-control form-control-sm ${valid ? '' : 'is-invalid'}`}
              value={period}
              placeholder="2026-Q3"
              onChange={(e) => setPeriod(e.target.value.toUpperCase())}
            />
          )}
        </div>
        <div className="col-sm-3">
          <label className="form-label small mb-1" htmlFor="pr-version">
            {t('reports.periodic.version')}
          </label>
          <select
            id="pr-version"
            className="form-select form-select-sm"
            value={version}
            onChange={(e) => setVersion(e.target.value as 'internal' | 'public')}
          >
            <option value="internal">{t('reports.periodic.internal')}</option>
            <option value="public">{t('reports.periodic.public')}</option>
          </select>
        </div>
        <div className="col-sm-3 d-flex gap-2">
          <a className={`btn btn-sm btn-primary ${valid ? '' : 'disabled'}`} href={href('pdf')} download>
            {t('reports.periodic.pdf')}
          </a>
          <a
            className={`btn btn-sm btn-outline-primary ${valid ? '' : 'disabled'}`}
            href={href('xlsx')}
            download
          >
            {t('reports.periodic.xlsx')}
          </a>
        </div>
      </div>
    </Card>
  );
}
