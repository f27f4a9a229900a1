import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './alerts';

interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  children: ReactNode;
  busy?: boolean;
  error?: unknown;
  wide?: boolean;
  variant?: 'primary' | 'danger' | 'warning';
  /** Nothing can be confirmed as the form stands (the body says why). */
  submitDisabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * A small form in a modal native <dialog> (focus trapped, Escape cancels), styled like Bootstrap's modal.
 * The first field gets the focus; the submit button is the last one of the footer.
 */
export function FormDialog(props: FormDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { open, onCancel, onSubmit } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog
        .querySelector<HTMLElement>('.modal-body input, .modal-body select, .modal-body textarea')
        ?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className={`confirm-dialog${props.wide ? ' form-dialog-wide' : ''} p-0 border-0 rounded-3 shadow`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!props.busy) onCancel();
      }}
    >
      {open && (
        <form className="modal-content" onSubmit={submit} noValidate>
          <div className="modal-header">
            <h2 id={titleId} className="modal-title fs-5">
              {props.title}
            </h2>
          </div>
          <div className="modal-body">
            <ErrorAlert error={props.error} />
            {props.children}
          </div>
          <div className="modal-footer">
            <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={props.busy}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className={`btn btn-${props.variant ?? 'primary'}`}
              disabled={props.busy || props.submitDisabled}
            >
              {props.busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
              {props.submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
