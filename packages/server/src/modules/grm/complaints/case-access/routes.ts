import {
  accessCandidateSchema,
  addedPeopleSchema,
  complaintSchema,
  createReferralSchema,
  grantAccessSchema,
  itemsOf,
  publishSummarySchema,
  referralOutcomeSchema,
  referralSchema,
} from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../../../db/driver.js';
import { authedContext, requirePermission } from '../../../../http/auth.js';
import type { Api } from '../../../../http/types.js';
import { presentComplaint } from '../presenter.js';
import type { ComplaintService } from '../service.js';
import type { CaseAccessService } from './access-service.js';
import { publishSummary } from './publish-service.js';
import type { ReferralService } from './referral-service.js';
import type { AccessRow, CandidateRow, ReferralRow } from './repo.js';

const idParams = z.object({ id: z.uuid() });
const userParams = idParams.extend({ userId: z.uuid() });
const referralParams = idParams.extend({ referralId: z.uuid() });
const candidatesQuery = z.object({ q: z.string().trim().max(100).default('') });

const presentAccess = (a: AccessRow) => ({
  user: { id: a.userId, displayName: a.userName },
  addedBy: { id: a.addedBy, displayName: a.addedByName },
  addedAt: a.addedAt,
  reason: a.reason,
});
const presentCandidate = (u: CandidateRow) => ({
  id: u.id,
  displayName: u.displayName,
  username: u.username,
  roles: u.roles,
});
const presentReferral = (r: ReferralRow) => ({
  id: r.id,
  service: r.service,
  provider: r.provider,
  referredOn: r.referredOn,
  outcome: r.outcome,
  outcomeOn: r.outcomeOn,
  createdBy: { id: r.createdBy, displayName: r.createdByName },
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** People added to sensitive cases, referrals to services, and publication of a summary for wider staff. */
export function caseAccessRoutes(
  app: Api,
  {
    db,
    complaints,
    access,
    referrals,
  }: { db: Db; complaints: ComplaintService; access: CaseAccessService; referrals: ReferralService },
) {
  const tags = ['complaints'];

  app.get(
    '/api/v1/complaints/:id/access',
    {
      schema: {
        tags,
        summary: 'People added to a sensitive case (422 case_not_sensitive otherwise)',
        params: idParams,
        response: { 200: addedPeopleSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return { items: (await access.list(actor, request.params.id)).map(presentAccess) };
    },
  );

  app.get(
    '/api/v1/complaints/:id/access/candidates',
    {
      schema: {
        tags,
        summary:
          'Active users with a case-handling role covering the area, not yet added (for those who may add)',
        params: idParams,
        querystring: candidatesQuery,
        response: { 200: itemsOf(accessCandidateSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      const rows = await access.candidates(actor, request.params.id, request.query.q);
      return { items: rows.map(presentCandidate) };
    },
  );

  app.post(
    '/api/v1/complaints/:id/access',
    {
      schema: {
        tags,
        summary:
          'Add a person to a sensitive case (its assignee or a sensitive-case focal point of the area)',
        params: idParams,
        body: grantAccessSchema,
        response: { 201: addedPeopleSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.read');
      const rows = await access.grant(ctx, request.params.id, request.body);
      return reply.status(201).send({ items: rows.map(presentAccess) });
    },
  );

  app.delete(
    '/api/v1/complaints/:id/access/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a person added to a sensitive case',
        params: userParams,
        response: { 200: addedPeopleSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.read');
      const rows = await access.revoke(ctx, request.params.id, request.params.userId);
      return { items: rows.map(presentAccess) };
    },
  );

  app.get(
    '/api/v1/complaints/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals of the complainant to services, oldest first',
        params: idParams,
        response: { 200: itemsOf(referralSchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'complaints.read');
      return { items: (await referrals.list(actor, request.params.id)).map(presentReferral) };
    },
  );

  app.post(
    '/api/v1/complaints/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Record a referral to a service (dates not in the future; outcome with its date)',
        params: idParams,
        body: createReferralSchema,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'complaints.read');
      return reply
        .status(201)
        .send(presentReferral(await referrals.create(ctx, request.params.id, request.body)));
    },
  );

  app.patch(
    '/api/v1/complaints/:id/referrals/:referralId',
    {
      schema: {
        tags,
        summary: 'Record (or correct) the outcome of a referral',
        params: referralParams,
        body: referralOutcomeSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.read');
      const { id, referralId } = request.params;
      return presentReferral(await referrals.recordOutcome(ctx, id, referralId, request.body));
    },
  );

  app.post(
    '/api/v1/complaints/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish (or correct) the sanitised summary wider staff see instead of the description; ' +
          '422 sensitive_case_not_publishable for a sensitive case',
        params: idParams,
        body: publishSummarySchema,
        response: { 200: complaintSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'complaints.read');
      await publishSummary(db, ctx, request.params.id, request.body.summary);
      const c = await complaints.get(ctx.actor, request.params.id);
      return presentComplaint(c, ctx.actor, await complaints.identity(ctx.actor, c.id));
    },
  );
}
