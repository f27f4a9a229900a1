import type { Material } from '@coso/domain';
import { useCallback, useEffect, useState } from 'react';
import { useField } from '../engine-context';
import { useT } from '../i18n/i18n';
import { readMaterial, removeMaterial, savedMaterials, saveMaterial } from './material-cache';
import { type MaterialRow, materialRows, sizeText } from './materials-model';

/**
 * A task's supporting material on the phone: files the facilitator downloads for offline reading (size shown
 * first), opens from the phone and removes again; external links, readable online only.
 */
export function Materials({ materials }: { materials: Material[] }) {
  const { t } = useT();
  const [saved, setSaved] = useState<Set<string>>(new Set());
  // Keyed by the file ids, not the array: a new array of the same material must not read the cache again.
  const fileIds = materials.flatMap((m) => m.fileId ?? []).join(' ');
  const reload = useCallback(() => void savedMaterials(fileIds.split(' ')).then(setSaved), [fileIds]);
  useEffect(reload, [reload]);
  const rows = materialRows(materials, saved);
  if (rows.length === 0) return null;
  return (
    <section className="mb-3" aria-labelledby="dcc-materials">
      <h2 id="dcc-materials" className="h5">
        {t('dcc.materials')}
      </h2>
      <ul className="list-unstyled">
        {rows.map((row) => (
          <li key={row.key} className="border rounded p-2 mb-2 bg-white">
            {row.type === 'link' ? (
              <>
                <a href={row.url} target="_blank" rel="noreferrer noopener">
                  {row.title}
                </a>
                <div className="small text-body-secondary">{t('dcc.material.onlineOnly')}</div>
              </>
            ) : (
              <FileMaterial row={row} onChanged={reload} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FileMaterial({
  row,
  onChanged,
}: {
  row: Extract<MaterialRow, { type: 'file' }>;
  onChanged: () => void;
}) {
  const { t, locale } = useT();
  const { session } = useField();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => () => void (opened && URL.revokeObjectURL(opened)), [opened]);
  const size = row.sizeBytes === null ? null : sizeText(row.sizeBytes, locale);

  async function act(
    fn: () => Promise<void>,
    failure: 'dcc.material.downloadFailed' | 'dcc.material.openFailed',
  ) {
    setWorking(true);
    setError(null);
    try {
      await fn();
    } catch {
      setError(t(failure));
    } finally {
      setWorking(false);
    }
  }
  const download = () =>
    act(async () => {
      await saveMaterial(row.fileId, session.token);
      onChanged();
    }, 'dcc.material.downloadFailed');
  const open = () =>
    act(async () => {
      const blob = await readMaterial(row.fileId);
      if (!blob) throw new Error('missing');
      setOpened(URL.createObjectURL(blob));
    }, 'dcc.material.openFailed');
  const remove = () =>
    act(async () => {
      await removeMaterial(row.fileId);
      setOpened(null);
      onChanged();
    }, 'dcc.material.openFailed');

  return (
    <>
      <div className="fw-semibold">{row.title}</div>
      <div className="small text-body-secondary mb-2">
        {t(`dcc.material.kind.${row.kind}`)}
        {size && ` · ${t(size.key, { n: size.n })}`}
        {row.saved && ` · ${t('dcc.material.offline')}`}
      </div>
      <div className="d-flex flex-wrap gap-2">
        {row.saved ? (
          <>
            <button type="button" className="btn btn-sm btn-primary" disabled={working} onClick={open}>
              {t('dcc.material.open', { title: row.title })}
            </button>
            <button
              type="button"
              className="btn btn-sm btn-outline-danger"
              disabled={working}
              onClick={remove}
            >
              {t('dcc.material.remove')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-sm btn-outline-primary"
            disabled={working}
            onClick={download}
          >
            {working ? t('dcc.material.downloading') : t('dcc.material.download')}
          </button>
        )}
      </div>
      {error && (
        <p className="small text-danger mt-1 mb-0" role="alert">
          {error}
        </p>
      )}
      {opened && <Viewer url={opened} row={row} />}
    </>
  );
}

/** The kept file shown from the phone: a player for audio, the picture, else a link the browser opens. */
function Viewer({ url, row }: { url: string; row: Extract<MaterialRow, { type: 'file' }> }) {
  const { t } = useT();
  if (row.kind === 'audio')
    // biome-ignore lint/a11y/useMediaCaption: training recordings come without captions.
    return <audio className="w-100 mt-2" controls src={url} aria-label={row.title} />;
  if (row.kind === 'image') return <img className="img-fluid mt-2" src={url} alt={row.title} />;
  return (
    <a
      className="d-inline-block mt-2"
      href={url}
      target="_blank"
      rel="noreferrer"
      data-testid="material-open-link"
    >
      {t('dcc.material.read', { title: row.title })}
    </a>
  );
}
