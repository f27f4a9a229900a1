import { expect, type Page } from '@playwright/test';
import type { FieldApp } from './field-app.js';

/** The counts of the participation form (domain modules/dcc/seed-forms: participationPage). */
export interface Participation {
  date: string;
  menLe35: number;
  womenLe35: number;
  menGt35: number;
  womenGt35: number;
  households: number;
  minorities: number;
}

const LABELS: Record<Exclude<keyof Participation, 'date'>, RegExp> = {
  menLe35: /^Hommes — 35 ans et moins/,
  womenLe35: /^Femmes — 35 ans et moins/,
  menGt35: /^Hommes — Plus de 35 ans/,
  womenGt35: /^Femmes — Plus de 35 ans/,
  households: /^Ménages représentés/,
  minorities: /^Participants des minorités ethniques/,
};

export interface PhoneFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The DCC screens of the field app (/terrain/dcc) on a phone: villages, a village's tasks, a task, its form. */
export class DccPhone {
  constructor(
    private readonly page: Page,
    private readonly field: FieldApp,
  ) {}

  async openVillage(name: string) {
    await this.page.getByRole('link', { name: `Ouvrir le village ${name}` }).click();
    await expect(this.page).toHaveURL(/\/terrain\/dcc\/villages\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  /** Opens the village's task by its instance id (the link the village screen lists). */
  async openTask(instanceId: string) {
    await this.page.locator(`a[data-testid="dcc-task"][href$="/tasks/${instanceId}"]`).click();
    await expect(this.page).toHaveURL(new RegExp(`/tasks/${instanceId}$`));
  }

  /** Opens the task's form (first time or resumed). */
  async openForm() {
    await this.page.getByTestId('dcc-fill').click();
    await expect(this.page).toHaveURL(/\/form$/);
  }

  async fill(values: Partial<Participation>) {
    if (values.date) await this.page.getByLabel(/^Date de la réunion/).fill(values.date);
    for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, RegExp][]) {
      const v = values[key];
      if (v !== undefined) await this.page.getByLabel(label).fill(String(v));
    }
  }

  /**
   * Back to the task screen from the form: the typed answers are kept on the phone a moment after the typing
   * stops, so the task screen is awaited until it says the form is complete.
   */
  async backToTask() {
    await this.page.waitForTimeout(1200);
    await this.page
      .getByRole('link', { name: /Retour/ })
      .first()
      .click();
    await expect(this.page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect(
      this.page.getByText('Formulaire rempli : toutes les réponses obligatoires sont données.'),
    ).toBeVisible();
  }

  /** Puts a file in an attachment slot (camera or file chooser) and waits until it waits on the phone. */
  async attach(slotLabel: string, file: PhoneFile) {
    const slot = this.page.getByTestId('dcc-slot').filter({ hasText: slotLabel });
    await slot.locator('input[type=file]').setInputFiles(file);
    await expect(slot.getByText(/en attente d’envoi$/)).toBeVisible({ timeout: 30_000 });
  }

  /** "Marquer comme terminé": nothing missing, the task is queued. */
  async complete() {
    await this.page.getByRole('button', { name: 'Marquer comme terminé' }).click();
    await expect(
      this.page.getByText('Tâche marquée comme terminée : elle partira à la prochaine synchronisation.'),
    ).toBeVisible();
    await expect(this.page.getByTestId('dcc-problems')).toHaveCount(0);
  }

  /** A sync pass from the sync screen (an in-app navigation), then back to the page it left. */
  async syncNow() {
    const back = this.page.url();
    await this.field.openSync();
    await this.page.getByTestId('sync-now').click();
    await this.field.expectNothingPending(30_000);
    await expect(this.field.badge).toContainText('À jour', { timeout: 30_000 });
    await this.page.goBack();
    await expect(this.page).toHaveURL(back);
  }
}

/** What the API says of a task instance (GET /api/v1/dcc/task-instances/:id), as far as the story reads it. */
export interface TaskDetail {
  id: string;
  status: string;
  version: number;
  unitId: string;
  unitName: string | null;
  answers: Record<string, unknown> | null;
  returnComment: string | null;
  files: { slot: string; uploadId: string; filename: string | null }[];
}

interface Api {
  get(url: string): Promise<{ ok(): boolean; json(): Promise<unknown> }>;
}

const DONE = ['submitted', 'validated'];

/**
 * A village-level task of the active cycle, still to do for the caller (a facilitator), whose form is the
 * participation form and whose prerequisites are done for the same village: found through the API, so that
 * the story runs on whatever the demo data holds.
 */
export async function findParticipationTask(api: Api, formId = 'dcc_participation') {
  const read = async <T>(url: string) => {
    const res = await api.get(url);
    expect(res.ok(), url).toBe(true);
    return (await res.json()) as T;
  };
  const cycles = await read<{ items: { id: string; status: string }[] }>('/api/v1/dcc/cycles');
  const cycle = cycles.items.find((c) => c.status === 'active');
  expect(cycle, 'an active cycle').toBeDefined();
  type Task = { id: string; level: string; formId: string | null; prerequisites: string[] };
  const template = await read<{ phases: { activities: { tasks: Task[] }[] }[] }>(
    `/api/v1/dcc/cycles/${cycle!.id}/template`,
  );
  const tasks = new Map(
    template.phases.flatMap((p) => p.activities.flatMap((a) => a.tasks)).map((t) => [t.id, t]),
  );
  type Item = { id: string; taskId: string; unitId: string; unitName: string; status: string };
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Item[]; nextCursor: string | null } = await read(
      `/api/v1/dcc/task-instances?cycleId=${cycle!.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const statusOf = (taskId: string, unitId: string) =>
    items.find((i) => i.taskId === taskId && i.unitId === unitId)?.status;
  const found = items.find((i) => {
    const task = tasks.get(i.taskId);
    return (
      i.status === 'todo' &&
      task?.level === 'village' &&
      task.formId === formId &&
      task.prerequisites.every((p) => DONE.includes(statusOf(p, i.unitId) ?? ''))
    );
  });
  expect(found, 'a participation task to do whose prerequisites are done').toBeDefined();
  return { cycleId: cycle!.id, instanceId: found!.id, villageId: found!.unitId, village: found!.unitName };
}
