import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert, Loading, SuccessAlert } from '../../ui/alerts';
import { useAsync } from '../../ui/use-async';
import { type CycleTemplate, dccApi, type TemplateTask } from './dcc-api';
import { TaskEditDialog } from './task-edit-dialog';
import { replaceTask } from './template-edit';

/** The cycle's template: phases → activities → tasks, each task with its level, sharing, form and slots. */
export function TemplateTree({
  cycleId,
  editable,
  draft,
}: {
  cycleId: string;
  editable: boolean;
  draft: boolean;
}) {
  const { t } = useI18n();
  const template = useAsync(() => dccApi.template(cycleId), [cycleId]);
  const [editing, setEditing] = useState<TemplateTask | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (!template.data) return template.error ? <ErrorAlert error={template.error} /> : <Loading />;
  const data: CycleTemplate = template.data;
  const allTasks = data.phases.flatMap((p) => p.activities.flatMap((a) => a.tasks));
  const count = allTasks.length;

  return (
    <>
      <p className="small text-body-secondary">
        {t('dcc.templateSummary', { phases: data.phases.length, tasks: count })}
      </p>
      {saved && <SuccessAlert>{t('dcc.taskSaved', { name: saved })}</SuccessAlert>}
      {data.phases.map((phase) => (
        <details key={phase.id} className="card mb-2" open={data.phases.length <= 2}>
          <summary className="card-header fw-semibold">
            {phase.order}. {phase.name}{' '}
            <span className="text-body-secondary fw-normal small">
              {t('dcc.activityCount', { n: phase.activities.length })}
            </span>
          </summary>
          <div className="card-body py-2">
            {phase.activities.map((activity) => (
              <section key={activity.id} className="mb-3" aria-label={activity.name}>
                <h3 className="h6 mb-1">
                  {phase.order}.{activity.order} {activity.name}
                </h3>
                <ul className="list-group">
                  {activity.tasks.map((task) => (
                    <li key={task.id} className="list-group-item d-flex flex-wrap align-items-center gap-2">
                      <code className="small">{task.code}</code>
                      <span className="me-auto">{task.name}</span>
                      <span className="badge text-bg-info">{t(`dcc.level.${task.level}`)}</span>
                      {task.shared && (
                        <span className="badge text-bg-secondary">{t('dcc.task.sharedBadge')}</span>
                      )}
                      <span className="small text-body-secondary">
                        {task.formId ? t('dcc.task.formIs', { form: task.formId }) : t('dcc.task.noForm')}
                      </span>
                      <span className="small text-body-secondary">
                        {t('dcc.task.slotCount', {
                          n: task.attachmentSlots.length,
                          required: task.attachmentSlots.filter((s) => s.required).length,
                        })}
                      </span>
                      {editable && (
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          aria-label={t('dcc.task.editLabel', { name: task.name })}
                          onClick={() => {
                            setSaved(null);
                            setEditing(task);
                          }}
                        >
                          {t('common.edit')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </details>
      ))}
      {editing && (
        <TaskEditDialog
          task={editing}
          tasks={allTasks}
          draft={draft}
          onCancel={() => setEditing(null)}
          onSaved={(task) => {
            template.setData(replaceTask(data, task));
            setEditing(null);
            setSaved(task.name);
          }}
        />
      )}
    </>
  );
}
