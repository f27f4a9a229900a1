import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading } from '../../ui/alerts';
import { useAsync } from '../../ui/use-async';
import { formsApi } from '../forms/forms-api';
import { type AnswerRow, answerRows } from './answer-rows';
import { dccApi, type TaskFile } from './dcc-api';

/** The submitted answers, read-only, as question/answer lines of the form version they were filled against. */
export function TaskAnswers(props: {
  instanceId: string;
  formVersionId: string | null | undefined;
  answers: Record<string, unknown> | null;
  files: TaskFile[];
}) {
  const { t, locale, formatNumber } = useI18n();
  const { formVersionId, answers } = props;
  const form = useAsync(
    () => (formVersionId ? formsApi.get(formVersionId) : Promise.resolve(null)),
    [formVersionId],
  );
  if (!answers || Object.keys(answers).length === 0)
    return <p className="text-body-secondary">{t('dcc.answers.none')}</p>;
  if (form.loading) return <Loading />;
  if (form.error || !form.data) {
    return (
      <>
        <ErrorAlert error={form.error} />
        <pre className="small bg-body-tertiary p-2">{JSON.stringify(answers, null, 2)}</pre>
      </>
    );
  }
  const rows = answerRows(form.data.definition, answers as never, {
    locale,
    yes: t('common.yes'),
    no: t('common.no'),
    other: t('dcc.answers.other'),
    instance: (n) => t('dcc.answers.instance', { n }),
    formatNumber,
  });
  const fileOf = (ref: string) => props.files.find((f) => f.uploadId === ref);
  const value = (r: ValueRow) =>
    r.kind === 'answer' ? (
      r.text
    ) : (
      <a href={dccApi.fileUrl(props.instanceId, r.ref)} target="_blank" rel="noreferrer">
        {fileOf(r.ref)?.filename ?? t('dcc.answers.openFile')}
      </a>
    );
  // A group's or repeat's heading sits between lists (a <dl> holds only term/value pairs).
  return (
    <div className="dcc-answers">
      {sections(rows).map((section) =>
        section.kind === 'heading' ? (
          <p
            key={section.row.key}
            className="fw-semibold border-bottom mt-2 mb-0"
            style={{ paddingInlineStart: `${section.row.depth}rem` }}
          >
            {section.row.label}
          </p>
        ) : (
          <dl key={section.key} className="mb-0">
            {section.rows.map((r) => (
              <div
                key={r.key}
                className="row py-1 border-bottom"
                style={{ paddingInlineStart: `${r.depth}rem` }}
              >
                <dt className="col-sm-6 fw-normal text-body-secondary">{r.label}</dt>
                <dd className="col-sm-6 mb-0 text-break">{value(r)}</dd>
              </div>
            ))}
          </dl>
        ),
      )}
    </div>
  );
}

type ValueRow = Exclude<AnswerRow, { kind: 'heading' }>;
type Section =
  | { kind: 'heading'; row: Extract<AnswerRow, { kind: 'heading' }> }
  | { kind: 'list'; key: string; rows: ValueRow[] };

/** Rows cut into headings and the runs of answers between them. */
function sections(rows: readonly AnswerRow[]): Section[] {
  const out: Section[] = [];
  for (const r of rows) {
    if (r.kind === 'heading') out.push({ kind: 'heading', row: r });
    else {
      const last = out.at(-1);
      if (last?.kind === 'list') last.rows.push(r);
      else out.push({ kind: 'list', key: r.key, rows: [r] });
    }
  }
  return out;
}
