import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { InputProps } from './basic-inputs';
import { useFieldTexts } from './field-shell';
import { useRender } from './render-context';

const ACCEPT: Record<string, string | undefined> = { image: 'image/*', audio: 'audio/*', file: undefined };

/** image / audio / file: a file input; the answer is the reference the media adapter gives the stored file. */
export function FileInput({ path, field, value, readOnly, required }: InputProps) {
  const { t } = useI18n();
  const { setValue, media } = useRender();
  const { id, describedBy, invalid } = useFieldTexts(path, field);
  const inputRef = useRef<HTMLInputElement>(null);
  const ref = typeof value === 'string' && value ? value : undefined;
  const url = ref ? media.url(ref) : undefined;

  async function choose(file: File | undefined) {
    if (!file) return;
    setValue(path, await media.store(file, file.name));
  }

  return (
    <div>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={ACCEPT[field.type]}
        className={`form-control${invalid ? ' is-invalid' : ''}`}
        style={{ maxWidth: '28rem' }}
        disabled={readOnly}
        required={required}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {ref && (
        <div className="d-flex flex-wrap align-items-center gap-2 mt-2">
          {field.type === 'image' && url && (
            <img
              src={url}
              alt={media.name(ref) ?? ''}
              className="img-thumbnail"
              style={{ maxHeight: '8rem' }}
            />
          )}
          {field.type === 'audio' && url && (
            // biome-ignore lint/a11y/useMediaCaption: a recording made in the field has no captions.
            <audio src={url} controls />
          )}
          <span className="small">{t('renderer.fileChosen', { name: media.name(ref) ?? ref })}</span>
          {!readOnly && (
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              onClick={() => {
                setValue(path, undefined);
                if (inputRef.current) inputRef.current.value = '';
              }}
            >
              {t('renderer.removeFile')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * A signature drawn with pointer events (mouse, finger, stylus); saved as a PNG through the media adapter
 * when the stroke ends. The canvas is focusable and named so it is reachable; the clear button is the
 * keyboard's way to act on it.
 */
export function SignatureInput({ path, field, value, readOnly }: InputProps) {
  const { t } = useI18n();
  const { setValue, media } = useRender();
  const { id, label, describedBy } = useFieldTexts(path, field);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const ref = typeof value === 'string' && value ? value : undefined;
  const [shown, setShown] = useState<string | undefined>(undefined);

  // A signature from elsewhere (initial answers) is drawn back as an image.
  useEffect(() => {
    setShown(ref ? media.url(ref) : undefined);
  }, [ref, media]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    ] as const;
  };
  const ctx = () => canvas.current?.getContext('2d') ?? null;

  function end() {
    if (!drawing.current) return;
    drawing.current = false;
    canvas.current?.toBlob((blob) => {
      if (blob) void media.store(blob, `${field.name}.png`).then((r) => setValue(path, r));
    }, 'image/png');
  }

  function clear() {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setShown(undefined);
    setValue(path, undefined);
  }

  return (
    <div>
      <p id={`${id}-how`} className="form-text mt-0 mb-1">
        {t('renderer.signatureHint')}
      </p>
      <div className="position-relative border rounded bg-body" style={{ width: 'min(100%, 28rem)' }}>
        {shown && (
          // Under the pen: strokes must still reach the canvas (a positioned image paints above it).
          <img
            src={shown}
            alt=""
            className="position-absolute top-0 start-0 w-100 h-100"
            style={{ pointerEvents: 'none' }}
          />
        )}
        <canvas
          id={id}
          ref={canvas}
          width={560}
          height={200}
          className="d-block w-100"
          style={{ touchAction: 'none', cursor: readOnly ? 'default' : 'crosshair' }}
          role="img"
          aria-label={t('renderer.signatureCanvas', { label })}
          aria-describedby={[`${id}-how`, describedBy].filter(Boolean).join(' ')}
          tabIndex={0}
          onPointerDown={(e) => {
            if (readOnly) return;
            const c = ctx();
            if (!c) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            drawing.current = true;
            const [x, y] = point(e);
            c.lineWidth = 3;
            c.lineCap = 'round';
            c.strokeStyle = '#111';
            c.beginPath();
            c.moveTo(x, y);
          }}
          onPointerMove={(e) => {
            if (!drawing.current) return;
            const c = ctx();
            const [x, y] = point(e);
            c?.lineTo(x, y);
            c?.stroke();
          }}
          onPointerUp={end}
          onPointerCancel={end}
        />
      </div>
      <div className="d-flex align-items-center gap-2 mt-1">
        {!readOnly && (
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={clear}>
            {t('renderer.signatureClear')}
          </button>
        )}
        {ref && (
          <span className="small text-success" role="status">
            {t('renderer.signed')}
          </span>
        )}
      </div>
    </div>
  );
}

/** Object URLs for the preview: nothing leaves the browser, nothing is stored. */
export function previewMedia() {
  const files = new Map<string, { url: string; name: string }>();
  let n = 0;
  return {
    async store(blob: Blob, fileName: string) {
      n += 1;
      const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80) || 'file';
      const ref = `preview-${n}-${safe}`;
      files.set(ref, { url: URL.createObjectURL(blob), name: fileName });
      return ref;
    },
    url: (ref: string) => files.get(ref)?.url,
    name: (ref: string) => files.get(ref)?.name,
  };
}
