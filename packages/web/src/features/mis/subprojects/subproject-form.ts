import { type CreateSubprojectInput, togoDate } from '@coso/domain';
import type { MessageKey } from '../../../i18n/translate';
import { readCoordinate, readCount, readFcfa, readMeasure } from './presenters';

/** The new sub-project form as typed: every number is text until it is read (presenters.read*). */
export interface SubprojectFormValues {
  place: { id: string; level: string } | null;
  title: string;
  component: string;
  sector: string;
  type: string;
  estimatedCost: string;
  /** The day it was identified (its first step): today unless an older sub-project is being entered. */
  identifiedOn: string;
  /** Technical attribute code → text typed. */
  attributes: Record<string, string>;
  /** "direct.men", "indirect.youth"… → text typed. */
  beneficiaries: Record<string, string>;
  latitude: string;
  longitude: string;
  description: string;
}

export const BENEFICIARY_GROUPS = ['direct', 'indirect'] as const;
export const BENEFICIARY_PEOPLE = ['men', 'women', 'youth'] as const;

export const emptySubprojectForm = (): SubprojectFormValues => ({
  place: null,
  title: '',
  component: '',
  sector: '',
  type: '',
  estimatedCost: '',
  identifiedOn: togoDate(),
  attributes: {},
  beneficiaries: {},
  latitude: '',
  longitude: '',
  description: '',
});

export type FormProblems = Record<string, MessageKey>;

/**
 * The request body for `POST /api/v1/mis/subprojects`, or the problems found while reading the typed numbers
 * (keyed by field: "estimatedCost", "attributes.length_km", "beneficiaries.direct.women", "latitude"). Only the
 * chosen type's attributes are sent. What the shared schema checks (title length, codes) is left to it.
 */
export function buildCreateBody(
  v: SubprojectFormValues,
  typeAttributes: readonly string[],
): { ok: true; body: CreateSubprojectInput } | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  const cost = readFcfa(v.estimatedCost);
  if (cost === 'invalid') problems.estimatedCost = 'mis.form.fcfaInvalid';
  if (cost === null) problems.estimatedCost = 'validation.required';
  if (!v.place) problems.place = 'validation.required';
  else if (v.place.level !== 'village' && v.place.level !== 'canton')
    problems.place = 'validation.one_of_village_or_canton';

  const attributes: Record<string, number> = {};
  for (const code of typeAttributes) {
    const value = readMeasure(v.attributes[code] ?? '');
    if (value === 'invalid') problems[`attributes.${code}`] = 'mis.form.numberInvalid';
    else if (value !== null) attributes[code] = value;
  }
  const beneficiaries: NonNullable<CreateSubprojectInput['beneficiaries']> = {};
  for (const group of BENEFICIARY_GROUPS)
    for (const who of BENEFICIARY_PEOPLE) {
      const key = `${group}.${who}`;
      const value = readCount(v.beneficiaries[key] ?? '');
      if (value === 'invalid') problems[`beneficiaries.${key}`] = 'mis.form.countInvalid';
      else if (value !== null) beneficiaries[group] = { ...beneficiaries[group], [who]: value };
    }
  const latitude = readCoordinate(v.latitude);
  const longitude = readCoordinate(v.longitude);
  if (latitude === 'invalid') problems.latitude = 'mis.form.numberInvalid';
  if (longitude === 'invalid') problems.longitude = 'mis.form.numberInvalid';
  if (latitude !== 'invalid' && longitude !== 'invalid' && (latitude === null) !== (longitude === null))
    problems.latitude = 'validation.point_incomplete';

  if (Object.keys(problems).length > 0 || !v.place || typeof cost !== 'number')
    return { ok: false, problems };
  const body: CreateSubprojectInput = {
    ...(v.place.level === 'village' ? { villageId: v.place.id } : { cantonId: v.place.id }),
    title: v.title.trim(),
    component: v.component,
    sector: v.sector,
    type: v.type,
    estimatedCost: cost,
  };
  if (Object.keys(attributes).length > 0) body.attributes = attributes;
  if (Object.keys(beneficiaries).length > 0) body.beneficiaries = beneficiaries;
  if (typeof latitude === 'number' && typeof longitude === 'number') {
    body.latitude = latitude;
    body.longitude = longitude;
  }
  if (v.description.trim()) body.description = v.description.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v.identifiedOn)) body.identifiedOn = v.identifiedOn;
  return { ok: true, body };
}
