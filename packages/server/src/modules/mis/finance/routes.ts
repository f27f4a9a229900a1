import {
  allocationPageSchema,
  allocationSchema,
  balancesQuerySchema,
  balancesSchema,
  createAllocationSchema,
  createDisbursementRequestSchema,
  createDisbursementSchema,
  createExchangeRateSchema,
  createPaymentSchema,
  createTransferSchema,
  decideDisbursementRequestSchema,
  disbursementPageSchema,
  disbursementRequestPageSchema,
  disbursementRequestSchema,
  disbursementSchema,
  exchangeRateAnswerSchema,
  exchangeRateListSchema,
  financeContractListSchema,
  financeContractQuerySchema,
  financeListQuerySchema,
  paymentPageSchema,
  paymentSchema,
  reverseFinanceLineSchema,
  transferPageSchema,
  transferSchema,
} from '@coso/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../../db/driver.js';
import { AppError } from '../../../http/app-error.js';
import { authedContext } from '../../../http/auth.js';
import { sendStoredFile } from '../../../http/stored-file.js';
import type { Api } from '../../../http/types.js';
import type { Clock } from '../../../lib/clock.js';
import { type FileHooks, withFileHooks } from '../../../lib/file-hooks.js';
import type { FileStore } from '../../../lib/file-store.js';
import { balances } from './balances.js';
import { findContracts, readsLine } from './contracts.js';
import { findLineFile } from './files.js';
import { type LineKind, listLines } from './queries.js';
import { createRate, listRates } from './rates.js';
import type { FinanceService } from './service.js';

const BASE = '/api/v1/mis/finance';
const tags = ['mis'];
const params = z.object({ id: z.uuid() });
const ceilingNote =
  'Past its ceiling: 409 mis_ceiling_exceeded with { available }, unless `override: { reason }` (kept on the ' +
  'line and in the audit log). Every amount a whole number of FCFA (else 400)';

type Deps = { db: Db; files: FileStore; clock: Clock; finance: FinanceService };
type Ctx = ReturnType<typeof authedContext>;

/** Finance (docs/api.md "MIS — Finance"): read with mis.read within the jurisdictions, write with mis.finance. */
export function financeRoutes(app: Api, { db, files, clock, finance }: Deps) {
  const withHooks = <T>(request: FastifyRequest, fn: (hooks: FileHooks) => Promise<T>) =>
    withFileHooks(fn, (err) => request.log.warn({ err }, 'after-commit cleanup'));

  const lines: Array<{
    kind: LineKind;
    what: string;
    page: z.ZodType;
    item: z.ZodType;
    body: z.ZodType;
    create: (ctx: Ctx, body: never, hooks: FileHooks) => Promise<unknown>;
  }> = [
    {
      kind: 'allocations',
      what: 'Allocations to a canton or a CVD ({ unitId, component, amount, date }), with what is used of each',
      page: allocationPageSchema,
      item: allocationSchema,
      body: createAllocationSchema,
      create: (ctx, body, hooks) => finance.createAllocation(ctx, body, hooks),
    },
    {
      kind: 'transfers',
      what: `Bank transfers of an allocation. ${ceilingNote}`,
      page: transferPageSchema,
      item: transferSchema,
      body: createTransferSchema,
      create: (ctx, body, hooks) => finance.createTransfer(ctx, body, hooks),
    },
    {
      kind: 'disbursement-requests',
      what: 'Disbursement requests on an allocation (pending until decided); past the allocation: 409',
      page: disbursementRequestPageSchema,
      item: disbursementRequestSchema,
      body: createDisbursementRequestSchema,
      create: (ctx, body, hooks) => finance.createRequest(ctx, body, hooks),
    },
    {
      kind: 'disbursements',
      what: `Disbursements of an allocation, optionally settling an approved request. ${ceilingNote}`,
      page: disbursementPageSchema,
      item: disbursementSchema,
      body: createDisbursementSchema,
      create: (ctx, body, hooks) => finance.createDisbursement(ctx, body, hooks),
    },
    {
      kind: 'payments',
      what: `Payments against a contract. ${ceilingNote}`,
      page: paymentPageSchema,
      item: paymentSchema,
      body: createPaymentSchema,
      create: (ctx, body, hooks) => finance.createPayment(ctx, body, hooks),
    },
  ];

  for (const line of lines) {
    app.get(
      `${BASE}/${line.kind}`,
      {
        schema: {
          tags,
          summary: `${line.what} — newest first, within the caller's jurisdictions`,
          querystring: financeListQuerySchema,
          response: { 200: line.page },
        },
      },
      async (request) => {
        const { actor } = authedContext(request, 'mis.read');
        return listLines(db, line.kind, actor, request.query) as never;
      },
    );
    app.post(
      `${BASE}/${line.kind}`,
      { schema: { tags, summary: line.what, body: line.body, response: { 201: line.item } } },
      async (request, reply) => {
        const ctx = authedContext(request, 'mis.finance');
        const created = await withHooks(request, (hooks) => line.create(ctx, request.body as never, hooks));
        return reply.status(201).send(created as never);
      },
    );
    if (line.kind === 'disbursement-requests') continue;
    const kind = line.kind;
    app.post(
      `${BASE}/${kind}/:id/reversal`,
      {
        schema: {
          tags,
          summary:
            'Cancels the line with a reversal line (same amount, counted negatively); 409 ' +
            'mis_line_already_reversed, and for an allocation with live lines 409 mis_allocation_in_use',
          params,
          body: reverseFinanceLineSchema,
          response: { 201: line.item },
        },
      },
      async (request, reply) => {
        const ctx = authedContext(request, 'mis.finance');
        const reversal = await finance.reverse(ctx, kind, request.params.id, request.body);
        return reply.status(201).send(reversal as never);
      },
    );
  }

  app.post(
    `${BASE}/disbursement-requests/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Approves or rejects a pending request (409 mis_request_state otherwise)',
        params,
        body: decideDisbursementRequestSchema,
        response: { 200: disbursementRequestSchema },
      },
    },
    async (request) => {
      const ctx = authedContext(request, 'mis.finance');
      return finance.decideRequest(ctx, request.params.id, request.body) as never;
    },
  );

  app.get(
    `${BASE}/balances`,
    {
      schema: {
        tags,
        summary:
          'Balances per canton or CVD and component (allocated, transferred, requested, disbursed, paid and ' +
          'what is left), with totals, in whole FCFA; `currency=usd` adds USD cents at the rate of `rateDate`',
        querystring: balancesQuerySchema,
        response: { 200: balancesSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'mis.read');
      return balances(db, actor, request.query, clock.now().toISOString().slice(0, 10));
    },
  );

  app.get(
    `${BASE}/contracts`,
    {
      schema: {
        tags,
        summary:
          'Contracts a payment may go to, by sub-project, company or reference, with what is left to pay',
        querystring: financeContractQuerySchema,
        response: { 200: financeContractListSchema },
      },
    },
    async (request) => {
      const { actor } = authedContext(request, 'mis.read');
      return findContracts(db, actor, request.query);
    },
  );

  app.get(
    `${BASE}/exchange-rates`,
    {
      schema: {
        tags,
        summary: 'Dated exchange rates (XOF for one USD), latest first',
        response: { 200: exchangeRateListSchema },
      },
    },
    async (request) => {
      authedContext(request, 'mis.read');
      return listRates(db);
    },
  );

  app.post(
    `${BASE}/exchange-rates`,
    {
      schema: {
        tags,
        summary: 'Records the rate valid from a date (a date already recorded: 409 conflict)',
        body: createExchangeRateSchema,
        response: { 201: exchangeRateAnswerSchema },
      },
    },
    async (request, reply) => {
      const ctx = authedContext(request, 'mis.finance');
      return reply.status(201).send(await createRate(db, ctx, request.body, clock.now()));
    },
  );

  app.get(
    `${BASE}/files/:id`,
    {
      schema: {
        tags,
        summary: "A finance line's document, to those who read the line (type read from the bytes, nosniff)",
        params,
      },
    },
    async (request, reply) => {
      const { actor } = authedContext(request, 'mis.read');
      const file = await findLineFile(db, request.params.id);
      if (!file || !(await readsLine(db, actor, file.lineTable, file.lineId)))
        throw new AppError('not_found');
      return sendStoredFile(reply, files, {
        key: file.storageKey,
        sizeBytes: file.sizeBytes,
        id: request.params.id,
      });
    },
  );
}
