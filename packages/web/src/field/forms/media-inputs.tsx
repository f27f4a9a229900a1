import { useEffect, useRef, useState } from 'react';
import type { InputProps, RunnerFile } from './runner-types';

const refOf = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Keeps a file through the media adapter and answers its reference; a failure is shown under the input. */
function useKeep(p: InputProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function keep(make: () => Promise<RunnerFile | undefined>) {
    setBusy(true);
    setError(null);
    try {
      const file = await make();
      if (file) p.onChange(await p.media.keep(file));
    } catch (err) {
      setError(p.t('runner.attachFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }
  const problem = error && (
    <div className="fr-error" role="alert">
      {error}
    </div>
  );
  return { busy, keep, problem };
}

function RemoveButton(p: InputProps) {
  if (p.readOnly) return null;
  return (
    <button
      type="button"
      className="btn btn-outline-danger btn-lg w-100 mt-2"
      onClick={() => p.onChange(undefined)}
    >
      {p.t('runner.remove')}
    </button>
  );
}

/** image: the camera (`capture=environment`), re-encoded small by the adapter, with a thumbnail. */
export function ImageInput(p: InputProps) {
  const { busy, keep, problem } = useKeep(p);
  const ref = refOf(p.value);
  const url = ref ? p.media.url(ref) : undefined;
  return (
    <div>
      {!p.readOnly && (
        <label className={`btn btn-primary btn-lg w-100 fr-big${busy ? ' disabled' : ''}`}>
          {busy ? p.t('runner.photoBusy') : p.t('runner.photoTake')}
          <input
            id={p.id}
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={busy}
            aria-describedby={p.describedBy}
            onChange={(e) => {
              const original = e.target.files?.[0];
              e.target.value = '';
              if (!original) return;
              void keep(async () => {
                const blob = p.media.preparePhoto ? await p.media.preparePhoto(original) : original;
                const type = p.media.preparePhoto ? 'image/jpeg' : original.type || 'image/jpeg';
                return { blob, type, name: p.media.preparePhoto ? `${p.field.name}.jpg` : original.name };
              });
            }}
          />
        </label>
      )}
      {problem}
      {ref && (
        <figure className="fr-thumb mt-2">
          {url && <img src={url} alt={p.t('runner.photoAlt', { label: p.label })} />}
          <RemoveButton {...p} />
        </figure>
      )}
    </div>
  );
}

/** file: any document from the phone. */
export function FileInput(p: InputProps) {
  const { busy, keep, problem } = useKeep(p);
  const ref = refOf(p.value);
  return (
    <div>
      {!p.readOnly && (
        <label className={`btn btn-outline-primary btn-lg w-100 fr-big${busy ? ' disabled' : ''}`}>
          {p.t('runner.fileChoose')}
          <input
            id={p.id}
            type="file"
            className="visually-hidden"
            disabled={busy}
            aria-describedby={p.describedBy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void keep(async () => ({ blob: file, name: file.name, type: file.type }));
            }}
          />
        </label>
      )}
      {problem}
      {ref && (
        <>
          <p className="mt-2 mb-0">{p.t('runner.fileAttached', { name: p.media.name?.(ref) ?? ref })}</p>
          <RemoveButton {...p} />
        </>
      )}
    </div>
  );
}

/** audio: record with the microphone (MediaRecorder through the adapter), or choose an audio file. */
export function AudioInput(p: InputProps) {
  const { busy, keep, problem } = useKeep(p);
  const [recording, setRecording] = useState<Awaited<ReturnType<NonNullable<typeof p.media.record>>> | null>(
    null,
  );
  const [seconds, setSeconds] = useState(0);
  const [unsupported, setUnsupported] = useState(!p.media.record);
  const ref = refOf(p.value);
  const url = ref ? p.media.url(ref) : undefined;
  const live = useRef(recording);
  live.current = recording;

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [recording]);
  // Leaving the page mid-recording releases the microphone.
  useEffect(() => () => live.current?.cancel(), []);

  async function start() {
    try {
      const rec = await p.media.record!();
      setSeconds(0);
      setRecording(rec);
    } catch {
      setUnsupported(true);
    }
  }
  function stop() {
    const rec = recording;
    if (!rec) return;
    setRecording(null);
    const ext = rec.type.includes('ogg') ? 'ogg' : rec.type.includes('mp4') ? 'm4a' : 'webm';
    void keep(async () => {
      const blob = await rec.stop();
      return blob.size ? { blob, type: rec.type, name: `${p.field.name}.${ext}` } : undefined;
    });
  }

  return (
    <div>
      {!p.readOnly && !unsupported && (
        <button
          type="button"
          id={p.id}
          className={`btn btn-lg w-100 fr-big ${recording ? 'btn-danger' : 'btn-primary'}`}
          disabled={busy}
          aria-describedby={p.describedBy}
          onClick={recording ? stop : start}
        >
          {recording ? p.t('runner.recordStop', { seconds }) : p.t('runner.record')}
        </button>
      )}
      {!p.readOnly && unsupported && p.media.record && (
        <p className="fr-hint">{p.t('runner.recordUnsupported')}</p>
      )}
      {!p.readOnly && !recording && (
        <label className="btn btn-outline-secondary btn-lg w-100 fr-big mt-2">
          {p.t('runner.recordFallback')}
          <input
            type="file"
            accept="audio/*"
            className="visually-hidden"
            {...(unsupported ? { id: p.id, 'aria-describedby': p.describedBy } : {})}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void keep(async () => ({ blob: file, name: file.name, type: file.type }));
            }}
          />
        </label>
      )}
      {problem}
      {ref && (
        <div className="mt-2">
          {/* biome-ignore lint/a11y/useMediaCaption: a voice answer recorded on the spot has no captions */}
          {url && <audio src={url} controls className="w-100" />}
          <RemoveButton {...p} />
        </div>
      )}
    </div>
  );
}
