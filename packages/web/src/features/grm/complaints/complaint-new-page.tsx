import { useState } from 'react';
import { ApiError } from '../../../api/client';
import type { Complaint } from '../../../api/complaint-types';
import { getComplaint, uploadAttachment } from '../../../api/complaints';
import { useI18n } from '../../../i18n/i18n-context';
import { PageHeader } from '../../../ui/page-header';
import { IntakeConfirmation, type UploadLine } from './intake/intake-confirmation';
import { IntakeForm } from './intake/intake-form';

/** `/complaints/new`: the intake form, then the confirmation with the tracking code and receipts. */
export default function ComplaintNewPage() {
  const { t } = useI18n();
  const [created, setCreated] = useState<Complaint | null>(null);
  const [uploads, setUploads] = useState<UploadLine[]>([]);
  const [formKey, setFormKey] = useState(0);
  // A sensitive case leaves the filer's scope as soon as it is saved (only sensitive-case focal points see it);
  // the filer keeps a short window to attach its files and print its receipt.
  const [lostAccess, setLostAccess] = useState(false);

  const update = (index: number, change: Partial<UploadLine>) =>
    setUploads((lines) => lines.map((l, i) => (i === index ? { ...l, ...change } : l)));

  // One file at a time: on a slow link the first photo arrives whole rather than all of them half.
  async function uploadAll(complaint: Complaint, files: File[]) {
    for (const [index, file] of files.entries()) {
      update(index, { status: 'uploading', percent: 0 });
      try {
        await uploadAttachment(complaint.id, file, 'evidence', (loaded, total) =>
          update(index, { percent: Math.round((loaded / total) * 100) }),
        );
        update(index, { status: 'done', percent: 100 });
      } catch (error) {
        update(index, { status: 'failed', error });
      }
    }
  }

  async function stillVisible(complaint: Complaint): Promise<boolean> {
    if (!complaint.sensitive) return true;
    try {
      await getComplaint(complaint.id);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return false;
      return true;
    }
  }

  async function onCreated(complaint: Complaint, files: File[]) {
    const visible = await stillVisible(complaint);
    setLostAccess(!visible);
    setCreated(complaint);
    setUploads(files.map((f, id) => ({ id, name: f.name, status: 'pending', percent: 0 })));
    window.scrollTo(0, 0);
    void uploadAll(complaint, files);
  }

  function startOver() {
    setCreated(null);
    setUploads([]);
    setLostAccess(false);
    setFormKey((k) => k + 1);
  }

  return (
    <>
      <PageHeader
        title={t('intake.title')}
        crumbs={[{ label: t('nav.complaints') }, { label: t('intake.title') }]}
      />
      {created ? (
        <IntakeConfirmation complaint={created} uploads={uploads} lostAccess={lostAccess} onNew={startOver} />
      ) : (
        <IntakeForm key={formKey} onCreated={onCreated} />
      )}
    </>
  );
}
