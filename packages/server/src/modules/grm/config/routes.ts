import {
  committeeSchema,
  escalationChainSchema,
  hasPermission,
  itemsOf,
  noContentSchema,
  pageOf,
  routingPreviewSchema,
  routingRuleSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../http/app-error.js';
import { authedContext, requireUser } from '../../../http/auth.js';
import { decodeCursor, page } from '../../../http/cursor.js';
import type { Api } from '../../../http/types.js';
import { presentChain, presentCommittee, presentPreview, presentRule } from './presenter.js';
import {
  chainSchema,
  committeeQuery,
  createCommitteeSchema,
  createRuleSchema,
  idParams,
  previewSchema,
  regionParams,
  updateCommitteeSchema,
  updateRuleSchema,
} from './schema.js';
import type { GrmConfigService } from './service.js';

const MANAGE = 'reference.manage';
const keyset = z.object({ name: z.string(), id: z.uuid() });

/** Staff who handle cases read the configuration (to see where cases go); only administrators change it. */
function requireReader(request: FastifyRequest) {
  const user = requireUser(request);
  if (!hasPermission(user, MANAGE) && !hasPermission(user, 'complaints.read'))
    throw new AppError('forbidden');
  return user;
}

export function grmConfigRoutes(app: Api, { grmConfig }: { grmConfig: GrmConfigService }) {
  const { committees, chains } = grmConfig;
  const tags = ['grievance configuration'];

  app.get(
    '/api/v1/grm/committees',
    {
      schema: {
        tags,
        summary: 'Committees and departments',
        querystring: committeeQuery,
        response: { 200: pageOf(committeeSchema) },
      },
    },
    async (request) => {
      requireReader(request);
      const { unit, kind, q, cursor, limit } = request.query;
      const rows = await committees.list({
        unitId: unit,
        kind,
        q,
        after: decodeCursor(cursor, keyset),
        limit: limit + 1,
      });
      const result = page(rows, limit, (c) => ({ name: c.name, id: c.id }));
      return { items: result.items.map(presentCommittee), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/grm/committees/:id',
    {
      schema: {
        tags,
        summary: 'One committee or department',
        params: idParams,
        response: { 200: committeeSchema },
      },
    },
    async (request) => {
      requireReader(request);
      return presentCommittee(await committees.get(request.params.id));
    },
  );

  app.post(
    '/api/v1/grm/committees',
    {
      schema: {
        tags,
        summary: 'Create a committee or department',
        body: createCommitteeSchema,
        response: { 201: committeeSchema },
      },
    },
    async (request, reply) => {
      const committee = await committees.create(authedContext(request, MANAGE), request.body);
      return reply.status(201).send(presentCommittee(committee));
    },
  );

  app.patch(
    '/api/v1/grm/committees/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recode, (de)activate or change the members of a committee',
        params: idParams,
        body: updateCommitteeSchema,
        response: { 200: committeeSchema },
      },
    },
    async (request) =>
      presentCommittee(
        await committees.update(authedContext(request, MANAGE), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/v1/grm/escalation-chains',
    {
      schema: {
        tags,
        summary: 'Escalation chains: the default one (region null) and regional ones',
        response: { 200: itemsOf(escalationChainSchema) },
      },
    },
    async (request) => {
      requireReader(request);
      return { items: (await chains.list()).map(presentChain) };
    },
  );

  app.put(
    '/api/v1/grm/escalation-chains/default',
    {
      schema: {
        tags,
        summary: 'Replace the default escalation chain',
        body: chainSchema,
        response: { 200: escalationChainSchema },
      },
    },
    async (request) =>
      presentChain(await chains.save(authedContext(request, MANAGE), null, request.body.levels)),
  );

  app.put(
    '/api/v1/grm/escalation-chains/region/:regionId',
    {
      schema: {
        tags,
        summary: "Create or replace a region's own escalation chain",
        params: regionParams,
        body: chainSchema,
        response: { 200: escalationChainSchema },
      },
    },
    async (request) =>
      presentChain(
        await chains.save(authedContext(request, MANAGE), request.params.regionId, request.body.levels),
      ),
  );

  app.delete(
    '/api/v1/grm/escalation-chains/region/:regionId',
    {
      schema: {
        tags,
        summary: "Remove a region's own chain (its cases then climb the default chain)",
        params: regionParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await chains.remove(authedContext(request, MANAGE), request.params.regionId);
      return reply.status(204).send();
    },
  );

  ruleRoutes(app, grmConfig, tags);
}

function ruleRoutes(app: Api, { rules, preview }: GrmConfigService, tags: string[]) {
  app.get(
    '/api/v1/grm/routing-rules',
    {
      schema: {
        tags,
        summary: 'Routing rules, in the order routing tries them',
        response: { 200: itemsOf(routingRuleSchema) },
      },
    },
    async (request) => {
      requireReader(request);
      return { items: (await rules.list()).map(presentRule) };
    },
  );

  app.post(
    '/api/v1/grm/routing-rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule',
        body: createRuleSchema,
        response: { 201: routingRuleSchema },
      },
    },
    async (request, reply) => {
      const rule = await rules.create(authedContext(request, MANAGE), request.body);
      return reply.status(201).send(presentRule(rule));
    },
  );

  app.post(
    '/api/v1/grm/routing-rules/preview',
    {
      schema: {
        tags,
        summary: 'Where a new case of this category in this village would go now (nothing is recorded)',
        body: previewSchema,
        response: { 200: routingPreviewSchema },
      },
    },
    async (request) => {
      requireReader(request);
      return presentPreview(await preview(request.body));
    },
  );

  app.patch(
    '/api/v1/grm/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Edit a routing rule',
        params: idParams,
        body: updateRuleSchema,
        response: { 200: routingRuleSchema },
      },
    },
    async (request) =>
      presentRule(await rules.update(authedContext(request, MANAGE), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/grm/routing-rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a routing rule',
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await rules.remove(authedContext(request, MANAGE), request.params.id);
      return reply.status(204).send();
    },
  );
}
