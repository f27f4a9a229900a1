import { useMemo, useState } from 'react';
import { areaVillages, type GeoNode, placeLabel, searchVillages } from '../../geo';
import { useT } from '../../i18n/i18n';
import { ChoiceList, FieldError, TextArea } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import type { StepProps } from './step-props';

const SHOWN = 30;

/** The user's villages first (their jurisdiction), searchable without network; one tap to choose. */
export function VillageStep(p: StepProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const villages = useMemo(() => areaVillages(p.geo.index, p.geo.actor), [p.geo]);
  const found = searchVillages(villages, query);
  const chosen = p.values.village;
  // The chosen village stays visible whatever the search says.
  const shown = found.slice(0, SHOWN).filter((v) => v.id !== chosen?.id);

  const choose = (v: GeoNode) => {
    const label = placeLabel(p.geo.index, v.id);
    p.set('village', {
      id: v.id,
      code: v.code,
      name: v.name,
      level: v.level,
      parentId: v.parentId,
      context: label.startsWith(`${v.name} (`) ? label.slice(v.name.length + 2, -1) : '',
    });
  };

  if (!p.geo.loading && villages.length === 0) {
    return (
      <div className="alert alert-warning" role="alert">
        {t('wizard.noVillages')}
      </div>
    );
  }
  return (
    <>
      <label htmlFor="wizard-village-search" className="field-label">
        {t('field.villageSearch')}
      </label>
      <input
        id="wizard-village-search"
        type="search"
        className="form-control form-control-lg mb-3"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <ChoiceList
        name="wizard-village"
        legend={t('wizard.q.village')}
        hideLegend
        choices={[
          ...(chosen
            ? [{ value: chosen.id, label: placeLabel(p.geo.index, chosen.id), icon: 'pin' as const }]
            : []),
          ...shown.map((v) => ({ value: v.id, label: placeLabel(p.geo.index, v.id), icon: 'pin' as const })),
        ]}
        value={chosen?.id ?? ''}
        onChange={(id) => {
          const v = p.geo.index.get(id);
          if (v) choose(v);
        }}
        error={p.issue('villageId')}
      />
      {found.length === 0 && <p className="text-body-secondary">{t('field.villageNone')}</p>}
      {found.length > SHOWN && (
        <p className="text-body-secondary">{t('field.villageMore', { n: found.length - SHOWN })}</p>
      )}
    </>
  );
}

type GpsState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed' } | { kind: 'done'; accuracy: number };

/** An optional GPS point (one tap, from the phone) and words about the place. */
export function PlaceStep(p: StepProps) {
  const { t } = useT();
  const [gps, setGps] = useState<GpsState>({ kind: 'idle' });
  const hasPoint = p.values.latitude !== '' && p.values.longitude !== '';

  function locate() {
    if (!navigator.geolocation) {
      setGps({ kind: 'failed' });
      return;
    }
    setGps({ kind: 'busy' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        p.set('latitude', pos.coords.latitude.toFixed(6));
        p.set('longitude', pos.coords.longitude.toFixed(6));
        setGps({ kind: 'done', accuracy: Math.round(pos.coords.accuracy) });
      },
      () => setGps({ kind: 'failed' }),
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  }

  return (
    <>
      <p className="form-text">{t('wizard.h.place')}</p>
      <div className="mb-3">
        <span className="field-label d-block">{t('field.gps')}</span>
        {hasPoint && (
          <p className="fs-5 mb-2" aria-live="polite">
            {gps.kind === 'done'
              ? t('field.gpsValue', {
                  lat: p.values.latitude,
                  lng: p.values.longitude,
                  accuracy: gps.accuracy,
                })
              : `${p.values.latitude}, ${p.values.longitude}`}
          </p>
        )}
        <div className="d-grid gap-2">
          <button
            type="button"
            className="btn btn-outline-primary btn-lg d-flex align-items-center justify-content-center gap-2"
            onClick={locate}
            disabled={gps.kind === 'busy'}
          >
            <Icon name="pin" /> {gps.kind === 'busy' ? t('field.gpsTaking') : t('field.gpsTake')}
          </button>
          {hasPoint && (
            <button
              type="button"
              className="btn btn-outline-secondary btn-lg"
              onClick={() => {
                p.set('latitude', '');
                p.set('longitude', '');
                setGps({ kind: 'idle' });
              }}
            >
              {t('field.gpsClear')}
            </button>
          )}
        </div>
        {gps.kind === 'failed' && <p className="text-warning-emphasis mt-2">{t('field.gpsFailed')}</p>}
        <FieldError id="wizard-gps-error" text={p.issue('latitude') ?? p.issue('longitude')} />
      </div>
      <TextArea
        id="wizard-place"
        rows={3}
        label={t('field.placeDescription')}
        value={p.values.placeDescription}
        onChange={(x) => p.set('placeDescription', x)}
        error={p.issue('placeDescription')}
      />
    </>
  );
}
