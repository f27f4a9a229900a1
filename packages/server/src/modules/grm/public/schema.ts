import { createComplaintSchema } from '@coso/domain';
import { z } from 'zod';

/** The staff intake form minus what the public may not choose: the channel is the web form, the id and the
 * reception time are the server's. */
export const publicComplaintSchema = createComplaintSchema.omit({
  id: true,
  channel: true,
  receivedAt: true,
});
export type PublicComplaintInput = z.infer<typeof publicComplaintSchema>;

export const trackingParams = z.object({ trackingCode: z.string().trim().min(1).max(40) });

const proof = {
  last4: z
    .string()
    .regex(/^\d{4}$/, { message: 'last4_digits' })
    .optional(),
  otp: z
    .string()
    .regex(/^\d{6}$/, { message: 'otp_digits' })
    .optional(),
};
/** The second factor that unlocks the correction of a mistyped tracking code (recover.ts). */
export const recoverSchema = z.object({ last4: z.string().regex(/^\d{4}$/, { message: 'last4_digits' }) });

const comment = z.string().trim().max(2000).optional();
const satisfaction = z.number().int().min(1).max(5);

/** The citizen's answer: what they decide, with the proof that the case is theirs (one of last4 or otp). */
export const publicAnswerSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), satisfaction: satisfaction.optional(), comment, ...proof }),
    z.object({ decision: z.literal('reject'), satisfaction: satisfaction.optional(), comment, ...proof }),
    z.object({ decision: z.literal('appeal'), reason: z.string().trim().min(3).max(2000), ...proof }),
    z.object({ decision: z.literal('rate'), satisfaction, comment, ...proof }),
  ])
  .superRefine((a, ctx) => {
    if ((a.last4 === undefined) === (a.otp === undefined))
      ctx.addIssue({ code: 'custom', path: ['last4'], message: 'last4_or_otp' });
  });
export type PublicAnswer = z.infer<typeof publicAnswerSchema>;

export const villagesQuery = z.object({ parent: z.uuid().optional() });
