import type { FormDefinition, FormText } from '@coso/domain';
import type { Queryable } from '../../db/driver.js';

/** The forms tables (migration 0023): published versions, submissions and the files submissions claimed. */

export interface FormVersionRow {
  id: string;
  formId: string;
  version: string;
  title: FormText;
  fieldCount: number;
  createdAt: Date;
  createdBy: { id: string; displayName: string | null } | null;
}

const VERSION_COLUMNS = `
  f.id, f.form_id as "formId", f.version, f.title, f.field_count as "fieldCount", f.created_at as "createdAt",
  case when f.created_by is null then null
       else json_build_object('id', f.created_by, 'displayName', u.display_name) end as "createdBy"`;

const VERSIONS_FROM = 'forms f left join users u on u.id = f.created_by';

export async function insertFormVersion(
  q: Queryable,
  v: { id: string; definition: FormDefinition; fieldCount: number; createdBy: string | null; at: Date },
): Promise<void> {
  await q.query(
    `insert into forms (id, form_id, version, title, definition, field_count, created_by, created_at)
     values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)`,
    [
      v.id,
      v.definition.formId,
      v.definition.version,
      JSON.stringify(v.definition.title),
      JSON.stringify(v.definition),
      v.fieldCount,
      v.createdBy,
      v.at,
    ],
  );
}

export async function versionExists(q: Queryable, formId: string, version: string): Promise<boolean> {
  const rows = await q.query('select 1 from forms where form_id = $1 and version = $2', [formId, version]);
  return rows.length > 0;
}

/** Every published version, each form's latest first (forms by their id). */
export async function listFormVersions(q: Queryable): Promise<FormVersionRow[]> {
  return q.query<FormVersionRow>(
    `select ${VERSION_COLUMNS} from ${VERSIONS_FROM} order by f.form_id, f.created_at desc, f.change_seq desc`,
  );
}

export async function findFormVersion(
  q: Queryable,
  id: string,
): Promise<(FormVersionRow & { definition: FormDefinition }) | undefined> {
  const [row] = await q.query<FormVersionRow & { definition: FormDefinition }>(
    `select ${VERSION_COLUMNS}, f.definition from ${VERSIONS_FROM} where f.id = $1`,
    [id],
  );
  return row;
}

export interface SubmissionRow {
  id: string;
  formVersionId: string;
  answers: Record<string, unknown>;
  submittedBy: { id: string; displayName: string | null };
  startedAt: Date | null;
  completedAt: Date | null;
  submittedAt: Date;
}

const SUBMISSION_SELECT = `
  select s.id, s.form_version_id as "formVersionId", s.answers,
         json_build_object('id', s.submitted_by, 'displayName', u.display_name) as "submittedBy",
         s.started_at as "startedAt", s.completed_at as "completedAt", s.submitted_at as "submittedAt"
    from form_submissions s left join users u on u.id = s.submitted_by`;

export async function findSubmission(q: Queryable, id: string): Promise<SubmissionRow | undefined> {
  const [row] = await q.query<SubmissionRow>(`${SUBMISSION_SELECT} where s.id = $1`, [id]);
  return row;
}

/** Inserts the submission unless its id exists; true when this call wrote it. */
export async function insertSubmission(
  q: Queryable,
  s: {
    id: string;
    formVersionId: string;
    answers: unknown;
    submittedBy: string;
    startedAt: string | null;
    completedAt: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await q.query(
    `insert into form_submissions (id, form_version_id, answers, submitted_by, started_at, completed_at, submitted_at)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7)
     on conflict (id) do nothing returning id`,
    [s.id, s.formVersionId, JSON.stringify(s.answers), s.submittedBy, s.startedAt, s.completedAt, s.at],
  );
  return rows.length > 0;
}

export async function insertSubmissionFile(
  q: Queryable,
  f: {
    submissionId: string;
    uploadId: string;
    storageKey: string;
    kind: string | null;
    filename: string | null;
    sizeBytes: number;
  },
): Promise<void> {
  await q.query(
    `insert into form_submission_files (submission_id, upload_id, storage_key, kind, filename, size_bytes)
     values ($1, $2, $3, $4, $5, $6)`,
    [f.submissionId, f.uploadId, f.storageKey, f.kind, f.filename, f.sizeBytes],
  );
}

/** One page of a version's submissions, newest first, after the keyset `(submittedAt, id)` when given. */
export async function listSubmissions(
  q: Queryable,
  formVersionId: string,
  limit: number,
  after?: { at: string; id: string },
): Promise<SubmissionRow[]> {
  const params: unknown[] = [formVersionId, limit];
  let keyset = '';
  if (after) {
    params.push(after.at, after.id);
    keyset = 'and (s.submitted_at, s.id) < ($3::timestamptz, $4::uuid)';
  }
  return q.query<SubmissionRow>(
    `${SUBMISSION_SELECT} where s.form_version_id = $1 ${keyset}
      order by s.submitted_at desc, s.id desc limit $2`,
    params,
  );
}
