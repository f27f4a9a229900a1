import { type Actor, addCalendarDays, togoDate } from '@coso/domain';
import { z } from 'zod';
import type { Queryable } from '../../../db/driver.js';
import { type ComplaintSummary, complaintSummary } from './summary.js';

export const indicatorsQuerySchema = z.object({
  area: z.uuid().optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
});

type Kpis = ComplaintSummary['trend'][number];

interface Definition {
  code: string;
  unit: 'count' | 'percent' | 'days' | 'score';
  name: { fr: string; en: string };
  definition: { fr: string; en: string };
  value: (k: Kpis | ComplaintSummary) => number | null;
}

/** The grievance indicators of the results framework, each computed from the summary (never typed in). */
const INDICATORS: Definition[] = [
  {
    code: 'received',
    unit: 'count',
    name: { fr: 'Plaintes reçues', en: 'Grievances received' },
    definition: {
      fr: 'Nombre de plaintes, questions et suggestions reçues pendant la période, tous canaux confondus.',
      en: 'Number of grievances, questions and suggestions received in the period, all channels.',
    },
    value: (k) => k.received,
  },
  {
    code: 'acknowledged_within_deadline',
    unit: 'percent',
    name: { fr: 'Accusés de réception dans le délai', en: 'Acknowledged within the deadline' },
    definition: {
      fr: "Plaintes dont l'accusé de réception a été fait au plus tard à la date limite, divisées par les plaintes dont l'accusé était dû (fait, ou date limite passée), × 100.",
      en: 'Grievances acknowledged on or before their due date, divided by the grievances whose acknowledgment was due (done, or due date passed), × 100.',
    },
    value: (k) => k.acknowledgedWithinDeadline.rate,
  },
  {
    code: 'resolved_within_deadline',
    unit: 'percent',
    name: { fr: 'Plaintes traitées dans le délai', en: 'Grievances resolved within the deadline' },
    definition: {
      fr: 'Plaintes dont une solution a été proposée (ou qui ont été clôturées) au plus tard à la date limite de traitement, divisées par les plaintes dont le traitement était dû, × 100.',
      en: 'Grievances with a resolution proposed (or closed) on or before their resolution due date, divided by the grievances whose resolution was due, × 100.',
    },
    value: (k) => k.resolvedWithinDeadline.rate,
  },
  {
    code: 'days_to_acknowledge',
    unit: 'days',
    name: { fr: "Délai médian d'accusé de réception", en: 'Median time to acknowledge' },
    definition: {
      fr: "Médiane, sur les plaintes accusées, du nombre de jours ouvrables entre la réception et l'accusé de réception.",
      en: 'Median, over acknowledged grievances, of the business days between receipt and acknowledgment.',
    },
    value: (k) => k.daysToAcknowledge.median,
  },
  {
    code: 'days_to_resolve',
    unit: 'days',
    name: { fr: 'Délai moyen de traitement', en: 'Average time to resolve' },
    definition: {
      fr: 'Moyenne, sur les plaintes ayant reçu une proposition de solution, du nombre de jours ouvrables entre la réception et la proposition.',
      en: 'Average, over grievances with a proposed resolution, of the business days between receipt and the proposal.',
    },
    value: (k) => k.daysToResolve.average,
  },
  {
    code: 'satisfaction',
    unit: 'score',
    name: { fr: 'Satisfaction des plaignants', en: 'Complainant satisfaction' },
    definition: {
      fr: 'Moyenne des notes de 1 à 5 données par les plaignants à la clôture.',
      en: 'Average of the 1–5 ratings given by complainants at closure.',
    },
    value: (k) => k.satisfactionAverage,
  },
  {
    code: 'escalations',
    unit: 'count',
    name: { fr: 'Escalades et appels', en: 'Escalations and appeals' },
    definition: {
      fr: "Nombre d'escalades vers un niveau supérieur et d'appels des plaignants, sur les plaintes reçues pendant la période.",
      en: 'Number of escalations to a higher level and complainant appeals, on grievances received in the period.',
    },
    value: (k) => k.escalations + k.appeals,
  },
  {
    code: 'overdue',
    unit: 'count',
    name: { fr: 'Plaintes ouvertes en retard', en: 'Open grievances overdue' },
    definition: {
      fr: "Plaintes encore ouvertes dont la prochaine date limite est dépassée aujourd'hui.",
      en: 'Grievances still open whose next due date has passed today.',
    },
    value: (k) => k.overdue,
  },
];

/** The indicators over the last `months` months (the current one included) and their monthly trend. */
export async function complaintIndicators(
  db: Queryable,
  actor: Actor,
  q: z.infer<typeof indicatorsQuerySchema>,
  today = togoDate(),
) {
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - (q.months - 1));
  const from = start.toISOString().slice(0, 10);
  const summary = await complaintSummary(
    db,
    actor,
    { from, to: today, ...(q.area ? { area: q.area } : {}) },
    today,
  );
  const months: string[] = [];
  for (let d = from; d <= today; d = addCalendarDays(d, 1))
    if (!months.includes(d.slice(0, 7))) months.push(d.slice(0, 7));
  const byMonth = new Map(summary.trend.map((t) => [t.month, t]));
  return {
    from,
    to: today,
    sensitiveIncluded: summary.sensitiveIncluded,
    source: summary.source,
    asOf: summary.asOf,
    items: INDICATORS.map((i) => ({
      code: i.code,
      unit: i.unit,
      name: i.name,
      definition: i.definition,
      value: i.value(summary),
      trend: months.map((month) => {
        const k = byMonth.get(month);
        return { month, value: k ? i.value(k) : i.unit === 'count' ? 0 : null };
      }),
    })),
  };
}
