import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { caseView } from '../case-view';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { codeGroups, displayCode, spokenCode } from '../read-aloud';
import { Icon } from '../ui/icons';
import { Screen } from '../ui/layout';
import { useGeo, useReference } from '../use-field-data';

const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

/** Right after saving, offline: the tracking code to give, spelled for reading aloud, and what comes next. */
export function ReceiptScreen({ id }: { id: string }) {
  const { t, locale } = useT();
  // The server's GRM_HOTLINE, kept with the session: printed receipts and this screen say the same.
  const hotline = useField().session.hotline;
  const geo = useGeo();
  const ref = useReference();
  const live = useLive((engine) => engine.complaint(id), [id]);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const c = live.data ? caseView(live.data, geo.index) : undefined;
  const sensitive = c ? c.sensitive || ref.item('category', c.category)?.sensitive === true : false;

  // The code is what the facilitator must read out: it gets the focus (and the screen reader's voice).
  const found = Boolean(c);
  useEffect(() => {
    if (found) codeRef.current?.focus();
  }, [found]);

  function speak() {
    if (!c || !canSpeak()) return;
    const utterance = new SpeechSynthesisUtterance(spokenCode(c.trackingCode));
    utterance.lang = locale === 'fr' ? 'fr-FR' : 'en-GB';
    utterance.rate = 0.7;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  return (
    <Screen title={t('receipt.title')}>
      {live.loading && <p role="status">{t('common.loading')}</p>}
      {!live.loading && !c && (
        <div className="alert alert-warning" role="alert">
          {t('receipt.notFound')}
        </div>
      )}
      {c && (
        <>
          <section className="receipt-code text-center mb-3" aria-labelledby="receipt-code-label">
            <p id="receipt-code-label" className="mb-1 fw-semibold">
              {t('receipt.codeLabel')}
            </p>
            <p ref={codeRef} tabIndex={-1} className="tracking-code" data-testid="receipt-tracking-code">
              {displayCode(c.trackingCode)}
            </p>
            <p className="small mb-0">{t('receipt.keep')}</p>
          </section>
          <section className="mb-3" aria-labelledby="receipt-spelled">
            <h2 id="receipt-spelled" className="h6">
              {t('receipt.spelled')}
            </h2>
            <ol className="spelled-groups">
              {codeGroups(c.trackingCode).map((group, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a symbol's place in the code is its identity
                <li key={i} aria-label={t('receipt.group', { n: i + 1 })}>
                  {group.map((symbol, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a symbol's place in the code is its identity
                    <span key={j} className="symbol">
                      {symbol}
                    </span>
                  ))}
                </li>
              ))}
            </ol>
            {canSpeak() && (
              <button type="button" className="btn btn-outline-primary btn-lg w-100" onClick={speak}>
                <Icon name="speaker" /> {t('receipt.speak')}
              </button>
            )}
          </section>
          <div
            className={`alert ${c.pending ? 'alert-warning' : 'alert-success'}`}
            role="status"
            data-testid="receipt-sync-state"
          >
            {c.pending ? t('receipt.pendingSync') : t('receipt.synced')}
          </div>
          {c.provisionalCode && c.pending && (
            <div className="alert alert-info" role="status">
              {t('receipt.provisional')}
            </div>
          )}
          {sensitive && (
            <div className="alert alert-danger" role="alert">
              {t('receipt.sensitive')}
            </div>
          )}
          <section className="mb-3">
            <h2 className="h6">{t('receipt.nextTitle')}</h2>
            <p>{t('receipt.next')}</p>
            {hotline && (
              <>
                <h2 className="h6">{t('receipt.callTitle')}</h2>
                <p>{t('receipt.call', { hotline })}</p>
              </>
            )}
          </section>
          <div className="d-grid gap-2">
            <Link href="/new" className="btn btn-success btn-lg">
              <Icon name="plus" /> {t('receipt.another')}
            </Link>
            <Link href={`/cases/${c.id}`} className="btn btn-outline-primary btn-lg">
              {t('receipt.viewCase')}
            </Link>
          </div>
        </>
      )}
    </Screen>
  );
}
