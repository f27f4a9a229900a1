import { useEffect, useState } from 'react';
import { isGeoPoint, parseGeopoint } from '../../../forms/values';
import { useI18n } from '../../../i18n/i18n-context';
import type { InputProps } from './basic-inputs';
import { useFieldTexts } from './field-shell';
import { useRender } from './render-context';

/** Latitude and longitude boxes, and "Ma position" from the browser's geolocation (with its accuracy). */
export function GeopointInput({ path, field, value, readOnly }: InputProps) {
  const { t, formatNumber } = useI18n();
  const { setValue } = useRender();
  const { id, invalid, describedBy } = useFieldTexts(path, field);
  const point = isGeoPoint(value) ? value : null;
  const [lat, setLat] = useState(point ? String(point.lat) : '');
  const [lon, setLon] = useState(point ? String(point.lon) : '');
  const [status, setStatus] = useState<string | null>(null);

  // A point set from elsewhere (initial answers, "Ma position") replaces the boxes unless they already say it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer re-syncs the boxes, not typing.
  useEffect(() => {
    if (!isGeoPoint(value)) return;
    const typed = parseGeopoint(lat, lon);
    if (isGeoPoint(typed) && typed.lat === value.lat && typed.lon === value.lon) return;
    setLat(String(value.lat));
    setLon(String(value.lon));
  }, [value]);

  const commit = (a: string, o: string) => setValue(path, parseGeopoint(a, o) ?? undefined);

  function locate() {
    if (!navigator.geolocation) {
      setStatus(t('renderer.positionFailed', { reason: '—' }));
      return;
    }
    setStatus(t('renderer.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const { latitude, longitude, altitude, accuracy } = pos.coords;
        setLat(String(latitude));
        setLon(String(longitude));
        setValue(path, {
          lat: latitude,
          lon: longitude,
          ...(altitude === null ? {} : { alt: altitude }),
          accuracy,
        });
        setStatus(t('renderer.accuracy', { m: formatNumber(Math.round(accuracy)) }));
      },
      (err) => setStatus(t('renderer.positionFailed', { reason: err.message })),
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  }

  const box = (which: 'lat' | 'lon') => (
    <div className="col-auto">
      <label htmlFor={`${id}-${which}`} className="form-label small mb-1">
        {t(which === 'lat' ? 'renderer.latitude' : 'renderer.longitude')}
      </label>
      <input
        id={`${id}-${which}`}
        type="text"
        inputMode="decimal"
        className={`form-control${invalid ? ' is-invalid' : ''}`}
        style={{ maxWidth: '11rem' }}
        value={which === 'lat' ? lat : lon}
        readOnly={readOnly}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          if (which === 'lat') setLat(e.target.value);
          else setLon(e.target.value);
          commit(which === 'lat' ? e.target.value : lat, which === 'lon' ? e.target.value : lon);
        }}
      />
    </div>
  );

  return (
    <div className="row g-2 align-items-end">
      {box('lat')}
      {box('lon')}
      {!readOnly && (
        <div className="col-auto">
          <button type="button" className="btn btn-outline-secondary" onClick={locate}>
            {t('renderer.myPosition')}
          </button>
        </div>
      )}
      {status && (
        <div className="col-12 small text-body-secondary" role="status">
          {status}
        </div>
      )}
      {point?.accuracy !== undefined && !status && (
        <div className="col-12 small text-body-secondary">
          {t('renderer.accuracy', { m: formatNumber(Math.round(point.accuracy)) })}
        </div>
      )}
    </div>
  );
}
