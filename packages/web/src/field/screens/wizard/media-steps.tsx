import { useEffect, useRef, useState } from 'react';
import { maxBytes } from '../../../ui/files';
import { useT } from '../../i18n/i18n';
import { type AudioRecording, compressPhoto, MediaError, startAudioRecording } from '../../platform/media';
import { Icon } from '../../ui/icons';
import type { StepProps } from './step-props';

const MIB = 1024 * 1024;
let counter = 0;
const nextKey = () => `f${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The sentence for a media failure (the platform's codes), or a generic one. */
function useMediaError() {
  const { t, tx } = useT();
  return (error: unknown) =>
    error instanceof MediaError ? tx(`media.${error.code}`, error.message) : t('error.unknown');
}

function audioExtension(type: string): string {
  if (type.includes('ogg')) return 'ogg';
  if (type.includes('mp4')) return 'm4a';
  return 'webm';
}

export function PhotosStep(p: StepProps) {
  const { t } = useT();
  const mediaError = useMediaError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photos = p.files.filter((f) => f.kind === 'photo');

  async function add(list: FileList | null) {
    setError(null);
    setBusy(true);
    try {
      for (const original of Array.from(list ?? [])) {
        const blob = await compressPhoto(original);
        if (blob.size > maxBytes('image')) {
          setError(t('media.tooBig', { name: original.name, max: maxBytes('image') / MIB }));
          continue;
        }
        const n = p.files.filter((f) => f.kind === 'photo').length + 1;
        const file = { blob, name: `photo-${Date.now()}-${n}.jpg`, type: 'image/jpeg' };
        p.addFile({ key: nextKey(), kind: 'photo', file, url: URL.createObjectURL(blob) });
      }
    } catch (err) {
      setError(mediaError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="form-text">{t('wizard.h.photos')}</p>
      <label
        className={`btn btn-primary btn-lg w-100 d-flex align-items-center justify-content-center gap-2 mb-3 ${busy ? 'disabled' : ''}`}
      >
        <Icon name="camera" /> {busy ? t('media.compressing') : t('media.takePhoto')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          disabled={busy}
          data-testid="wizard-photo-input"
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <ul className="list-unstyled media-grid">
        {photos.map((f, i) => (
          <li key={f.key}>
            <img src={f.url} alt={t('media.photoAlt', { n: i + 1 })} />
            <button
              type="button"
              className="btn btn-outline-danger w-100"
              onClick={() => p.removeFile(f.key)}
            >
              <Icon name="trash" size={18} /> {t('media.removePhoto', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Record, stop, listen, delete: statements of complainants who cannot write. */
export function AudioStep(p: StepProps) {
  const { t } = useT();
  const mediaError = useMediaError();
  const [recording, setRecording] = useState<AudioRecording | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recordings = p.files.filter((f) => f.kind === 'audio');
  const live = useRef<{ rec: AudioRecording | null; keep: (blob: Blob, type: string) => void }>({
    rec: null,
    keep: () => {},
  });

  const keep = (blob: Blob, type: string) => {
    if (blob.size === 0) return;
    if (blob.size > maxBytes('audio')) {
      setError(
        t('media.tooBig', {
          name: t('media.recordingN', { n: recordings.length + 1 }),
          max: maxBytes('audio') / MIB,
        }),
      );
      return;
    }
    const file = { blob, name: `enregistrement-${Date.now()}.${audioExtension(type)}`, type };
    p.addFile({ key: nextKey(), kind: 'audio', file, url: URL.createObjectURL(blob) });
  };
  live.current.keep = keep;

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [recording]);

  // Leaving the step while recording keeps what was said rather than losing it.
  useEffect(
    () => () => {
      const rec = live.current.rec;
      if (rec) void rec.stop().then((blob) => live.current.keep(blob, rec.type));
    },
    [],
  );

  async function start() {
    setError(null);
    try {
      const rec = await startAudioRecording();
      live.current.rec = rec;
      setSeconds(0);
      setRecording(rec);
    } catch (err) {
      setError(mediaError(err));
    }
  }

  async function stop() {
    const rec = recording;
    if (!rec) return;
    live.current.rec = null;
    setRecording(null);
    keep(await rec.stop(), rec.type);
  }

  return (
    <>
      <p className="form-text">{t('wizard.h.audio')}</p>
      {recording ? (
        <button
          type="button"
          className="btn btn-danger btn-lg w-100 d-flex align-items-center justify-content-center gap-2 mb-3"
          onClick={stop}
        >
          <Icon name="stop" /> {t('media.stop')}
          <span className="ms-2" aria-live="polite">
            {t('media.recording', { seconds })}
          </span>
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-lg w-100 d-flex align-items-center justify-content-center gap-2 mb-3"
          onClick={start}
        >
          <Icon name="mic" /> {t('media.record')}
        </button>
      )}
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <ul className="list-unstyled">
        {recordings.map((f, i) => (
          <li key={f.key} className="mb-3">
            <span className="field-label d-block">{t('media.recordingN', { n: i + 1 })}</span>
            {/* biome-ignore lint/a11y/useMediaCaption: a spoken statement recorded on the spot has no captions */}
            <audio src={f.url} controls className="w-100 mb-1" />
            <button
              type="button"
              className="btn btn-outline-danger w-100"
              onClick={() => p.removeFile(f.key)}
            >
              <Icon name="trash" size={18} /> {t('media.removeRecording', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
