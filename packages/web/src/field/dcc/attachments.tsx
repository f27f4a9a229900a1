import type { AttachmentSlot } from '@coso/domain';
import { useState } from 'react';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { compressPhoto } from '../platform/media';
import { loadWork, queueAttachment, saveWork, type TaskWork } from './dcc-device';
import type { DccInstance } from './dcc-rows';

const ACCEPT: Record<AttachmentSlot['kind'], string | undefined> = {
  photo: 'image/*',
  document: 'application/pdf,image/*',
  audio: 'audio/*',
  any: undefined,
};

/**
 * A task's attachment slots: what the server already holds, what waits on this phone, and (while the task is
 * editable) a camera or file button per slot. A chosen file is queued at once with `dcc.task.attach` (stored
 * with the outbox entry, uploaded before it, resumable).
 */
export function AttachmentSlots(props: {
  instance: DccInstance;
  slots: readonly AttachmentSlot[];
  work: TaskWork;
  refused: ReadonlySet<string>;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useT();
  const { engine, store } = useField();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(slot: AttachmentSlot, original: File) {
    setBusy(slot.key);
    setError(null);
    try {
      const photo = slot.kind === 'photo' && original.type.startsWith('image/');
      const blob = photo ? await compressPhoto(original) : original;
      const file = {
        blob,
        name: photo ? `${slot.key}.jpg` : original.name,
        type: photo ? 'image/jpeg' : original.type || 'application/octet-stream',
      };
      const entry = await queueAttachment(engine, props.instance, slot.key, file);
      const work = await loadWork(store, props.instance.id);
      await saveWork(store, props.instance.id, {
        ...work,
        attachments: [
          ...work.attachments,
          {
            slot: slot.key,
            name: file.name,
            type: file.type,
            mutationId: entry.mutation.id,
            queuedAt: entry.mutation.clientTime,
          },
        ],
      });
      props.onChanged();
    } catch (err) {
      setError(t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  }

  if (!props.slots.length) return null;
  return (
    <section className="mb-4" aria-labelledby="dcc-attachments">
      <h2 id="dcc-attachments" className="h5">
        {t('dcc.attachments')}
      </h2>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <ul className="list-unstyled d-grid gap-3">
        {props.slots.map((slot) => {
          const onServer = props.instance.files.filter((f) => f.slot === slot.key);
          const queued = props.work.attachments.filter((a) => a.slot === slot.key);
          const inputId = `dcc-slot-${slot.key}`;
          return (
            <li key={slot.key} className="card card-body" data-testid="dcc-slot" data-slot={slot.key}>
              <p className="fw-semibold mb-1">
                {slot.label}
                {slot.required && <span className="ms-1 small">({t('dcc.required')})</span>}
              </p>
              {!onServer.length && !queued.length && <p className="small mb-2">{t('dcc.slotEmpty')}</p>}
              <ul className="small mb-2 ps-3">
                {onServer.map((f) => (
                  <li key={f.uploadId}>{f.filename ?? t('dcc.slotOnServer')}</li>
                ))}
                {queued.map((a) => (
                  <li key={a.mutationId}>
                    {t(props.refused.has(a.mutationId) ? 'dcc.slotRefused' : 'dcc.slotQueued', {
                      name: a.name,
                    })}
                  </li>
                ))}
              </ul>
              {props.editable && (
                <label
                  htmlFor={inputId}
                  className={`btn btn-outline-primary btn-lg w-100${busy ? ' disabled' : ''}`}
                >
                  {busy === slot.key
                    ? t('dcc.preparing')
                    : t(slot.kind === 'photo' ? 'dcc.takePhoto' : 'dcc.chooseFile')}
                  <input
                    id={inputId}
                    type="file"
                    className="visually-hidden"
                    aria-label={`${t(slot.kind === 'photo' ? 'dcc.takePhoto' : 'dcc.chooseFile')} : ${slot.label}`}
                    accept={ACCEPT[slot.kind]}
                    {...(slot.kind === 'photo' ? { capture: 'environment' as const } : {})}
                    disabled={busy !== null}
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      e.target.value = '';
                      if (file) void add(slot, file);
                    }}
                  />
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
