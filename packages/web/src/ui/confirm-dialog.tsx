import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert } from './alerts';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  variant?: 'danger' | 'primary' | 'warning';
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal built on the native <dialog>: focus is trapped and Escape closes it without extra code.
 * Styled with Bootstrap's modal classes.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { open, onCancel } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog p-0 border-0 rounded-3 shadow"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <div className="modal-content">
          <div className="modal-header">
            <h2 id={titleId} className="modal-title fs-5">
              {props.title}
            </h2>
          </div>
          <div className="modal-body">
            <div>{props.children}</div>
            <ErrorAlert error={props.error} className="mt-3 mb-0" />
          </div>
          <div className="modal-footer">
            <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={props.busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={`btn btn-${props.variant ?? 'danger'}`}
              onClick={props.onConfirm}
              disabled={props.busy}
            >
              {props.confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

interface ConfirmButtonProps {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  variant?: 'danger' | 'primary' | 'warning';
  className?: string;
  disabled?: boolean;
  /** Runs on confirmation; the dialog stays open and shows the error when it throws. */
  onConfirm: () => Promise<unknown>;
}

/** A button that asks before doing something that cannot be undone (delete, deactivate, revoke). */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const variant = props.variant ?? 'danger';

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={props.className ?? `btn btn-outline-${variant}`}
        disabled={props.disabled}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {props.label}
      </button>
      <ConfirmDialog
        open={open}
        title={props.title}
        confirmLabel={props.confirmLabel ?? props.label}
        variant={variant}
        busy={busy}
        error={error}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        {props.message}
      </ConfirmDialog>
    </>
  );
}
