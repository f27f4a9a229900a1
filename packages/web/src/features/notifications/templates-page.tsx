import { useMemo, useState } from 'react';
import {
  listTemplates,
  type NotificationTemplate,
  resetTemplate,
  saveTemplate,
} from '../../api/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { Card } from '../../ui/card';
import { ConfirmButton } from '../../ui/confirm-dialog';
import { apiFieldErrors, type FieldErrors } from '../../ui/errors';
import { TextAreaField, TextField } from '../../ui/form-fields';
import { PageHeader } from '../../ui/page-header';
import { useAsync } from '../../ui/use-async';
import { smsParts, unknownPlaceholders } from './sms-length';

const keyOf = (t: NotificationTemplate) => `${t.topic}/${t.channel}/${t.locale}`;

/** `/admin/notification-templates`: the texts of every message, per channel and language. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const templates = useAsync(() => listTemplates(), [version]);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const topics = useMemo(() => [...new Set((templates.data ?? []).map((x) => x.topic))], [templates.data]);
  const current = templates.data?.find((x) => keyOf(x) === selected) ?? templates.data?.[0];

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('templates.title') }]}
      />
      {saved && <SuccessAlert>{saved}</SuccessAlert>}
      {templates.error ? <ErrorAlert error={templates.error} /> : null}
      {!templates.data && !templates.error && <Loading />}
      <div className="row">
        <div className="col-lg-4">
          <Card title={t('templates.list')} bodyClassName="card-body p-0">
            <div className="list-group list-group-flush">
              {topics.map((topic) => (
                <div key={topic} className="list-group-item">
                  <div className="fw-semibold">{t(`topic.${topic}` as 'topic.case_assigned')}</div>
                  <div className="d-flex flex-wrap gap-1 mt-1">
                    {templates
                      .data!.filter((x) => x.topic === topic)
                      .map((x) => (
                        <button
                          key={keyOf(x)}
                          type="button"
                          aria-pressed={current && keyOf(current) === keyOf(x)}
                          className={`btn btn-sm ${current && keyOf(current) === keyOf(x) ? 'btn-primary' : 'btn-outline-secondary'}`}
                          onClick={() => setSelected(keyOf(x))}
                        >
                          {t(`notifyChannel.${x.channel}` as 'notifyChannel.sms')} · {x.locale.toUpperCase()}
                          {x.custom && ' *'}
                        </button>
                      ))}
                  </div>
                </div>
              ))}
            </div>
          </Card>
        </div>
        <div className="col-lg-8">
          {current && (
            <TemplateEditor
              key={`${keyOf(current)}#${version}`}
              template={current}
              onSaved={(message) => {
                setSaved(message);
                setVersion((v) => v + 1);
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template: NotificationTemplate;
  onSaved: (m: string) => void;
}) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const withSubject = template.channel !== 'sms';
  const unknown = unknownPlaceholders(`${subject} ${body}`, template.variables);
  const sms = template.channel === 'sms' ? smsParts(body) : null;
  const title = `${t(`topic.${template.topic}` as 'topic.case_assigned')} — ${t(`notifyChannel.${template.channel}` as 'notifyChannel.sms')} (${template.locale.toUpperCase()})`;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await saveTemplate(template, withSubject ? { subject, body } : { body });
      onSaved(t('templates.saved'));
    } catch (err) {
      setError(err);
      setErrors(apiFieldErrors(err, locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={title}>
      {error ? <ErrorAlert error={error} /> : null}
      <p className="small text-secondary">
        {t('templates.variables')}{' '}
        {template.variables.map((v) => (
          <code key={v} className="me-2">{`{${v}}`}</code>
        ))}
      </p>
      {withSubject && (
        <TextField
          id="template-subject"
          label={t('templates.subject')}
          value={subject}
          onChange={setSubject}
          error={errors.subject}
        />
      )}
      <TextAreaField
        id="template-body"
        label={t('templates.body')}
        value={body}
        onChange={setBody}
        error={errors.body}
        rows={6}
      />
      {sms && (
        <p className={`small ${sms.parts > 1 ? 'text-warning-emphasis' : 'text-secondary'}`}>
          {t('templates.smsLength', { chars: sms.chars, parts: sms.parts })}
          {sms.unicode && ` ${t('templates.smsUnicode')}`}
        </p>
      )}
      {unknown.length > 0 && (
        <p className="small text-danger">{t('templates.unknownVariables', { names: unknown.join(', ') })}</p>
      )}
      <div className="d-flex gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || unknown.length > 0 || !body.trim()}
          onClick={save}
        >
          {t('common.save')}
        </button>
        {template.custom && (
          <ConfirmButton
            label={t('templates.reset')}
            title={t('templates.reset')}
            message={t('templates.resetMessage')}
            variant="warning"
            onConfirm={async () => {
              await resetTemplate(template);
              onSaved(t('templates.resetDone'));
            }}
          />
        )}
      </div>
    </Card>
  );
}
