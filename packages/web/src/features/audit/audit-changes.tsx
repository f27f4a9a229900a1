import { useI18n } from '../../i18n/i18n-context';

type FieldChange = { from: unknown; to: unknown };

function isFieldChanges(changes: Record<string, unknown>): changes is Record<string, FieldChange> {
  const values = Object.values(changes);
  return (
    values.length > 0 &&
    values.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && 'from' in v && 'to' in v)
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** "field: before → after" when the server recorded per-field changes, else the raw JSON. */
export function AuditChanges({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useI18n();
  if (!changes || Object.keys(changes).length === 0) return <span className="text-secondary">—</span>;
  if (!isFieldChanges(changes)) {
    return <pre className="audit-changes">{JSON.stringify(changes, null, 2)}</pre>;
  }
  return (
    <ul className="list-unstyled small mb-0">
      {Object.entries(changes).map(([field, change]) => (
        <li key={field}>
          <span className="fw-semibold">{field}</span> :{' '}
          <span className="text-danger">{show(change.from)}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden">{t('audit.becomes')}</span>
          <span className="text-success">{show(change.to)}</span>
        </li>
      ))}
    </ul>
  );
}
