import { type CreateComplaintInput, createComplaintSchema } from '@coso/domain';
import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import type { Complaint } from '../../../../api/complaint-types';
import { createComplaint } from '../../../../api/complaints';
import { useI18n } from '../../../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../../../ui/alerts';
import { apiFieldErrors, type FieldErrors, validateWith } from '../../../../ui/errors';
import { useReference } from '../use-reference';
import { ClassificationSection } from './classification-section';
import { ComplainantSection } from './complainant-section';
import { FactsSection } from './facts-section';
import { FilesSection } from './files-section';
import { EMPTY_INTAKE, type IntakeValues, intakeBody } from './intake-values';
import { PlaceSection } from './place-section';

// Inputs where a plain Enter would submit the form by accident (the browser's implicit submission).
const NO_IMPLICIT_SUBMIT = new Set(['text', 'search', 'tel', 'email', 'number', 'date', 'url']);

/** Field ids by API path, to move the focus to the first field in error. */
const FIELD_IDS: Record<string, string> = {
  type: 'intake-type',
  category: 'intake-category',
  channel: 'intake-channel',
  'complainant.anonymous': 'intake-named',
  'complainant.name': 'intake-name',
  'complainant.phone': 'intake-phone',
  'complainant.email': 'intake-email',
  'complainant.whatsapp': 'intake-whatsapp',
  'complainant.groupSize': 'intake-group-size',
  description: 'intake-description',
  receivedAt: 'intake-received-at',
  incidentDate: 'intake-incident-date',
  villageId: 'intake-village',
  latitude: 'intake-latitude',
  longitude: 'intake-longitude',
};

const COMPLAINANT_FIELDS = new Set<keyof IntakeValues>([
  'anonymous',
  'name',
  'phone',
  'email',
  'whatsapp',
  'postalAddress',
  'preferredLanguage',
  'confidential',
  'onBehalfOf',
  'kind',
  'groupSize',
  'gender',
  'ageGroup',
  'vulnerabilities',
]);

/** The API path of a form value ("name" → "complainant.name", "village" → "villageId"). */
function errorPath(key: keyof IntakeValues): string {
  if (key === 'village') return 'villageId';
  return COMPLAINANT_FIELDS.has(key) ? `complainant.${key}` : key;
}

/**
 * The intake form of a hotline operator or a focal point: one page, keyboard first (autofocus on the type,
 * Enter never submits from a text box, Ctrl+Enter submits from anywhere), checked with the domain schema.
 */
export function IntakeForm({ onCreated }: { onCreated: (complaint: Complaint, files: File[]) => void }) {
  const { locale, t } = useI18n();
  const reference = useReference();
  const [values, setValues] = useState<IntakeValues>(EMPTY_INTAKE);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Most calls are complaints: the first type is preselected once the lists arrive.
  const firstType = reference.options('types')[0]?.value;
  useEffect(() => {
    if (firstType) setValues((v) => (v.type ? v : { ...v, type: firstType }));
  }, [firstType]);

  // A corrected field loses its error at once; the others keep theirs until the next submit.
  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const path = errorPath(key);
    setErrors((e) =>
      Object.keys(e).some((k) => k === path || k.startsWith(`${path}.`))
        ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== path && !k.startsWith(`${path}.`)))
        : e,
    );
  };

  function focusFirstError(found: FieldErrors) {
    const first = Object.keys(FIELD_IDS).find((path) =>
      Object.keys(found).some((k) => k === path || k.startsWith(`${path}.`)),
    );
    const id = first ? FIELD_IDS[first] : undefined;
    if (id) document.getElementById(id)?.focus();
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setError(null);
    const checked = validateWith(createComplaintSchema, intakeBody(values), locale, t, true);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await createComplaint(checked.data as CreateComplaintInput);
      onCreated(created, files);
    } catch (err) {
      setError(err);
      const found = apiFieldErrors(err, locale, true);
      setErrors(found);
      focusFirstError(found);
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && NO_IMPLICIT_SUBMIT.has(target.type)) e.preventDefault();
  }

  // The form appears with its lists: the autofocused type box must already hold its options.
  if (!reference.lists && !reference.error) return <Loading />;

  const props = { values, set, errors, reference };
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-describedby="intake-shortcut">
      <ErrorAlert error={reference.error} />
      <ClassificationSection {...props} />
      <ComplainantSection {...props} />
      <FactsSection {...props} />
      <PlaceSection {...props} />
      <FilesSection files={files} onChange={setFiles} />
      <ErrorAlert error={error} />
      <div className="d-flex flex-wrap align-items-center gap-3 mb-4">
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
          {t('intake.submit')}
        </button>
        <span id="intake-shortcut" className="text-secondary small">
          {t('intake.shortcut')}
        </span>
      </div>
    </form>
  );
}
