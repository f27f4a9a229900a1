import { z } from 'zod';
import { clientDaySchema, clientInstantSchema } from '../../../platform/date-bounds.js';
import { phoneSchema } from '../../../platform/phone.js';

const code = z.string().trim().min(1).max(40);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const complainantSchema = z
  .object({
    anonymous: z.boolean(),
    name: optionalText(200),
    phone: phoneSchema.optional(),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
    whatsapp: phoneSchema.optional(),
    postalAddress: optionalText(300),
    preferredLanguage: optionalText(40),
    confidential: z.boolean().default(true),
    /** Agrees to receive news of the case (receipt, acknowledgment, proposal, closure) on the phone/email given. */
    notifyConsent: z.boolean().default(false),
    onBehalfOf: optionalText(200),
    kind: z.enum(['individual', 'group', 'organisation']).default('individual'),
    groupSize: z.number().int().min(2).max(100_000).optional(),
    gender: code.optional(),
    ageGroup: code.optional(),
    vulnerabilities: z.array(code).max(20).default([]),
  })
  .superRefine((c, ctx) => {
    const identity = [c.name, c.phone, c.email, c.whatsapp, c.postalAddress].some(Boolean);
    if (c.anonymous && identity)
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'anonymous_with_identity' });
    if (!c.anonymous && !c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
    if (c.notifyConsent && !c.phone && !c.whatsapp && !c.email) {
      ctx.addIssue({ code: 'custom', path: ['notifyConsent'], message: 'consent_without_contact' });
    }
    if (c.kind === 'individual' && c.groupSize !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'group_size_for_groups_only' });
    }
  });

/**
 * A new complaint, as staff intake, the field app and (later) the public form send it. Reference fields are
 * codes of the reference lists; the server checks that they exist and are active.
 */
export const createComplaintSchema = z.object({
  id: z.uuid().optional(),
  type: code,
  category: code,
  channel: code,
  description: z.string().trim().min(5).max(10_000),
  /** Bounded here by the clock and 2000; the server also checks the configured project start (date-bounds.ts). */
  incidentDate: clientDaySchema.optional(),
  ongoing: z.boolean().default(false),
  recurring: z.boolean().default(false),
  subprojectRef: optionalText(100),
  villageId: z.uuid(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  placeDescription: optionalText(500),
  receivedAt: clientInstantSchema.optional(),
  complainant: complainantSchema,
});
export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;
