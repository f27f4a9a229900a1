import { type Actor, type CreateComplaintInput, createComplaintSchema } from '@coso/domain';
import type { z } from 'zod';
import type { SheetRow } from '../../../../lib/tabular.js';
import { parseFlag } from '../../../../platform/geo/import-columns.js';
import type { ReferenceList } from '../../../../platform/reference/repo.js';
import { normalizePhone, parseRegisterDate, type RegisterColumn, type RegisterColumnMap } from './columns.js';
import { pickVillage, type VillageCandidate } from './lookups.js';
import type { RegisterReason } from './messages.js';

export interface RowIssue {
  column: RegisterColumn | null;
  reason: RegisterReason;
  params: Record<string, string | number>;
}

export interface RowChecks {
  map: RegisterColumnMap;
  actor: Actor;
  /** Today in Togo (YYYY-MM-DD): registers are historic, nothing in them can be dated later. */
  today: string;
  /** PROJECT_START_DATE (YYYY-MM-DD): a register cannot hold a case received, or an incident, before it. */
  projectStart: string;
  codeOf: (list: ReferenceList, cell: string) => string | undefined;
  villagesNamed: (cell: string) => Promise<VillageCandidate[]>;
  alreadyImported: (input: CreateComplaintInput) => Promise<boolean>;
}

// Stands in for an unresolved village so that the schema still reports the row's other problems.
const NO_VILLAGE = '00000000-0000-4000-8000-000000000000';

/** Which register column an intake-schema path comes from. */
const PATH_COLUMNS: Record<string, RegisterColumn> = {
  type: 'type',
  category: 'category',
  channel: 'channel',
  description: 'description',
  incidentDate: 'incidentDate',
  receivedAt: 'receivedAt',
  villageId: 'village',
  'complainant.anonymous': 'anonymous',
  'complainant.name': 'name',
  'complainant.phone': 'phone',
  'complainant.gender': 'gender',
  'complainant.ageGroup': 'ageGroup',
};

function reasonOf(issue: z.core.$ZodIssue): RegisterReason {
  if (issue.message === 'phone_e164') return 'invalid_phone';
  if (
    ['date_in_future', 'date_before_project_start', 'anonymous_with_identity', 'required'].includes(
      issue.message,
    )
  ) {
    return issue.message as RegisterReason;
  }
  if (issue.code === 'too_small') return 'too_short';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid';
}

/**
 * Checks one register row as staff intake would (reference codes, village and jurisdiction, the intake
 * schema) without writing anything, and reports every problem of the row at once so that the officer fixes
 * the paper register's transcription in one pass.
 */
export async function validateRegisterRow(
  row: SheetRow,
  checks: RowChecks,
): Promise<{ input: CreateComplaintInput } | { issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const add = (column: RegisterColumn | null, reason: RegisterReason, params = {}) =>
    issues.push({ column, reason, params });
  const cell = (column: RegisterColumn) => {
    const i = checks.map.index[column];
    return i === undefined ? '' : (row.cells[i] ?? '');
  };
  const date = (column: RegisterColumn, required: boolean) => {
    const parsed = parseRegisterDate(cell(column));
    if (parsed === null && required) add(column, 'required');
    if (parsed === 'invalid') add(column, 'invalid_date', { value: cell(column) });
    return typeof parsed === 'string' && parsed !== 'invalid' ? parsed : undefined;
  };
  const code = (column: RegisterColumn, list: ReferenceList, required: boolean) => {
    const value = cell(column);
    if (value === '') {
      if (required) add(column, 'required');
      return undefined;
    }
    const found = checks.codeOf(list, value);
    if (!found) add(column, 'unknown_value', { value, list });
    return found;
  };

  const receivedOn = date('receivedAt', true);
  const start = { start: checks.projectStart };
  if (receivedOn && receivedOn > checks.today) add('receivedAt', 'date_in_future');
  if (receivedOn && receivedOn < checks.projectStart) add('receivedAt', 'date_before_project_start', start);
  const incidentOn = date('incidentDate', false);
  if (incidentOn && incidentOn < checks.projectStart) add('incidentDate', 'date_before_project_start', start);
  // A future incident date is the schema's to report; one between receipt and today is a transcription slip.
  if (incidentOn && receivedOn && incidentOn > receivedOn && incidentOn <= checks.today) {
    add('incidentDate', 'incident_after_receipt');
  }
  const type = code('type', 'type', true);
  const category = code('category', 'category', true);
  const channel = code('channel', 'channel', true);
  const gender = code('gender', 'gender', false);
  const ageGroup = code('ageGroup', 'age_group', false);
  if (cell('description') === '') add('description', 'required');

  let villageId: string | undefined;
  const villageCell = cell('village');
  if (villageCell === '') add('village', 'required');
  else {
    const area = { canton: cell('canton'), commune: cell('commune') };
    const pick = pickVillage(await checks.villagesNamed(villageCell), villageCell, area, checks.actor);
    if ('village' in pick) villageId = pick.village.id;
    else add('village', pick.reason, pick.params);
  }

  const anonymous = parseFlag(cell('anonymous'));
  if (anonymous === 'invalid') add('anonymous', 'invalid_flag', { value: cell('anonymous') });
  const phone = normalizePhone(cell('phone'));
  if (phone === 'invalid') add('phone', 'invalid_phone', { value: cell('phone') });
  const name = cell('name') || undefined;
  const phoneNumber = phone === 'invalid' ? undefined : (phone ?? undefined);

  const parsed = createComplaintSchema.safeParse({
    type: type ?? 'unresolved',
    category: category ?? 'unresolved',
    channel: channel ?? 'unresolved',
    description: cell('description'),
    incidentDate: incidentOn,
    villageId: villageId ?? NO_VILLAGE,
    // The register gives a day, not a time: midnight UTC is that day in Togo (UTC+0 all year).
    receivedAt: receivedOn ? `${receivedOn}T00:00:00Z` : undefined,
    complainant: {
      // An empty "Anonyme" cell means: anonymous unless the register names someone.
      anonymous: anonymous === true || (anonymous === null && !name && !phoneNumber),
      name,
      phone: phoneNumber,
      gender,
      ageGroup,
    },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = PATH_COLUMNS[issue.path.join('.')] ?? null;
      if (column && issues.some((i) => i.column === column)) continue;
      add(column, reasonOf(issue), { detail: issue.message });
    }
  }
  if (issues.length || !parsed.success) return { issues };
  if (await checks.alreadyImported(parsed.data))
    return { issues: [{ column: null, reason: 'already_imported', params: {} }] };
  return { input: parsed.data };
}
