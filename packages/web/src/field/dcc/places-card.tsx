import { useState } from 'react';
import { useField, useLive } from '../engine-context';
import { useT } from '../i18n/i18n';
import { TextField } from '../ui/fields';
import { type DccPlace, GpsError, readGps, villagePlaces } from './places-model';
import { queuePlace, readPlaces } from './planning-device';

type Busy = 'village' | 'meeting_place' | null;

/**
 * The village screen's "Position" card: the village's GPS position and its meeting places, with their accuracy
 * and date; "Enregistrer la position du village" and "Ajouter un lieu de réunion" read the phone's GPS and
 * queue dcc.place.record (offline first).
 */
export function PlacesCard({ villageId }: { villageId: string }) {
  const { t, formatDate } = useT();
  const { engine } = useField();
  const places = useLive((e) => readPlaces(e), []).data ?? [];
  const { position, meetingPlaces } = villagePlaces(places, villageId);
  const [busy, setBusy] = useState<Busy>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function capture(kind: Exclude<Busy, null>) {
    if (kind === 'meeting_place' && !name.trim()) {
      setNameError(t('dcc.places.nameRequired'));
      return;
    }
    setNameError(undefined);
    setMessage(null);
    setBusy(kind);
    try {
      const reading = await readGps();
      await queuePlace(engine, villageId, kind, reading, name);
      if (kind === 'meeting_place') setName('');
      setMessage({ ok: true, text: t('dcc.places.saved', { accuracy: reading.accuracy }) });
    } catch (err) {
      const text =
        err instanceof GpsError
          ? t(`dcc.places.gps.${err.problem}`)
          : t('dcc.saveFailed', { message: err instanceof Error ? err.message : String(err) });
      setMessage({ ok: false, text });
    } finally {
      setBusy(null);
    }
  }

  const line = (p: DccPlace) => (
    <>
      <span className="d-block">
        {p.latitude.toFixed(5)}, {p.longitude.toFixed(5)}
      </span>
      <span className="d-block small">
        {p.accuracyM !== null && `${t('dcc.places.accuracy', { m: Math.round(p.accuracyM) })} · `}
        {formatDate(p.capturedAt)}
        {p.pending && ` · ${t('dcc.pending')}`}
      </span>
    </>
  );

  return (
    <section className="card card-body mb-4" aria-labelledby="dcc-places" data-testid="dcc-places">
      <h2 id="dcc-places" className="h5">
        {t('dcc.places.title')}
      </h2>
      <div className="mb-2" data-testid="dcc-village-position">
        {position ? line(position) : <p className="small mb-0">{t('dcc.places.noPosition')}</p>}
      </div>
      <button
        type="button"
        className="btn btn-outline-primary btn-lg w-100 mb-3"
        disabled={busy !== null}
        onClick={() => void capture('village')}
      >
        {busy === 'village' ? t('dcc.places.locating') : t('dcc.places.recordVillage')}
      </button>
      <h3 className="h6">{t('dcc.places.meetingPlaces')}</h3>
      {meetingPlaces.length === 0 && <p className="small">{t('dcc.places.noMeetingPlace')}</p>}
      <ul className="list-unstyled d-grid gap-2" data-testid="dcc-meeting-places">
        {meetingPlaces.map((p) => (
          <li key={p.id}>
            <span className="fw-semibold d-block">{p.name}</span>
            {line(p)}
          </li>
        ))}
      </ul>
      <TextField
        id="dcc-place-name"
        label={t('dcc.places.name')}
        value={name}
        onChange={setName}
        error={nameError}
      />
      <button
        type="button"
        className="btn btn-outline-primary btn-lg w-100"
        disabled={busy !== null}
        onClick={() => void capture('meeting_place')}
      >
        {busy === 'meeting_place' ? t('dcc.places.locating') : t('dcc.places.addMeetingPlace')}
      </button>
      {message && (
        <p
          className={`mt-3 mb-0 ${message.ok ? 'text-success-emphasis' : 'text-warning-emphasis'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
