import {
  createGeoUnitSchema,
  geoImportReportSchema,
  geoLevelSchema,
  geoUnitSchema,
  geoUnitSummarySchema,
  itemsOf,
  localeFromAcceptLanguage,
  noContentSchema,
  pageOf,
  updateGeoUnitSchema,
  updateVillageGroupSchema,
  VILLAGE_GROUP_KINDS,
  villageGroupSchema,
  villageGroupViewSchema,
} from '@coso/domain';
import { z } from 'zod';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../http/app-error.js';
import { authedContext, requirePermission } from '../../http/auth.js';
import { decodeCursor, page } from '../../http/cursor.js';
import type { Api } from '../../http/types.js';
import { sheetFormatOf } from '../../lib/sheet-sniff.js';
import { toCsv, toXlsx } from '../../lib/sheet-writer.js';
import { readSheet } from '../../lib/tabular.js';
import { geoExportRows } from './export.js';
import type { VillageGroupService } from './groups-service.js';
import { importGeoSheet } from './import.js';
import { presentGroup, presentUnit, presentUnitItem } from './presenter.js';
import type { GeoService } from './service.js';

const idParams = z.object({ id: z.uuid() });
const keyset = z.object({ nameKey: z.string(), id: z.uuid() });
const unitQuery = z.object({
  parent: z.uuid().optional(),
  within: z.uuid().optional(),
  level: z.string().max(40).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const groupQuery = z.object({
  kind: z.enum(VILLAGE_GROUP_KINDS).optional(),
  canton: z.uuid().optional(),
  within: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  onError: z.enum(['stop', 'skip']).default('stop'),
});
const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), within: z.uuid().optional() });

export function geoRoutes(app: Api, deps: { db: Db; geo: GeoService; groups: VillageGroupService }) {
  const { db, geo, groups } = deps;
  const tags = ['geography'];
  const pathOf = async (id: string | undefined) => (id ? (await geo.get(id)).path : undefined);

  app.get(
    '/api/v1/geo/levels',
    {
      schema: {
        tags,
        summary: 'Administrative levels, top-down',
        response: { 200: itemsOf(geoLevelSchema) },
      },
    },
    async (request) => {
      requirePermission(request, 'geo.read');
      return { items: await geo.levels() };
    },
  );

  app.get(
    '/api/v1/geo/units',
    {
      schema: {
        tags,
        summary: 'Search or browse units (roots when no filter)',
        querystring: unitQuery,
        response: { 200: pageOf(geoUnitSummarySchema) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'geo.read');
      const { parent, within, level, q, mine, cursor, limit } = request.query;
      const rows = await geo.list({
        parentId: parent,
        withinPath: await pathOf(within),
        level,
        q,
        scopePaths: mine === 'true' ? actor.jurisdictions.map((j) => j.path) : undefined,
        after: decodeCursor(cursor, keyset),
        limit: limit + 1,
      });
      const result = page(rows, limit, (u) => ({ nameKey: u.nameKey, id: u.id }));
      return { items: result.items.map(presentUnitItem), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/geo/units/:id',
    {
      schema: {
        tags,
        summary: 'One unit with its ancestors',
        params: idParams,
        response: { 200: geoUnitSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'geo.read');
      const unit = await geo.get(request.params.id);
      return presentUnit(unit, await geo.ancestors(unit));
    },
  );

  app.post(
    '/api/v1/geo/units',
    {
      schema: { tags, summary: 'Create a unit', body: createGeoUnitSchema, response: { 201: geoUnitSchema } },
    },
    async (request, reply) => {
      const unit = await geo.create(authedContext(request, 'geo.manage'), request.body);
      return reply.status(201).send(presentUnit(unit, await geo.ancestors(unit)));
    },
  );

  app.patch(
    '/api/v1/geo/units/:id',
    {
      schema: {
        tags,
        summary: 'Edit a unit',
        params: idParams,
        body: updateGeoUnitSchema,
        response: { 200: geoUnitSchema },
      },
    },
    async (request) => {
      const unit = await geo.update(authedContext(request, 'geo.manage'), request.params.id, request.body);
      return presentUnit(unit, await geo.ancestors(unit));
    },
  );

  app.delete(
    '/api/v1/geo/units/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused unit',
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await geo.remove(authedContext(request, 'geo.manage'), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/geo/import',
    {
      schema: {
        tags,
        summary:
          'Import units from CSV or XLSX (multipart field `file`, recognised by its content: 415 ' +
          '`not_a_spreadsheet` otherwise); dry run by default',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: { 200: geoImportReportSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'geo.manage');
      const file = await request.file();
      if (file?.fieldname !== 'file')
        throw new AppError('validation_error', [{ path: 'file', message: 'required' }]);
      const content = await file.toBuffer();
      const sheet = await readSheet(content, sheetFormatOf(content, file.filename, file.mimetype));
      return importGeoSheet(db, ctx, sheet, {
        dryRun: request.query.dryRun === 'true',
        onError: request.query.onError,
        locale: localeFromAcceptLanguage(request.headers['accept-language']),
      });
    },
  );

  app.get(
    '/api/v1/geo/export',
    {
      schema: { tags, summary: 'Export units in the import format (CSV or XLSX)', querystring: exportQuery },
    },
    async (request, reply) => {
      requirePermission(request, 'geo.read');
      const { headers, rows } = await geoExportRows(db, (await pathOf(request.query.within)) ?? null);
      const xlsx = request.query.format === 'xlsx';
      const body = xlsx ? await toXlsx('Unités', headers, rows) : toCsv(headers, rows);
      return reply
        .header(
          'content-type',
          xlsx
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="unites-geographiques.${request.query.format}"`)
        .send(body);
    },
  );

  app.get(
    '/api/v1/geo/groups',
    {
      schema: {
        tags,
        summary: 'CVDs and geographical units',
        querystring: groupQuery,
        response: { 200: pageOf(villageGroupViewSchema) },
      },
    },
    async (request) => {
      requirePermission(request, 'geo.read');
      const { kind, canton, within, q, cursor, limit } = request.query;
      const rows = await groups.list({
        kind,
        cantonId: canton,
        withinPath: await pathOf(within),
        q,
        after: decodeCursor(cursor, keyset),
        limit: limit + 1,
      });
      const result = page(rows, limit, (g) => ({ nameKey: g.nameKey, id: g.id }));
      return { items: result.items.map(presentGroup), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/v1/geo/groups/:id',
    {
      schema: {
        tags,
        summary: 'One village group',
        params: idParams,
        response: { 200: villageGroupViewSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'geo.read');
      return presentGroup(await groups.get(request.params.id));
    },
  );

  app.post(
    '/api/v1/geo/groups',
    {
      schema: {
        tags,
        summary: 'Create a CVD or geographical unit',
        body: villageGroupSchema,
        response: { 201: villageGroupViewSchema },
      },
    },
    async (request, reply) => {
      const group = await groups.create(authedContext(request, 'geo.manage'), request.body);
      return reply.status(201).send(presentGroup(group));
    },
  );

  app.patch(
    '/api/v1/geo/groups/:id',
    {
      schema: {
        tags,
        summary: 'Edit a village group',
        params: idParams,
        body: updateVillageGroupSchema,
        response: { 200: villageGroupViewSchema },
      },
    },
    async (request) =>
      presentGroup(
        await groups.update(authedContext(request, 'geo.manage'), request.params.id, request.body),
      ),
  );

  app.delete(
    '/api/v1/geo/groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a village group',
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await groups.remove(authedContext(request, 'geo.manage'), request.params.id);
      return reply.status(204).send();
    },
  );
}
