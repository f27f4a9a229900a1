import { DCC_ANSWER_FILES_SLOT } from '@coso/domain';
import { useI18n } from '../../i18n/i18n-context';
import { dccApi, type TaskFile, type TaskInstanceDetail } from './dcc-api';

const isImage = (f: TaskFile) =>
  f.kind === 'photo' || f.kind === 'image' || /\.(jpe?g|png|webp)$/i.test(f.filename ?? '');

/** The task's attachments by slot: photos as thumbnails opening full size, other files as links. */
export function TaskFiles({
  instanceId,
  task,
  files,
}: {
  instanceId: string;
  task: TaskInstanceDetail['task'];
  files: TaskFile[];
}) {
  const { t } = useI18n();
  const slots = [...task.attachmentSlots];
  // Files named by the answers (photo questions…) are shown with their answers, not as a slot of their own.
  for (const f of files)
    if (f.slot !== DCC_ANSWER_FILES_SLOT && !slots.some((s) => s.key === f.slot))
      slots.push({ key: f.slot, label: f.slot, required: false, kind: 'any' });
  if (slots.length === 0) return <p className="text-body-secondary mb-0">{t('dcc.files.noSlots')}</p>;
  return (
    <>
      {slots.map((slot) => {
        const inSlot = files.filter((f) => f.slot === slot.key);
        return (
          <section key={slot.key} className="mb-3" aria-label={slot.label}>
            <h3 className="h6">
              {slot.label}{' '}
              {slot.required && <span className="badge text-bg-light border">{t('dcc.slot.required')}</span>}
            </h3>
            {inSlot.length === 0 ? (
              <p className={`small mb-0 ${slot.required ? 'text-danger-emphasis' : 'text-body-secondary'}`}>
                {t('dcc.files.none')}
              </p>
            ) : (
              <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0">
                {inSlot.map((f) => {
                  const url = dccApi.fileUrl(instanceId, f.uploadId);
                  const name = f.filename ?? t('dcc.answers.openFile');
                  return (
                    <li key={f.uploadId}>
                      <a href={url} target="_blank" rel="noreferrer" className="d-inline-block">
                        {isImage(f) ? (
                          <img
                            src={url}
                            alt={t('dcc.files.photoAlt', { slot: slot.label, name })}
                            className="img-thumbnail"
                            style={{ width: 140, height: 105, objectFit: 'cover' }}
                            loading="lazy"
                          />
                        ) : (
                          name
                        )}
                      </a>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
