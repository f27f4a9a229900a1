import { type ComplaintCreatePayload, createComplaintSchema } from '@coso/domain';
import {
  EMPTY_INTAKE,
  type IntakeValues,
  intakeBody,
} from '../../../features/grm/complaints/intake/intake-values';
import { type FieldIssues, issuesByPath } from '../../validation';

/**
 * The phone wizard: the desktop intake's values and conversion rules (intake-values.ts), asked one question
 * per screen. Each step owns the API paths it edits; a step is valid when the domain schema finds nothing
 * wrong under its paths, so the rules are exactly those the server applies.
 */
export type WizardValues = IntakeValues;
export const EMPTY_WIZARD: WizardValues = EMPTY_INTAKE;

export const STEP_IDS = [
  'type',
  'category',
  'channel',
  'identity',
  'contact',
  'profile',
  'gender',
  'vulnerabilities',
  'language',
  'description',
  'audio',
  'incident',
  'village',
  'place',
  'subproject',
  'photos',
  'summary',
] as const;
export type StepId = (typeof STEP_IDS)[number];

const COMPLAINANT_CONTACT = [
  'name',
  'phone',
  'email',
  'whatsapp',
  'postalAddress',
  'notifyConsent',
  'confidential',
];

/** API paths edited by each step (prefixes: "complainant.vulnerabilities" covers "….vulnerabilities.0"). */
export const STEP_PATHS: Record<StepId, readonly string[]> = {
  type: ['type'],
  category: ['category'],
  channel: ['channel'],
  identity: ['complainant.anonymous'],
  contact: COMPLAINANT_CONTACT.map((f) => `complainant.${f}`),
  profile: ['complainant.kind', 'complainant.groupSize'],
  gender: ['complainant.gender', 'complainant.ageGroup'],
  vulnerabilities: ['complainant.vulnerabilities'],
  language: ['complainant.preferredLanguage', 'complainant.onBehalfOf'],
  description: ['description'],
  audio: [],
  incident: ['incidentDate', 'ongoing', 'recurring'],
  village: ['villageId'],
  place: ['latitude', 'longitude', 'placeDescription'],
  subproject: ['subprojectRef'],
  photos: [],
  summary: [],
};

/** The steps shown for these values: an anonymous complainant is never asked for a name or contact. */
export function visibleSteps(v: WizardValues): StepId[] {
  return STEP_IDS.filter((id) => id !== 'contact' || !v.anonymous);
}

/** The `complaint.create` input (without id and tracking code, which the engine chooses). */
export function wizardPayload(
  v: WizardValues,
  receivedAt: Date,
): Omit<ComplaintCreatePayload, 'id' | 'trackingCode'> {
  // A complaint recorded offline was received when it was recorded, not when it reached the server.
  return { ...intakeBody(v), receivedAt: receivedAt.toISOString() } as Omit<
    ComplaintCreatePayload,
    'id' | 'trackingCode'
  >;
}

/** Every problem the domain schema finds in the values, by API path. */
export function allIssues(v: WizardValues, now: Date = new Date()): FieldIssues {
  const body = wizardPayload(v, now);
  // The reception time is this phone's clock, which the server bounds itself (trustedDeviceTime): a phone
  // whose clock is wrong (reset to 1970) must still record the complaint, so it is not judged here.
  const { receivedAt: _deviceTime, ...checked } = body;
  const result = createComplaintSchema.safeParse(checked, { reportInput: true });
  const found = result.success ? {} : issuesByPath(result.error.issues);
  // Latitude and longitude are one point: the server refuses half of it.
  if ((body.latitude === undefined) !== (body.longitude === undefined) && !found.latitude) {
    found.latitude = { key: 'validation.point_incomplete' };
  }
  return found;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`);

/** The problems of one step only; the later steps' empty fields do not block the earlier ones. */
export function stepIssues(step: StepId, v: WizardValues, now: Date = new Date()): FieldIssues {
  const paths = STEP_PATHS[step];
  const found = allIssues(v, now);
  return Object.fromEntries(
    Object.entries(found).filter(([path]) => paths.some((prefix) => under(path, prefix))),
  );
}

/** The first visible step with a problem (the summary sends the user back there), or null when all is well. */
export function firstStepWithIssues(v: WizardValues, now: Date = new Date()): StepId | null {
  const found = Object.keys(allIssues(v, now));
  if (found.length === 0) return null;
  const steps = visibleSteps(v);
  return (
    steps.find((step) => found.some((path) => STEP_PATHS[step].some((prefix) => under(path, prefix)))) ??
    // A problem no step owns (should not happen): stay on the summary, which lists it.
    'summary'
  );
}
