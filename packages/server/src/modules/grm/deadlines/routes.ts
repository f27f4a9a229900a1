import { hasPermission, holidaySchema, itemsOf, noContentSchema, slaSettingsViewSchema } from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../http/app-error.js';
import { authedContext, requireUser } from '../../../http/auth.js';
import type { Api } from '../../../http/types.js';
import { presentSettings } from './presenter.js';
import { createHolidaySchema, holidayParams, holidayQuery, slaSettingsSchema } from './schema.js';
import type { DeadlineService } from './service.js';

const MANAGE = 'reference.manage';

/** Case handlers read the calendar and the deadlines in force; only administrators change them. */
function requireReader(request: FastifyRequest) {
  const user = requireUser(request);
  if (!hasPermission(user, MANAGE) && !hasPermission(user, 'complaints.read'))
    throw new AppError('forbidden');
  return user;
}

export function deadlineRoutes(app: Api, { deadlines }: { deadlines: DeadlineService }) {
  const tags = ['grievance configuration'];

  app.get(
    '/api/v1/grm/holidays',
    {
      schema: {
        tags,
        summary: 'Public holidays: entered ones, and with `year` the computed ones of that year',
        querystring: holidayQuery,
        response: { 200: itemsOf(holidaySchema) },
      },
    },
    async (request) => {
      requireReader(request);
      return { items: await deadlines.listHolidays(request.query.year) };
    },
  );

  app.post(
    '/api/v1/grm/holidays',
    {
      schema: {
        tags,
        summary: 'Enter a holiday (Muslim feasts per year, extra closures)',
        body: createHolidaySchema,
        response: { 201: holidaySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deadlines.addHoliday(authedContext(request, MANAGE), request.body)),
  );

  app.delete(
    '/api/v1/grm/holidays/:date',
    {
      schema: {
        tags,
        summary: 'Remove an entered holiday',
        params: holidayParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await deadlines.removeHoliday(authedContext(request, MANAGE), request.params.date);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/grm/sla-settings',
    {
      schema: {
        tags,
        summary: 'Deadline settings: the default row and the rows per level and/or category',
        response: { 200: itemsOf(slaSettingsViewSchema) },
      },
    },
    async (request) => {
      requireReader(request);
      return { items: (await deadlines.listSettings()).map(presentSettings) };
    },
  );

  app.put(
    '/api/v1/grm/sla-settings',
    {
      schema: {
        tags,
        summary: 'Create or replace the settings row of one scope (level, category; both null = default)',
        body: slaSettingsSchema,
        response: { 200: slaSettingsViewSchema, 201: slaSettingsViewSchema },
      },
    },
    async (request, reply) => {
      const { settings, created } = await deadlines.saveSettings(
        authedContext(request, MANAGE),
        request.body,
      );
      return reply.status(created ? 201 : 200).send(presentSettings(settings));
    },
  );
}
