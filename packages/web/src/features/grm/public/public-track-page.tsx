import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';
import { lookup } from '../../../i18n/translate';
import { ErrorAlert, SuccessAlert } from '../../../ui/alerts';
import { TextField } from '../../../ui/form-fields';
import { AnswerForm } from './answer-form';
import { type PublicTracking, publicApi } from './api';
import { CodeRecovery } from './code-recovery';
import { PublicLayout } from './public-layout';

const DATES = [
  ['receivedAt', 'public.receivedAt'],
  ['acknowledgedAt', 'public.acknowledgedAt'],
  ['resolutionProposedAt', 'public.resolutionProposedAt'],
  ['closedAt', 'public.closedAt'],
] as const;
const DUES = [
  ['acknowledge', 'public.due.acknowledge'],
  ['resolve', 'public.due.resolve'],
  ['answer', 'public.due.answer'],
] as const;

/** /public/suivi?code=…: a code box, then the status, dates and (when expected) the answer form. */
export function PublicTrackPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const current = new URLSearchParams(search).get('code') ?? '';
  const [typed, setTyped] = useState(current);
  const [result, setResult] = useState<PublicTracking | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(async (code: string) => {
    setFailure(null);
    setResult(null);
    if (!code) return;
    try {
      setResult(await publicApi.track(code));
    } catch (err) {
      setFailure(err);
    }
  }, []);

  useEffect(() => {
    setTyped(current);
    load(current);
  }, [current, load]);

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(`/public/suivi?code=${encodeURIComponent(typed.trim())}`);
  }

  return (
    <PublicLayout title={t('public.trackLink')}>
      <form onSubmit={submit} noValidate className="mb-3">
        <TextField
          id="public-code"
          label={t('public.codeLabel')}
          hint={t('public.codeHint')}
          value={typed}
          onChange={setTyped}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary w-100">
          {t('public.trackSubmit')}
        </button>
      </form>
      <NotFound error={failure} typed={current} />
      {result && <Status tracking={result} onChange={setResult} />}
    </PublicLayout>
  );
}

/** 404 in plain words; for a mistyped code, the way to find one's own code with the phone's last digits. */
function NotFound({ error, typed }: { error: unknown; typed: string }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError && error.code === 'not_found')) return <ErrorAlert error={error} />;
  const mistyped = (error.details as { mistyped?: boolean } | undefined)?.mistyped === true;
  return (
    <>
      <div className="alert alert-warning" role="alert">
        <p className="mb-0">{t('public.notFound')}</p>
      </div>
      {mistyped && <CodeRecovery typed={typed} />}
    </>
  );
}

function Status({ tracking, onChange }: { tracking: PublicTracking; onChange: (t: PublicTracking) => void }) {
  const { t, locale, formatDate } = useI18n();
  const label = (key: string) => lookup(locale, key) ?? key;
  // Kept here: once answered, the form itself goes away (nothing left to answer).
  const [answered, setAnswered] = useState(false);
  return (
    <section aria-labelledby="public-status-title">
      <div className="card mb-3">
        <div className="card-body">
          <h2 id="public-status-title" className="h5">
            {t('public.statusTitle', { code: tracking.trackingCode })}
          </h2>
          <p className="fs-5 fw-bold mb-2" data-testid="public-status">
            {label(`public.status.${tracking.status}`)}
          </p>
          <p className="mb-3">
            <span className="fw-semibold">{t('public.nextStep')} </span>
            {label(tracking.nextStep)}
          </p>
          <dl className="row mb-0">
            {DATES.filter(([k]) => tracking[k]).map(([k, key]) => (
              <Pair key={k} term={t(key)} value={formatDate(tracking[k], true)} />
            ))}
            {DUES.filter(([k]) => tracking.dueDates[k]).map(([k, key]) => (
              <Pair key={k} term={t(key)} value={formatDate(tracking.dueDates[k], true)} />
            ))}
          </dl>
          {tracking.satisfaction !== null && (
            <p className="mt-2 mb-0">{t('public.yourRating', { n: String(tracking.satisfaction) })}</p>
          )}
        </div>
      </div>
      {answered && <SuccessAlert>{t('public.answerDone')}</SuccessAlert>}
      {(tracking.canAnswer || tracking.canRate) && (
        <AnswerForm
          tracking={tracking}
          onDone={(next) => {
            setAnswered(true);
            onChange(next);
          }}
        />
      )}
    </section>
  );
}

function Pair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="col-sm-7 fw-normal text-body-secondary">{term}</dt>
      <dd className="col-sm-5">{value}</dd>
    </>
  );
}
