import {
  normalizeTrackingCode,
  otpSentSchema,
  publicFiledSchema,
  publicFormOptionsSchema,
  publicStatsSchema,
  publicTrackingSchema,
  publicVillagesSchema,
  recoveredCodeSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/driver.js';
import type { Api } from '../../../http/types.js';
import { addressKey, DEFAULT_LIMITS, hit, type Limit, type PublicLimits } from './rate-limit.js';
import {
  publicAnswerSchema,
  publicComplaintSchema,
  recoverSchema,
  trackingParams,
  villagesQuery,
} from './schema.js';
import type { PublicService } from './service.js';
import { formOptions, publicStats } from './stats.js';

/** Browsers and proxies may keep the public figures this long (GRM.md: a dashboard, not a live view). */
const STATS_MAX_AGE = 300;

/**
 * Citizen self-service: no login. The auth hook leaves these routes alone when no session is sent (and a
 * cookie-less request needs no CSRF token); each route rate-limits per client address before anything else,
 * counting even requests that then fail validation.
 */
export function publicRoutes(
  app: Api,
  deps: { db: Db; service: PublicService; limits?: Partial<PublicLimits> },
) {
  const { db, service } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const tags = ['public'];
  const security: never[] = [];
  const limited = (limit: Limit) => async (request: FastifyRequest) => hit(db, limit, addressKey(request.ip));
  const ctxOf = (request: FastifyRequest) => ({ actor: null, ip: request.ip });

  app.post(
    '/api/v1/public/complaints',
    {
      onRequest: limited(limits.file),
      schema: {
        tags,
        security,
        summary: 'File a complaint (web channel, no login)',
        body: publicComplaintSchema,
        response: { 201: publicFiledSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.file(ctxOf(request), request.body)),
  );

  app.get(
    '/api/v1/public/track/:trackingCode',
    {
      onRequest: limited(limits.track),
      schema: {
        tags,
        security,
        summary: 'Status and dates of a case by its tracking code',
        params: trackingParams,
        response: { 200: publicTrackingSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.track(request.params.trackingCode);
    },
  );

  app.post(
    '/api/v1/public/track/:trackingCode/recover',
    {
      onRequest: limited(limits.recover),
      schema: {
        tags,
        security,
        summary:
          'The correct code for a mistyped one (404 `details.mistyped`), given the last 4 digits of the ' +
          'phone number given at filing; 404 when nothing matches',
        params: trackingParams,
        body: recoverSchema,
        response: { 200: recoveredCodeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.recover(ctxOf(request), request.params.trackingCode, request.body.last4);
    },
  );

  app.post(
    '/api/v1/public/track/:trackingCode/otp',
    {
      onRequest: limited(limits.answer),
      schema: {
        tags,
        security,
        summary: 'Send a one-time code by SMS to the phone given',
        params: trackingParams,
        response: { 202: otpSentSchema },
      },
    },
    async (request, reply) => {
      await hit(db, limits.otpPerCase, `case:${normalizeTrackingCode(request.params.trackingCode)}`);
      await service.requestOtp(request.params.trackingCode);
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    '/api/v1/public/track/:trackingCode/answer',
    {
      onRequest: limited(limits.answer),
      schema: {
        tags,
        security,
        summary: 'Accept, reject or appeal the proposed resolution, or rate a closed case',
        params: trackingParams,
        body: publicAnswerSchema,
        response: { 200: publicTrackingSchema },
      },
    },
    async (request) => service.answer(ctxOf(request), request.params.trackingCode, request.body),
  );

  app.get(
    '/api/v1/public/stats',
    {
      onRequest: limited(limits.track),
      schema: { tags, security, summary: 'Public aggregate figures', response: { 200: publicStatsSchema } },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${STATS_MAX_AGE}`);
      return publicStats(db);
    },
  );

  app.get(
    '/api/v1/public/form-options',
    {
      schema: {
        tags,
        security,
        summary: 'Reference codes the public form offers',
        response: { 200: publicFormOptionsSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${STATS_MAX_AGE}`);
      return { items: await formOptions(db) };
    },
  );

  app.get(
    '/api/v1/public/villages',
    {
      onRequest: limited(limits.track),
      schema: {
        tags,
        security,
        summary: 'Children of a unit, to choose a village',
        querystring: villagesQuery,
        response: { 200: publicVillagesSchema },
      },
    },
    async (request) => ({ items: await service.villages(request.query.parent) }),
  );
}
