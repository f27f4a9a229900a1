import { z } from 'zod';

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const tokenRequestSchema = loginSchema.extend({
  deviceName: z.string().trim().min(1).max(100).optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** Passwords: at least 10 characters with a letter and a digit; long passphrases welcome. */
export const passwordSchema = z
  .string()
  .min(10)
  .max(200)
  .regex(/[A-Za-zÀ-ÿ]/, { message: 'password_needs_letter' })
  .regex(/\d/, { message: 'password_needs_digit' });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
