import type { FormDefinition } from '@coso/domain';
import { useMemo, useState } from 'react';
import { FormRunner } from '../../field/forms/form-runner';
import { useI18n } from '../../i18n/i18n-context';
import { SuccessAlert } from '../../ui/alerts';
import { previewMedia } from './renderer/media-inputs';

/** The field app's runner itself, in a 360 px frame: what a facilitator's phone shows; nothing is kept. */
export default function PhonePreview({ definition }: { definition: FormDefinition }) {
  const { t, locale } = useI18n();
  const [sent, setSent] = useState(false);
  const media = useMemo(() => {
    const store = previewMedia();
    return {
      keep: (file: { blob: Blob; name: string }) => store.store(file.blob, file.name),
      url: store.url,
      name: store.name,
    };
  }, []);
  return (
    <div>
      {sent && <SuccessAlert>{t('forms.detail.phoneSubmitted')}</SuccessAlert>}
      <section
        aria-label={t('forms.detail.phoneFrame')}
        className="phone-frame mx-auto border border-4 border-dark rounded-4 overflow-auto bg-body"
        style={{ width: 360 + 8, height: 740, maxWidth: '100%' }}
      >
        <FormRunner
          definition={definition}
          locale={locale}
          media={media}
          onSubmit={() => {
            setSent(true);
          }}
        />
      </section>
    </div>
  );
}
