/**
 * Forms as data (issue #14, docs/decisions/0021-forms-as-data.md). `forms` holds one row per published version
 * of a form: a version never changes once published (a new XLSForm version is a new row), so old submissions
 * stay readable with the definition they were filled against. Versions are synced to the devices of the users
 * who may read forms (the `forms` pull source): change_seq, its unique index and the stamp trigger, as every
 * synced table (migration 0010). Versions are never deleted, so no removal trigger.
 *
 * `form_submissions` keeps one row per filled form, keyed by the id the client chose (a device retrying a
 * submission, or a REST client retrying a POST, writes nothing twice), with its answers normalized and validated
 * by the server. `form_submission_files` records the attachments (photos, recordings, signatures) a submission
 * claimed from the resumable uploads: the answer holds the upload id, the bytes move to the file store.
 */
export const sql = /* sql */ `
create table forms (
  id uuid primary key,
  form_id text not null,
  version text not null,
  title jsonb not null,
  definition jsonb not null,
  field_count int not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  change_seq bigint not null,
  unique (form_id, version)
);
create unique index forms_change_seq on forms (change_seq);
create index forms_latest on forms (form_id, created_at desc);
create trigger forms_sync_stamp before insert or update on forms
  for each row execute function sync_stamp();

create table form_submissions (
  id uuid primary key,
  form_version_id uuid not null references forms (id),
  answers jsonb not null,
  submitted_by uuid not null references users (id),
  started_at timestamptz,
  completed_at timestamptz,
  submitted_at timestamptz not null default now()
);
create index form_submissions_newest on form_submissions (form_version_id, submitted_at desc, id desc);

create table form_submission_files (
  submission_id uuid not null references form_submissions (id),
  upload_id uuid not null,
  storage_key text not null,
  kind text,
  filename text,
  size_bytes bigint not null,
  primary key (submission_id, upload_id)
);
`;
