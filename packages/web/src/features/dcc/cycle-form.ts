import type { CycleCreateBody } from './dcc-api';

/** What the "Nouveau cycle" dialog holds while it is being filled. */
export interface CycleFormValues {
  name: string;
  year: string;
  startsOn: string;
  endsOn: string;
  areaIds: string[];
  /** 'coso' (the seed template) or the id of the cycle to copy. */
  templateSource: string;
}

/** Field → message key of the first problem found; every field is checked at once. */
export type CycleFormErrors = Partial<
  Record<
    'name' | 'year' | 'startsOn' | 'endsOn' | 'areaIds' | 'templateSource',
    | 'dcc.cycleForm.nameRequired'
    | 'dcc.cycleForm.yearInvalid'
    | 'dcc.cycleForm.dateRequired'
    | 'dcc.cycleForm.endBeforeStart'
    | 'dcc.cycleForm.areasRequired'
    | 'dcc.cycleForm.templateRequired'
  >
>;

export function emptyCycleForm(year: number): CycleFormValues {
  return {
    name: `COSO ${year}`,
    year: String(year),
    startsOn: '',
    endsOn: '',
    areaIds: [],
    templateSource: 'coso',
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request body, or the problems to show beside the fields (the server checks the same again). */
export function cycleBody(v: CycleFormValues): { body: CycleCreateBody } | { errors: CycleFormErrors } {
  const errors: CycleFormErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = 'dcc.cycleForm.nameRequired';
  const year = Number(v.year);
  if (!/^\d{4}$/.test(v.year.trim()) || year < 2000 || year > 2100) errors.year = 'dcc.cycleForm.yearInvalid';
  if (!ISO_DATE.test(v.startsOn)) errors.startsOn = 'dcc.cycleForm.dateRequired';
  if (!ISO_DATE.test(v.endsOn)) errors.endsOn = 'dcc.cycleForm.dateRequired';
  else if (ISO_DATE.test(v.startsOn) && v.endsOn < v.startsOn) errors.endsOn = 'dcc.cycleForm.endBeforeStart';
  if (v.areaIds.length === 0) errors.areaIds = 'dcc.cycleForm.areasRequired';
  if (!v.templateSource) errors.templateSource = 'dcc.cycleForm.templateRequired';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      name,
      year,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      areaIds: v.areaIds,
      template: v.templateSource === 'coso' ? 'coso' : { fromCycleId: v.templateSource },
    },
  };
}
