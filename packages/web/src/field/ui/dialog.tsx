import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A modal built on the native <dialog> (focus trap, Escape, backdrop come with it). */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="field-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} className="h5">
        {props.title}
      </h2>
      <div className="mb-3">{props.children}</div>
      <div className="d-grid gap-2">{props.actions}</div>
    </dialog>
  );
}
