import { useRef, useState } from 'react';
import { isGeoPoint } from '../../forms/values';
import type { InputProps } from './runner-types';

/**
 * geopoint: "Capturer ma position" asks the phone's GPS (high accuracy, 30 s at most) and shows the accuracy,
 * so the facilitator can try again outdoors when it is poor.
 */
export function GeopointInput(p: InputProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const point = isGeoPoint(p.value) ? p.value : undefined;

  function capture() {
    if (!navigator.geolocation) {
      setFailed(true);
      return;
    }
    setBusy(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const { latitude, longitude, altitude, accuracy } = pos.coords;
        p.onChange({
          lat: Number(latitude.toFixed(6)),
          lon: Number(longitude.toFixed(6)),
          ...(altitude !== null ? { alt: Math.round(altitude) } : {}),
          accuracy: Math.round(accuracy),
        });
      },
      () => {
        setBusy(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 10_000 },
    );
  }

  return (
    <div>
      {!p.readOnly && (
        <button
          type="button"
          id={p.id}
          className="btn btn-primary btn-lg w-100 fr-big"
          disabled={busy}
          aria-describedby={p.describedBy}
          onClick={capture}
        >
          {busy ? p.t('runner.geoCapturing') : p.t('runner.geoCapture')}
        </button>
      )}
      {failed && (
        <div className="fr-error" role="alert">
          {p.t('runner.geoDenied')}
        </div>
      )}
      {point && (
        <p className="mt-2 mb-0" aria-live="polite">
          {p.t('runner.geoPoint', { lat: point.lat, lon: point.lon })}
          {point.accuracy !== undefined && (
            <span className="d-block fw-semibold">{p.t('runner.geoAccuracy', { m: point.accuracy })}</span>
          )}
        </p>
      )}
      {point && !p.readOnly && (
        <button
          type="button"
          className="btn btn-outline-secondary btn-lg w-100 mt-2"
          onClick={() => p.onChange(undefined)}
        >
          {p.t('runner.geoClear')}
        </button>
      )}
    </div>
  );
}

/** signature: drawn with a finger on a canvas (pointer events), kept as a PNG once the user says so. */
export function SignatureInput(p: InputProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = typeof p.value === 'string' && p.value ? p.value : undefined;
  const url = ref ? p.media.url(ref) : undefined;

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const box = c.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) * c.width) / box.width,
      y: ((e.clientY - box.top) * c.height) / box.height,
    };
  };
  const ctx = () => {
    const c = canvas.current?.getContext('2d');
    if (c) {
      c.lineWidth = 3;
      c.lineCap = 'round';
      c.strokeStyle = '#111';
    }
    return c;
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setDrawn(false);
  };
  async function keep() {
    const c = canvas.current;
    if (!c) return;
    setBusy(true);
    try {
      const blob = await new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/png'));
      if (blob) p.onChange(await p.media.keep({ blob, name: `${p.field.name}.png`, type: 'image/png' }));
      clear();
    } finally {
      setBusy(false);
    }
  }

  if (ref)
    return (
      <div>
        <p className="mb-1 fw-semibold">{p.t('runner.signed')}</p>
        {url && <img className="fr-signature-img" src={url} alt={p.t('runner.signed')} />}
        {!p.readOnly && (
          <button
            type="button"
            className="btn btn-outline-danger btn-lg w-100 mt-2"
            onClick={() => p.onChange(undefined)}
          >
            {p.t('runner.signClear')}
          </button>
        )}
      </div>
    );
  if (p.readOnly) return <p className="fr-readonly">—</p>;
  return (
    <div>
      <p className="fr-hint mb-1">{p.t('runner.signHere')}</p>
      <canvas
        ref={canvas}
        id={p.id}
        role="img"
        aria-label={p.t('runner.signHere')}
        aria-describedby={p.describedBy}
        className="fr-signature"
        width={640}
        height={280}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const c = ctx();
          const { x, y } = point(e);
          c?.beginPath();
          c?.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const c = ctx();
          const { x, y } = point(e);
          c?.lineTo(x, y);
          c?.stroke();
          setDrawn(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
      <div className="fr-row mt-2">
        <button type="button" className="btn btn-outline-secondary btn-lg" onClick={clear} disabled={!drawn}>
          {p.t('runner.signClear')}
        </button>
        <button type="button" className="btn btn-success btn-lg" onClick={keep} disabled={!drawn || busy}>
          {p.t('runner.signKeep')}
        </button>
      </div>
    </div>
  );
}
