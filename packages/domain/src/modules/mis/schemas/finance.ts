import { z } from 'zod';
import { clientDaySchema } from '../../../platform/date-bounds.js';
import {
  calendarDateSchema,
  pageOf,
  personRefSchema,
  timestampSchema,
} from '../../../platform/schemas/wire.js';
import { exchangeRateSchema, positiveFcfaSchema } from '../money.js';
import { CONTRACT_KINDS } from './subprojects.js';

/**
 * Requests and answers of the MIS's finance (docs/api.md "MIS — Finance", server modules/mis/finance): whole
 * FCFA everywhere (a decimal, a string or a negative amount is a 400). Lines are append-only: a mistake is
 * cancelled by a reversal line naming it (`POST …/:id/reversal`), never edited; balances are derived sums.
 */

const isoDate = z.iso.date();
const code = z.string().trim().min(1).max(40);
/** The day of a movement (an allocation, a transfer, a payment…): it has happened, so never after today. */
const lineDay = clientDaySchema;
const note = z.string().trim().max(2000);
const fileIds = z.array(z.uuid()).max(20);

/**
 * Going past a ceiling (a contract's amount, an allocation) on purpose: the reason is kept on the line and in
 * the audit log. Without it the server answers 409 `mis_ceiling_exceeded` with `{ available }`.
 */
export const ceilingOverrideSchema = z.strictObject({ reason: z.string().trim().min(5).max(1000) });

/** `POST /api/v1/mis/finance/allocations`: `unitId` is a canton (geo unit) or a CVD (village group). */
export const createAllocationSchema = z.strictObject({
  unitId: z.uuid(),
  component: code,
  amount: positiveFcfaSchema,
  date: lineDay,
  cycleId: z.uuid().optional(),
  note: note.optional(),
  fileIds: fileIds.optional(),
});
export type CreateAllocationInput = z.infer<typeof createAllocationSchema>;

/** `POST /api/v1/mis/finance/transfers`: a bank transfer of (part of) an allocation. */
export const createTransferSchema = z.strictObject({
  allocationId: z.uuid(),
  amount: positiveFcfaSchema,
  date: lineDay,
  bankReference: z.string().trim().min(1).max(100),
  note: note.optional(),
  fileIds: fileIds.optional(),
  override: ceilingOverrideSchema.optional(),
});
export type CreateTransferInput = z.infer<typeof createTransferSchema>;

/** `POST /api/v1/mis/finance/disbursement-requests`: asked for, decided later (approved or rejected). */
export const createDisbursementRequestSchema = z.strictObject({
  allocationId: z.uuid(),
  amount: positiveFcfaSchema,
  date: lineDay,
  note: note.optional(),
  fileIds: fileIds.optional(),
});
export type CreateDisbursementRequestInput = z.infer<typeof createDisbursementRequestSchema>;

/** `POST /api/v1/mis/finance/disbursement-requests/:id/decision`. */
export const decideDisbursementRequestSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: note.optional(),
});
export type DecideDisbursementRequestInput = z.infer<typeof decideDisbursementRequestSchema>;

/** `POST /api/v1/mis/finance/disbursements`, optionally settling an approved request of the same allocation. */
export const createDisbursementSchema = z.strictObject({
  allocationId: z.uuid(),
  requestId: z.uuid().optional(),
  amount: positiveFcfaSchema,
  date: lineDay,
  reference: z.string().trim().max(100).optional(),
  note: note.optional(),
  fileIds: fileIds.optional(),
  override: ceilingOverrideSchema.optional(),
});
export type CreateDisbursementInput = z.infer<typeof createDisbursementSchema>;

/** `POST /api/v1/mis/finance/payments`: a payment to a contract's holder. */
export const createPaymentSchema = z.strictObject({
  contractId: z.uuid(),
  amount: positiveFcfaSchema,
  date: lineDay,
  reference: z.string().trim().max(100).optional(),
  note: note.optional(),
  fileIds: fileIds.optional(),
  override: ceilingOverrideSchema.optional(),
});
export type CreatePaymentInput = z.infer<typeof createPaymentSchema>;

/** `POST /api/v1/mis/finance/{kind}/:id/reversal`: cancels a line (the reason is required). */
export const reverseFinanceLineSchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export type ReverseFinanceLineInput = z.infer<typeof reverseFinanceLineSchema>;

/** `POST /api/v1/mis/finance/exchange-rates`: XOF for one USD from a date on. */
export const createExchangeRateSchema = z.strictObject({
  validFrom: isoDate,
  xofPerUsd: exchangeRateSchema,
});
export type CreateExchangeRateInput = z.infer<typeof createExchangeRateSchema>;

/** The kinds of finance lines, as they appear in the URLs. */
export const FINANCE_LINE_KINDS = [
  'allocations',
  'transfers',
  'disbursement-requests',
  'disbursements',
  'payments',
] as const;
export type FinanceLineKind = (typeof FINANCE_LINE_KINDS)[number];

/** `GET /api/v1/mis/finance/{kind}` filters; `within` is a geo unit id (default: the caller's jurisdictions). */
export const financeListQuerySchema = z.strictObject({
  within: z.uuid().optional(),
  component: code.optional(),
  allocationId: z.uuid().optional(),
  contractId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type FinanceListQuery = z.infer<typeof financeListQuerySchema>;

export const financeFileSchema = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int(),
});

/** What every line carries: amount, date, who recorded it, its reversal, override and documents. */
const lineFields = {
  id: z.string(),
  amount: z.number().int(),
  date: calendarDateSchema,
  note: z.string(),
  /** This line is a reversal: the id of the line it cancels (it counts negatively in every sum). */
  reverses: z.string().nullable(),
  /** A later reversal cancelled this line. */
  reversed: z.boolean(),
  recordedBy: personRefSchema.nullable(),
  recordedAt: timestampSchema,
  files: z.array(financeFileSchema),
};
const override = z.object({ reason: z.string(), by: personRefSchema.nullable() }).nullable();

export const financeUnitSchema = z.object({
  id: z.string(),
  kind: z.enum(['canton', 'cvd']),
  name: z.string(),
});
export type FinanceUnit = z.infer<typeof financeUnitSchema>;

export const allocationSchema = z.object({
  ...lineFields,
  unit: financeUnitSchema,
  canton: z.object({ id: z.string(), name: z.string() }),
  component: z.string(),
  cycleId: z.string().nullable(),
  /** Sums of the allocation's live lines (reversals deducted). */
  transferred: z.number().int(),
  requested: z.number().int(),
  disbursed: z.number().int(),
});
export type Allocation = z.infer<typeof allocationSchema>;

const onAllocation = { allocationId: z.string(), unitName: z.string(), component: z.string() };

export const transferSchema = z.object({
  ...lineFields,
  ...onAllocation,
  bankReference: z.string(),
  override,
});
export type Transfer = z.infer<typeof transferSchema>;

export const disbursementRequestSchema = z.object({
  ...lineFields,
  ...onAllocation,
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: personRefSchema.nullable(),
  decidedAt: timestampSchema.nullable(),
  decisionNote: z.string(),
});
export type DisbursementRequest = z.infer<typeof disbursementRequestSchema>;

export const disbursementSchema = z.object({
  ...lineFields,
  ...onAllocation,
  requestId: z.string().nullable(),
  reference: z.string(),
  override,
});
export type Disbursement = z.infer<typeof disbursementSchema>;

export const paymentSchema = z.object({
  ...lineFields,
  contract: z.object({
    id: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    company: z.string(),
    reference: z.string(),
  }),
  subproject: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  component: z.string(),
  reference: z.string(),
  override,
});
export type Payment = z.infer<typeof paymentSchema>;

export const allocationPageSchema = pageOf(allocationSchema);
export const transferPageSchema = pageOf(transferSchema);
export const disbursementRequestPageSchema = pageOf(disbursementRequestSchema);
export const disbursementPageSchema = pageOf(disbursementSchema);
export const paymentPageSchema = pageOf(paymentSchema);

/** `GET /api/v1/mis/finance/contracts?q=`: the contracts a payment may go to, with what is left to pay. */
export const financeContractQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  subprojectId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const financeContractSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  company: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  paid: z.number().int(),
  remaining: z.number().int(),
  subproject: z.object({ id: z.string(), code: z.string(), title: z.string() }),
});
export type FinanceContract = z.infer<typeof financeContractSchema>;
export const financeContractListSchema = z.object({ items: z.array(financeContractSchema) });

/** `GET /api/v1/mis/finance/balances` filters; `currency=usd` adds USD at the rate valid on `rateDate`. */
export const balancesQuerySchema = z.strictObject({
  within: z.uuid().optional(),
  component: code.optional(),
  currency: z.enum(['xof', 'usd']).optional(),
  rateDate: isoDate.optional(),
});
export type BalancesQuery = z.infer<typeof balancesQuerySchema>;

const amount = z.number().int();
/** Sums per stage and what is left: to transfer (allocated − transferred), to disburse, to pay. */
export const balanceAmountsSchema = z.object({
  allocated: amount,
  transferred: amount,
  requested: amount,
  disbursed: amount,
  paid: amount,
  toTransfer: amount,
  toDisburse: amount,
  toPay: amount,
});
export type BalanceAmounts = z.infer<typeof balanceAmountsSchema>;

export const balanceRowSchema = z.object({
  unit: financeUnitSchema,
  canton: z.object({ id: z.string(), name: z.string() }),
  component: z.string(),
  amounts: balanceAmountsSchema,
  /** The same amounts in USD cents, with `currency=usd`. */
  usdCents: balanceAmountsSchema.optional(),
});
export type BalanceRow = z.infer<typeof balanceRowSchema>;

export const balancesSchema = z.object({
  rows: z.array(balanceRowSchema),
  totals: balanceAmountsSchema,
  usd: z
    .object({ rate: z.string(), validFrom: calendarDateSchema, totalsCents: balanceAmountsSchema })
    .optional(),
});
export type Balances = z.infer<typeof balancesSchema>;

export const exchangeRateAnswerSchema = z.object({
  validFrom: calendarDateSchema,
  xofPerUsd: z.string(),
  recordedBy: personRefSchema.nullable(),
});
export const exchangeRateListSchema = z.object({ items: z.array(exchangeRateAnswerSchema) });
