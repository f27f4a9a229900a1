import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { phoneSchema } from '../phone.js';
import { ROLES } from '../roles.js';
import { passwordSchema } from './auth.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$/, { message: 'username_format' });

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const userFieldsSchema = z.object({
  displayName: z.string().trim().min(1).max(120),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  locale: z.enum(LOCALES),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  jurisdictionIds: z.array(z.uuid()).min(1).max(200),
  /** A training account: its work never counts in reports (DCC progress). */
  trainingAccount: z.boolean().optional(),
});

export const createUserSchema = userFieldsSchema.extend({
  locale: z.enum(LOCALES).default('fr'),
  username: usernameSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = userFieldsSchema.partial().extend({
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
