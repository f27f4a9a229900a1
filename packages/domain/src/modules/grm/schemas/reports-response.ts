import { z } from 'zod';
import { type Contract, calendarDateSchema, timestampSchema } from '../../../platform/schemas/wire.js';

const countSchema = z.object({ key: z.string(), n: z.number() });
export type Count = Contract<typeof countSchema>;

const complianceSchema = z.object({
  onTime: z.number(),
  due: z.number(),
  /** Percent with one decimal; null when nothing was due. */
  rate: z.number().nullable(),
});
export type Compliance = Contract<typeof complianceSchema>;

/** In business days. */
const durationSchema = z.object({
  median: z.number().nullable(),
  average: z.number().nullable(),
  count: z.number(),
});
export type Duration = Contract<typeof durationSchema>;

const kpisShape = {
  received: z.number(),
  open: z.number(),
  overdue: z.number(),
  acknowledgedWithinDeadline: complianceSchema,
  resolvedWithinDeadline: complianceSchema,
  daysToAcknowledge: durationSchema,
  daysToResolve: durationSchema,
  escalations: z.number(),
  appeals: z.number(),
  satisfactionAverage: z.number().nullable(),
  satisfactionCount: z.number(),
};
const kpisSchema = z.object(kpisShape);
export type Kpis = Contract<typeof kpisSchema>;

const areaCountSchema = z.object({
  id: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  level: z.string().nullable(),
  n: z.number(),
});
export type AreaCount = Contract<typeof areaCountSchema>;

const summarySource = {
  /** Live query, or the rollup built at `asOf` (docs/reports.md, "Speed"). */
  source: z.enum(['live', 'rollup']),
  asOf: timestampSchema,
};

/** GET /api/v1/reports/complaints/summary: the dashboard's numbers. */
export const complaintSummarySchema = z.object({
  /** The filters applied, with the day the figures were taken. */
  filters: z.object({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    area: z.string().optional(),
    type: z.string().optional(),
    category: z.string().optional(),
    channel: z.string().optional(),
    today: calendarDateSchema,
  }),
  sensitiveIncluded: z.boolean(),
  /** Sensitive cases in the scope, period and area (whatever the type, category and channel filters). */
  sensitiveTotal: z.number(),
  ...summarySource,
  ...kpisShape,
  byStatus: z.array(countSchema),
  byType: z.array(countSchema),
  byCategory: z.array(countSchema),
  byChannel: z.array(countSchema),
  byGender: z.array(countSchema),
  byAgeGroup: z.array(countSchema),
  byVulnerability: z.array(countSchema),
  byArea: z.array(areaCountSchema),
  satisfaction: z.array(countSchema),
  trend: z.array(kpisSchema.extend({ month: z.string(), closed: z.number() })),
});
export type ComplaintSummary = Contract<typeof complaintSummarySchema>;

export const indicatorSchema = z.object({
  code: z.string(),
  unit: z.enum(['count', 'percent', 'days', 'score']),
  name: z.object({ fr: z.string(), en: z.string() }),
  definition: z.object({ fr: z.string(), en: z.string() }),
  value: z.number().nullable(),
  trend: z.array(z.object({ month: z.string(), value: z.number().nullable() })),
});
export type Indicator = Contract<typeof indicatorSchema>;

/** GET /api/v1/reports/complaints/indicators. */
export const indicatorsSchema = z.object({
  from: calendarDateSchema,
  to: calendarDateSchema,
  sensitiveIncluded: z.boolean(),
  ...summarySource,
  items: z.array(indicatorSchema),
});
export type Indicators = Contract<typeof indicatorsSchema>;

/** Map data: one row per unit of a level with a centroid; counts are null when the public version hides them. */
export const areaMapDataSchema = z.object({
  level: z.enum(['region', 'prefecture', 'commune', 'canton']),
  version: z.enum(['internal', 'public']),
  sensitiveIncluded: z.boolean(),
  sensitiveTotal: z.number().nullable(),
  ...summarySource,
  smallCountThreshold: z.number().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      path: z.string(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      total: z.number().nullable(),
      open: z.number().nullable(),
      overdue: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
export type AreaMapData = Contract<typeof areaMapDataSchema>;

/** A periodic report generated on schedule. */
export const reportRunSchema = z.object({
  id: z.string(),
  period: z.string(),
  version: z.enum(['internal', 'public']),
  format: z.enum(['pdf', 'xlsx']),
  area: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  fileName: z.string(),
  byteSize: z.number(),
  generatedAt: timestampSchema,
  downloadUrl: z.string(),
});
export type ReportRun = Contract<typeof reportRunSchema>;
