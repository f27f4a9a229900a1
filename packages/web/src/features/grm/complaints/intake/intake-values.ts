import { normalizePhone } from '@coso/domain';
import type { PlacedUnit } from '../../../geo/unit-context';

export type ComplainantKind = 'individual' | 'group' | 'organisation';
export const COMPLAINANT_KINDS: readonly ComplainantKind[] = ['individual', 'group', 'organisation'];

/** What the intake form holds: text as typed; converted to the API body by `intakeBody`. */
export interface IntakeValues {
  type: string;
  category: string;
  channel: string;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  whatsapp: string;
  postalAddress: string;
  preferredLanguage: string;
  confidential: boolean;
  /** The complainant agrees to be messaged about the case; only meaningful with a phone or an email. */
  notifyConsent: boolean;
  onBehalfOf: string;
  kind: ComplainantKind;
  groupSize: string;
  gender: string;
  ageGroup: string;
  vulnerabilities: string[];
  description: string;
  /** datetime-local text; empty = now (a letter or a register entry may have come in earlier). */
  receivedAt: string;
  incidentDate: string;
  ongoing: boolean;
  recurring: boolean;
  subprojectRef: string;
  village: PlacedUnit | null;
  latitude: string;
  longitude: string;
  placeDescription: string;
}

export const EMPTY_INTAKE: IntakeValues = {
  type: '',
  category: '',
  channel: '',
  anonymous: false,
  name: '',
  phone: '',
  email: '',
  whatsapp: '',
  postalAddress: '',
  preferredLanguage: '',
  confidential: true,
  notifyConsent: false,
  onBehalfOf: '',
  kind: 'individual',
  groupSize: '',
  gender: '',
  ageGroup: '',
  vulnerabilities: [],
  description: '',
  receivedAt: '',
  incidentDate: '',
  ongoing: false,
  recurring: false,
  subprojectRef: '',
  village: null,
  latitude: '',
  longitude: '',
  placeDescription: '',
};

export const DESCRIPTION_MAX = 10_000;

const text = (s: string) => s.trim() || undefined;

/** "2026-11-02T09:30" typed in the browser's time zone → an ISO instant; unparsable text goes as is. */
function receivedAtIso(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

/** "12,5" and "12.5" are the same number; an empty box is no number; anything else is NaN (refused). */
function decimal(s: string): number | undefined {
  const v = s.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
}

/**
 * A number as people say it ("90 12 34 56", "228 90123456", "0022890123456") in E.164, by the domain's one
 * phone rule (the citizen form and the server use it too); anything else is left as typed for the schema to
 * judge.
 */
export function togolesePhone(input: string): string {
  return normalizePhone(input) ?? input.trim();
}

/** Whether the named complainant gave somewhere to send messages to (SMS to a phone or WhatsApp, email). */
export function hasContact(v: IntakeValues): boolean {
  return !v.anonymous && [v.phone, v.email, v.whatsapp].some((s) => s.trim() !== '');
}

/** The body of POST /api/v1/complaints, before the domain schema checks it. */
export function intakeBody(v: IntakeValues): Record<string, unknown> {
  const identity = v.anonymous
    ? {}
    : {
        name: text(v.name),
        phone: text(v.phone) && togolesePhone(v.phone),
        email: text(v.email),
        whatsapp: text(v.whatsapp) && togolesePhone(v.whatsapp),
        postalAddress: text(v.postalAddress),
      };
  return {
    type: v.type,
    category: v.category,
    channel: v.channel,
    description: v.description,
    incidentDate: text(v.incidentDate),
    receivedAt: receivedAtIso(v.receivedAt),
    ongoing: v.ongoing,
    recurring: v.recurring,
    subprojectRef: text(v.subprojectRef),
    villageId: v.village?.id ?? '',
    latitude: decimal(v.latitude),
    longitude: decimal(v.longitude),
    placeDescription: text(v.placeDescription),
    complainant: {
      anonymous: v.anonymous,
      ...identity,
      preferredLanguage: text(v.preferredLanguage),
      confidential: v.confidential,
      // A ticked box whose contact was erased since means nothing: consent goes only with a contact.
      notifyConsent: hasContact(v) && v.notifyConsent,
      onBehalfOf: text(v.onBehalfOf),
      kind: v.kind,
      groupSize: v.kind === 'individual' ? undefined : decimal(v.groupSize),
      gender: text(v.gender),
      ageGroup: text(v.ageGroup),
      vulnerabilities: v.vulnerabilities,
    },
  };
}
