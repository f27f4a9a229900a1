import { z } from 'zod';
import { LOCALES } from '../locale.js';
import { PERMISSIONS } from '../permissions.js';
import { ROLES } from '../roles.js';
import { type Contract, timestampSchema } from './wire.js';

/** A unit as a user's jurisdiction or an ancestor: enough to name it. */
export const geoRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
});
export type GeoRef = Contract<typeof geoRefSchema>;

/** GET /api/v1/me: the logged-in user, with what they may do. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  jurisdictions: z.array(geoRefSchema),
  locale: z.enum(LOCALES),
  /** Send it back as `X-CSRF-Token` on writes; null for a bearer token. */
  csrfToken: z.string().nullable(),
});
export type Me = Contract<typeof meSchema>;

export const loginResultSchema = z.object({ user: meSchema, csrfToken: z.string().nullable() });
export type LoginResult = Contract<typeof loginResultSchema>;

/** POST /api/v1/auth/token: the secret is shown once. */
export const issuedTokenSchema = z.object({ id: z.string(), token: z.string(), expiresAt: timestampSchema });

export const accessTokenSchema = z.object({
  id: z.string(),
  deviceName: z.string().nullable(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
});
export type AccessToken = Contract<typeof accessTokenSchema>;

export const metaSchema = z.object({
  environment: z.enum(['demo', 'training', 'test', 'production']),
  version: z.string(),
  /** The grievance map's base layer, when one is configured. */
  map: z.object({ tileUrl: z.string().nullable(), attribution: z.string().nullable() }),
  /** The grievance hotline for receipts and the field app; null when the server has none. */
  hotline: z.string().nullable(),
});
export type Meta = Contract<typeof metaSchema>;
export type Environment = Meta['environment'];

/** Failed logins within the window, per address, account, or account from an address (administrators). */
export const loginThrottleSchema = z.object({
  kind: z.enum(['address', 'account', 'account_address']),
  login: z.string().nullable(),
  ip: z.string().nullable(),
  failures: z.number(),
  firstAt: timestampSchema,
  lastAt: timestampSchema,
  /** Refused until then (address, account from address), or null. */
  blockedUntil: timestampSchema.nullable(),
  /** The wait each login attempt on this account gets now (account), or 0. */
  delaySeconds: z.number(),
});
export type LoginThrottle = Contract<typeof loginThrottleSchema>;

export const loginThrottlesSchema = z.object({
  windowMinutes: z.number(),
  items: z.array(loginThrottleSchema),
});
export const throttlesClearedSchema = z.object({ cleared: z.number() });
