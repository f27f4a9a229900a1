import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import { FormDialog } from '../../ui/form-dialog';
import { TextAreaField } from '../../ui/form-fields';
import { dccApi, type TaskInstanceDetail } from './dcc-api';

/**
 * "Valider" and "Renvoyer avec un commentaire" on a submitted task, sending the version the reviewer saw;
 * if someone acted in between (409 version_conflict) the page says so and reloads instead of overwriting.
 */
export function ReviewActions(props: {
  instance: TaskInstanceDetail;
  onReviewed: (decision: 'validate' | 'return') => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const { instance } = props;
  const [open, setOpen] = useState<'validate' | 'return' | null>(null);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send() {
    if (!open) return;
    setTried(true);
    if (open === 'return' && !comment.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await dccApi.review(instance.id, {
        decision: open,
        comment: comment.trim(),
        baseVersion: instance.version,
      });
      const decision = open;
      setOpen(null);
      props.onReviewed(decision);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setOpen(null);
        props.onConflict();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const start = (decision: 'validate' | 'return') => {
    setComment('');
    setTried(false);
    setError(null);
    setOpen(decision);
  };

  return (
    <>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-success" onClick={() => start('validate')}>
          {t('dcc.review.validate')}
        </button>
        <button type="button" className="btn btn-outline-warning text-body" onClick={() => start('return')}>
          {t('dcc.review.return')}
        </button>
      </div>
      <FormDialog
        open={open !== null}
        title={open === 'return' ? t('dcc.review.returnTitle') : t('dcc.review.validateTitle')}
        submitLabel={open === 'return' ? t('dcc.review.returnSubmit') : t('dcc.review.validate')}
        variant={open === 'return' ? 'warning' : 'primary'}
        busy={busy}
        error={error}
        onSubmit={send}
        onCancel={() => setOpen(null)}
      >
        <p className="small">
          {open === 'return' ? t('dcc.review.returnHelp') : t('dcc.review.validateHelp')}
        </p>
        <TextAreaField
          id="review-comment"
          label={open === 'return' ? t('dcc.review.comment') : t('dcc.review.commentOptional')}
          value={comment}
          onChange={setComment}
          required={open === 'return'}
          rows={4}
          error={tried && open === 'return' && !comment.trim() ? t('dcc.review.commentRequired') : undefined}
        />
      </FormDialog>
    </>
  );
}
