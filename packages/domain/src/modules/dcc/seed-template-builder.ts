import type { AttachmentSlot, Material, TaskLevel } from './model.js';

/** The shapes of a seed template and the small builder the COSO seed template is written with. */

export interface SeedTask {
  /** Stable across cycles made from this template, e.g. 'T20' (the old app's task id). */
  code: string;
  name: string;
  instructions: string;
  level: TaskLevel;
  /** Whether the result is shown to the other villages of the same CVD/canton. */
  shared: boolean;
  /** Codes of earlier tasks that must be done first. */
  prerequisites: string[];
  attachmentSlots: AttachmentSlot[];
  materials: Material[];
  /** The seed form's form_id (COSO_SEED_FORMS), or null for a task without a form. */
  formId: string | null;
}
export interface SeedActivity {
  /** The meeting's number on the monthly follow-up sheet (1–18). */
  meeting: number;
  name: string;
  tasks: SeedTask[];
}
export interface SeedPhase {
  name: string;
  activities: SeedActivity[];
}

export const pv: AttachmentSlot = {
  key: 'pv',
  label: 'Procès-verbal (PV)',
  required: true,
  kind: 'document',
};
export const attendance: AttachmentSlot = {
  key: 'attendance_list',
  label: 'Photo de la liste de présence',
  required: true,
  kind: 'photo',
};
export const photos: AttachmentSlot = {
  key: 'meeting_photos',
  label: 'Photos de la réunion',
  required: false,
  kind: 'photo',
};
/** The evidence every meeting of the monthly sheet leaves: minutes, attendance list, photos. */
export const MEETING_SLOTS = [pv, attendance, photos];
export const slot = (
  key: string,
  label: string,
  required: boolean,
  kind: AttachmentSlot['kind'],
): AttachmentSlot => ({
  key,
  label,
  required,
  kind,
});

export interface TaskSpec {
  level?: TaskLevel;
  form?: string;
  slots?: AttachmentSlot[];
  /** Replaces the default prerequisite (the previous task of the same activity that this one may wait for). */
  after?: string[];
  instructions?: string;
}
export type RawTask = readonly [id: number, name: string, spec?: TaskSpec];

export const ORDER: Record<TaskLevel, number> = { village: 0, cvd: 1, canton: 2, commune: 3 };

export function activity(meeting: number, name: string, raw: readonly RawTask[]): SeedActivity {
  const tasks: SeedTask[] = [];
  for (const [id, taskName, spec = {}] of raw) {
    const level = spec.level ?? 'village';
    const previous = [...tasks].reverse().find((t) => ORDER[t.level] >= ORDER[level]);
    tasks.push({
      code: `T${id}`,
      name: taskName,
      instructions: spec.instructions ?? '',
      level,
      shared: level !== 'village',
      prerequisites: spec.after ?? (previous ? [previous.code] : []),
      attachmentSlots: spec.slots ?? [],
      materials: [],
      formId: spec.form ?? null,
    });
  }
  return { meeting, name, tasks };
}

export const meetingOpening = (spec: TaskSpec = {}): TaskSpec => ({
  form: 'dcc_participation',
  slots: MEETING_SLOTS,
  instructions:
    'Noter la date et compter les participants par sexe et par âge (35 ans et moins, plus de 35 ans), les ménages représentés et les membres des minorités ethniques.',
  ...spec,
});
