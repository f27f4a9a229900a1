import { MATERIAL_KINDS } from '@coso/domain';
import { uploadFile } from '../../api/upload';
import { useI18n } from '../../i18n/i18n-context';
import { ACCEPTED_FILES, fileKind, formatSize, maxBytes } from '../../ui/files';
import { useAuth } from '../auth/auth-context';
import { type MaterialDraft, type MaterialProblem, moveMaterial } from './materials-edit';

/**
 * The supporting material of a task as editable rows: title, then a link (kind and http(s) address) or a file
 * (PDF, audio or image, uploaded at once through the resumable uploads and claimed when the task is saved);
 * move up and down, remove, add.
 */
export function MaterialsEditor(props: {
  materials: MaterialDraft[];
  problems: MaterialProblem[];
  onChange: (update: (rows: MaterialDraft[]) => MaterialDraft[]) => void;
}) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const { materials, onChange } = props;
  const update = (index: number, patch: Partial<MaterialDraft>) =>
    onChange((rows) => rows.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const problemOf = (index: number, field: MaterialProblem['field']) =>
    props.problems.some((p) => p.index === index && p.field === field);

  async function choose(index: number, file: File | undefined) {
    if (!file) return;
    const kind = fileKind(file);
    const fresh = { fileId: undefined, uploadId: undefined, fileName: file.name, sizeBytes: file.size };
    if (!kind) return update(index, { ...fresh, failed: t('intake.fileBadType', { name: file.name }) });
    if (file.size > maxBytes(kind))
      return update(index, {
        ...fresh,
        failed: t('intake.fileTooBig', { name: file.name, max: maxBytes(kind) / (1024 * 1024) }),
      });
    update(index, { ...fresh, kind, sent: 0, failed: undefined });
    // The row may move while its file uploads: the result is matched by the file's name and size, not the index.
    const mine = (m: MaterialDraft) => m.fileName === file.name && m.sizeBytes === file.size && !m.uploadId;
    const patchMine = (patch: Partial<MaterialDraft>) =>
      onChange((rows) => rows.map((m) => (mine(m) ? { ...m, ...patch } : m)));
    try {
      const uploadId = await uploadFile(file, {
        csrfToken: me?.csrfToken ?? null,
        locale,
        onProgress: (sent) => patchMine({ sent }),
      });
      patchMine({ uploadId, sent: undefined });
    } catch (error) {
      patchMine({ sent: undefined, failed: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <fieldset className="mb-2">
      <legend className="form-label fs-6">{t('dcc.task.materials')}</legend>
      {materials.length === 0 && <p className="small text-body-secondary">{t('dcc.task.noMaterials')}</p>}
      {materials.map((m, index) => {
        const n = index + 1;
        const id = `material-${index}`;
        const fileLabel = m.fileName ?? (m.fileId ? t('dcc.material.storedFile') : undefined);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved.
          <div key={index} className="border rounded p-2 mb-2" data-testid="material-row">
            <div className="row g-2 align-items-start">
              <div className="col-md-5">
                <label htmlFor={`${id}-title`} className="visually-hidden">
                  {t('dcc.material.titleN', { n })}
                </label>
                <input
                  id={`${id}-title`}
                  className={`form-control form-control-sm${problemOf(index, 'title') ? ' is-invalid' : ''}`}
                  value={m.title}
                  placeholder={t('dcc.material.title')}
                  maxLength={200}
                  onChange={(e) => update(index, { title: e.target.value })}
                />
                {problemOf(index, 'title') && (
                  <div className="invalid-feedback">{t('dcc.material.titleRequired')}</div>
                )}
              </div>
              <div className="col-md-3">
                <label htmlFor={`${id}-source`} className="visually-hidden">
                  {t('dcc.material.sourceN', { n })}
                </label>
                <select
                  id={`${id}-source`}
                  className="form-select form-select-sm"
                  value={m.source}
                  onChange={(e) => update(index, { source: e.target.value as MaterialDraft['source'] })}
                >
                  <option value="file">{t('dcc.material.source.file')}</option>
                  <option value="link">{t('dcc.material.source.link')}</option>
                </select>
              </div>
              <div className="col-md-4 d-flex gap-1 justify-content-end">
                <button
                  type="button"
                  className="btn btn-sm btn-outline-secondary"
                  disabled={index === 0}
                  aria-label={t('dcc.material.upN', { n, title: m.title })}
                  onClick={() => onChange((rows) => moveMaterial(rows, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-sm btn-outline-secondary"
                  disabled={index === materials.length - 1}
                  aria-label={t('dcc.material.downN', { n, title: m.title })}
                  onClick={() => onChange((rows) => moveMaterial(rows, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-sm btn-outline-danger"
                  aria-label={t('dcc.material.removeN', { n, title: m.title })}
                  onClick={() => onChange((rows) => rows.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </div>
            </div>
            {m.source === 'link' ? (
              <div className="row g-2 mt-1">
                <div className="col-md-3">
                  <label htmlFor={`${id}-kind`} className="visually-hidden">
                    {t('dcc.material.kindN', { n })}
                  </label>
                  <select
                    id={`${id}-kind`}
                    className="form-select form-select-sm"
                    value={m.kind}
                    onChange={(e) => update(index, { kind: e.target.value as MaterialDraft['kind'] })}
                  >
                    {MATERIAL_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`dcc.material.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="col-md-9">
                  <label htmlFor={`${id}-url`} className="visually-hidden">
                    {t('dcc.material.urlN', { n })}
                  </label>
                  <input
                    id={`${id}-url`}
                    type="url"
                    className={`form-control form-control-sm${problemOf(index, 'url') ? ' is-invalid' : ''}`}
                    value={m.url}
                    placeholder="https://"
                    maxLength={2000}
                    onChange={(e) => update(index, { url: e.target.value })}
                  />
                  {problemOf(index, 'url') && (
                    <div className="invalid-feedback">{t('dcc.material.urlInvalid')}</div>
                  )}
                </div>
              </div>
            ) : (
              <div className="mt-1">
                <label htmlFor={`${id}-file`} className="form-label small mb-1">
                  {t('dcc.material.fileN', { n })}
                </label>
                <input
                  id={`${id}-file`}
                  type="file"
                  accept={ACCEPTED_FILES}
                  className={`form-control form-control-sm${problemOf(index, 'file') ? ' is-invalid' : ''}`}
                  onChange={(e) => void choose(index, e.target.files?.[0])}
                />
                <div className="form-text" aria-live="polite">
                  {fileLabel && (
                    <span>
                      {fileLabel}
                      {m.sizeBytes !== undefined && ` · ${formatSize(m.sizeBytes, locale)}`}
                      {m.fileId && !m.uploadId && ` · ${t(`dcc.material.kind.${m.kind}`)}`}
                    </span>
                  )}
                  {m.sent !== undefined && m.sizeBytes ? (
                    <span>
                      {' '}
                      · {t('dcc.material.sending', { pct: Math.round((100 * m.sent) / m.sizeBytes) })}
                    </span>
                  ) : null}
                  {m.uploadId && <span> · {t('dcc.material.uploaded')}</span>}
                </div>
                {m.failed && <div className="text-danger small">{m.failed}</div>}
                {problemOf(index, 'file') && !m.failed && (
                  <div className="invalid-feedback d-block">
                    {m.sent !== undefined ? t('dcc.material.stillSending') : t('dcc.material.fileRequired')}
                  </div>
                )}
              </div>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-sm btn-outline-secondary"
        onClick={() => onChange((rows) => [...rows, { title: '', kind: 'pdf', source: 'file', url: '' }])}
      >
        {t('dcc.material.add')}
      </button>
    </fieldset>
  );
}
