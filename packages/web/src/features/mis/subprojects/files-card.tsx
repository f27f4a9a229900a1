import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { Card } from '../../../ui/card';
import { FormDialog } from '../../../ui/form-dialog';
import { TextField } from '../../../ui/form-fields';
import { misApi, type SubprojectFile } from './mis-api';
import { useProofUploads } from './proof-uploads';

const isImage = (f: SubprojectFile) => f.kind === 'photo' || /^image\//.test(f.contentType ?? '');

/** The sub-project's photos (thumbnails opening full size) and documents (links), with "Ajouter…". */
export function FilesCard(props: {
  subprojectId: string;
  files: SubprojectFile[];
  canManage: boolean;
  onAdded: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('mis.files.title')}
      tools={
        props.canManage && (
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setOpen(true)}>
            {t('mis.files.add')}
          </button>
        )
      }
    >
      {props.files.length === 0 ? (
        <p className="text-body-secondary mb-0">{t('mis.files.none')}</p>
      ) : (
        <ul className="list-unstyled d-flex flex-wrap gap-3 mb-0" data-testid="mis-files">
          {props.files.map((f) => {
            const url = misApi.fileUrl(props.subprojectId, f.id);
            const name = f.caption || f.filename || t('mis.files.open');
            return (
              <li key={f.id} style={{ maxWidth: 160 }}>
                <a href={url} target="_blank" rel="noreferrer" className="d-inline-block">
                  {isImage(f) ? (
                    <img
                      src={url}
                      alt={t('mis.files.photoAlt', { name })}
                      className="img-thumbnail"
                      style={{ width: 150, height: 112, objectFit: 'cover' }}
                      loading="lazy"
                    />
                  ) : (
                    name
                  )}
                </a>
                <div className="small text-body-secondary">
                  {t(`mis.files.kind.${f.kind}`)} · {formatDate(f.takenOn ?? f.addedAt, Boolean(f.takenOn))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {open && (
        <AddFilesDialog
          subprojectId={props.subprojectId}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onAdded();
          }}
        />
      )}
    </Card>
  );
}

function AddFilesDialog(props: { subprojectId: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const uploads = useProofUploads('mis-files', t('mis.files.choose'));
  const [caption, setCaption] = useState('');
  const [takenOn, setTakenOn] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      await misApi.addFiles(props.subprojectId, {
        uploadIds: uploads.ids,
        ...(caption.trim() ? { caption: caption.trim() } : {}),
        ...(takenOn ? { takenOn } : {}),
      });
      props.onDone();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open
      title={t('mis.files.add')}
      submitLabel={t('common.save')}
      busy={busy}
      error={failure}
      submitDisabled={uploads.busy || uploads.ids.length === 0}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      {uploads.field}
      <TextField
        id="mis-files-caption"
        label={t('mis.files.caption')}
        value={caption}
        onChange={setCaption}
        maxLength={200}
      />
      <TextField
        id="mis-files-taken"
        type="date"
        label={t('mis.files.takenOn')}
        value={takenOn}
        onChange={setTakenOn}
      />
    </FormDialog>
  );
}
