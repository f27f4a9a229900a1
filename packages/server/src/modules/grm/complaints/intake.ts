import { randomUUID } from 'node:crypto';
import {
  type CreateComplaintInput,
  complaintDateIssues,
  generateTrackingCode,
  inJurisdiction,
} from '@coso/domain';
import type { AuthUser, RequestContext } from '../../../context.js';
import type { Db, Queryable } from '../../../db/driver.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { AppError, validationError } from '../../../http/app-error.js';
import { appendAudit } from '../../../platform/audit/repo.js';
import { findUnit } from '../../../platform/geo/repo.js';
import type { ReferenceService } from '../../../platform/reference/service.js';
import type { Vault } from '../../../vault/vault.js';
import { syncDeadlines } from '../deadlines/sync.js';
import { notifyEvent } from '../notifications/producers.js';
import * as repo from './repo.js';
import { routeNewCase } from './routing.js';

export type IntakeSource = 'staff' | 'field' | 'import' | 'public';

/** How a case comes in: from where, within which dates, and the tracking code a device already printed. */
export interface IntakeOptions {
  source: IntakeSource;
  /** The configured project start (PROJECT_START_DATE): no reception or incident date may be earlier. */
  projectStart: string;
  trackingCode?: string | undefined;
}

/** Codes used by the form, checked against the active reference lists. */
function referenceFields(input: CreateComplaintInput) {
  return [
    { path: 'type', list: 'type' as const, code: input.type },
    { path: 'category', list: 'category' as const, code: input.category },
    { path: 'channel', list: 'channel' as const, code: input.channel },
    { path: 'complainant.gender', list: 'gender' as const, code: input.complainant.gender },
    { path: 'complainant.ageGroup', list: 'age_group' as const, code: input.complainant.ageGroup },
    ...input.complainant.vulnerabilities.map((code, i) => ({
      path: `complainant.vulnerabilities.${i}`,
      list: 'vulnerability' as const,
      code,
    })),
  ];
}

async function checkVillage(tx: Queryable, input: CreateComplaintInput, actor: AuthUser | null) {
  const village = await findUnit(tx, input.villageId);
  if (village?.level !== 'village') throw validationError([{ path: 'villageId', message: 'not_a_village' }]);
  if (actor && !inJurisdiction(actor, village.path)) throw new AppError('outside_jurisdiction');
  if ((input.latitude === undefined) !== (input.longitude === undefined)) {
    throw validationError([
      { path: input.latitude === undefined ? 'latitude' : 'longitude', message: 'point_incomplete' },
    ]);
  }
  return village;
}

/**
 * Records a new case: checks its codes and place, routes it, gives it a tracking code and a reference, and
 * writes the case, the complainant's identity, the first event and the audit entry in one transaction.
 * `trackingCode` (the field sync: a code the device printed on its receipt, already checked as free for this
 * user) is tried first; if it turns out taken, the case gets a fresh code like any other.
 */
export async function recordComplaint(
  db: Db,
  reference: ReferenceService,
  vault: Vault,
  ctx: RequestContext,
  input: CreateComplaintInput,
  { source, projectStart, trackingCode }: IntakeOptions,
): Promise<string> {
  // The schema bounded the dates by the clock; the configured start is known here only.
  const now = new Date();
  const dateIssues = complaintDateIssues(input, { projectStart, now });
  if (dateIssues.length) throw validationError(dateIssues);
  const refs = await reference.resolve(referenceFields(input));
  const category = refs.get('category')!;
  const id = input.id ?? randomUUID();
  const c = input.complainant;
  for (let attempt = 0; ; attempt++) {
    try {
      await db.transaction(async (tx) => {
        const village = await checkVillage(tx, input, ctx.actor);
        const placement = await routeNewCase(tx, category.code, category.sensitive, village.path);
        await repo.insertComplaint(tx, {
          id,
          trackingCode: attempt === 0 && trackingCode ? trackingCode : generateTrackingCode(),
          typeCode: input.type,
          categoryCode: input.category,
          channelCode: input.channel,
          sensitive: category.sensitive,
          description: input.description,
          incidentDate: input.incidentDate ?? null,
          ongoing: input.ongoing,
          recurring: input.recurring,
          subprojectRef: input.subprojectRef ?? null,
          villageId: village.id,
          areaPath: village.path,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          placeDescription: input.placeDescription ?? null,
          anonymous: c.anonymous,
          complainantKind: c.kind,
          groupSize: c.groupSize ?? null,
          gender: c.gender ?? null,
          ageGroup: c.ageGroup ?? null,
          vulnerabilities: c.vulnerabilities,
          preferredLanguage: c.preferredLanguage ?? null,
          onBehalfOf: c.onBehalfOf ?? null,
          identityConfidential: c.confidential,
          notifyConsent: c.notifyConsent ?? false,
          ...placement,
          recordedBy: ctx.actor?.id ?? null,
          receivedAt: input.receivedAt ? new Date(input.receivedAt) : now,
        });
        if (!c.anonymous) {
          await repo.insertIdentity(tx, vault, id, {
            name: c.name ?? null,
            phone: c.phone ?? null,
            email: c.email ?? null,
            whatsapp: c.whatsapp ?? null,
            postalAddress: c.postalAddress ?? null,
          });
        }
        await syncDeadlines(tx, id, { from: null, to: 'received', at: new Date() });
        const eventId = await repo.appendEvent(tx, {
          complaintId: id,
          actorId: ctx.actor?.id ?? null,
          kind: 'created',
          fromStatus: null,
          toStatus: 'received',
          payload: {
            source,
            channel: input.channel,
            assigneeId: placement.assigneeId,
            handlingLevel: placement.handlingLevel,
          },
        });
        await notifyEvent(
          tx,
          { vault },
          {
            id: eventId,
            complaintId: id,
            kind: 'created',
            actorId: ctx.actor?.id ?? null,
            toStatus: 'received',
          },
        );
        // The audit entry names what was recorded, never who complained.
        await appendAudit(tx, {
          actorId: ctx.actor?.id ?? null,
          entity: 'complaint',
          entityId: id,
          action: 'create',
          changes: {
            source,
            category: input.category,
            villageId: village.id,
            assigneeId: placement.assigneeId,
          },
          ip: ctx.ip,
        });
      });
      return id;
    } catch (err) {
      // A tracking-code collision (1 in 10^12 per pair) is retried with a new code; a reused id is a conflict.
      if (isUniqueViolation(err, 'complaints_tracking_code_key') && attempt < 5) continue;
      if (isUniqueViolation(err, 'complaints_pkey')) throw new AppError('conflict');
      throw err;
    }
  }
}
