import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { ROLES } from '../roles.js';
import { geoRefSchema } from './auth-response.js';
import { type Contract, timestampSchema } from './wire.js';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(LOCALES),
  roles: z.array(z.enum(ROLES)),
  jurisdictions: z.array(geoRefSchema),
  active: z.boolean(),
  trainingAccount: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  lastLoginAt: timestampSchema.nullable(),
});
export type User = Contract<typeof userSchema>;
