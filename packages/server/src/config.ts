import path from 'node:path';
import { DEFAULT_PROJECT_START, EARLIEST_PROJECT_START, togoDate } from '@coso/domain';
import { z } from 'zod';
import { MASTER_KEY_PATTERN } from './vault/master-key.js';

export const ENVIRONMENTS = ['demo', 'training', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const masterKey = z
  .string()
  .trim()
  .regex(MASTER_KEY_PATTERN, { message: 'must be the base64 of 32 random bytes (openssl rand -base64 32)' })
  .transform((v) => Buffer.from(v, 'base64'));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  COSO_ENV: z.enum(ENVIRONMENTS).default('demo'),
  PUBLIC_URL: z.url().optional(),
  GRM_HOTLINE: z.string().trim().min(3).max(40).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10000).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_SLOWDOWN_MAX_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  SEED_DEMO: booleanFlag.optional(),
  COSO_MASTER_KEY: masterKey.optional(),
  COSO_NEW_MASTER_KEY: masterKey.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  SMTP_FROM: z.string().min(3).default('COSO <no-reply@coso.local>'),
  SMS_GATEWAY: z.enum(['log', 'http']).default('log'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_AUTH_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+:\s*\S/, { message: 'must look like "Header-Name: value"' })
    .optional(),
  SMS_GATEWAY_BODY_TEMPLATE: z
    .string()
    .refine(isJsonTemplate, { message: 'must be JSON once {to}, {text} and {id} are filled (in quotes)' })
    .default('{"to":"{to}","text":"{text}","reference":"{id}"}'),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/, {
      message:
        'must be an http(s) tile URL with {z}, {x} and {y} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png)',
    })
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  PROJECT_START_DATE: z.iso
    .date({ message: 'must be a date as YYYY-MM-DD' })
    .refine((d) => d >= EARLIEST_PROJECT_START, { message: `must not be before ${EARLIEST_PROJECT_START}` })
    .refine((d) => d <= togoDate(), { message: 'must not be in the future' })
    .default(DEFAULT_PROJECT_START),
});

/** The SMS gateway body: JSON once its placeholders are replaced by JSON-escaped text (without quotes). */
function isJsonTemplate(template: string): boolean {
  try {
    JSON.parse(template.replace(/\{(to|text|id)\}/g, 'x'));
    return true;
  } catch {
    return false;
  }
}

/** How notifications leave the platform (platform/notifications, docs/notifications.md). */
export interface NotificationSettings {
  /** smtp://user:pass@host:port; without it, email messages are marked skipped (not configured). */
  smtpUrl: string | undefined;
  smtpFrom: string;
  sms: {
    gateway: 'log' | 'http';
    url: string | undefined;
    /** "Header-Name: value", e.g. "Authorization: Bearer …". */
    authHeader: string | undefined;
    /** JSON body with {to}, {text} and {id} placeholders. */
    bodyTemplate: string;
    timeoutMs: number;
  };
  maxAttempts: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  environment: Environment;
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** Cookies are marked Secure when the public URL is HTTPS. */
  secureCookies: boolean;
  sessionTtlHours: number;
  tokenTtlDays: number;
  /** Login throttling (platform/auth/throttle.ts): per account and address, per address, slowdown per account. */
  login: { maxFailures: number; maxFailuresPerIp: number; windowMinutes: number; slowdownMaxSeconds: number };
  logLevel: string;
  webDist: string | undefined;
  /** Seed demo data into an empty database: demo and training only, never production. */
  seedDemo: boolean;
  /**
   * Wraps the data keys that encrypt complainant identities; never stored in the database. Required in
   * production; elsewhere, when absent, a key is generated once into DATA_DIR/master.key (vault/master-key.ts).
   */
  masterKey: Buffer | undefined;
  /** Only for the key-rotation command: the master key that replaces masterKey. */
  newMasterKey: Buffer | undefined;
  notifications: NotificationSettings;
  /** Base map of the grievance map (docs/reports.md); without a tile URL the map draws no tiles. */
  map: { tileUrl: string | undefined; attribution: string | undefined };
  /**
   * The grievance hotline printed on receipts and shown by the field app; unset, receipts leave out the
   * "call us" section. Demo and training show a sample number.
   */
  hotline: string | undefined;
  /**
   * The project's first day (YYYY-MM-DD): no date a client sends (reception, incident) may be earlier
   * (domain date-bounds.ts).
   */
  projectStartDate: string;
}

/** The sample hotline of demo and training installations (not a real number). */
export const DEMO_HOTLINE = '+228 70 00 00 00';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The only reader of process.env: validates everything at boot and lists every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const demoLike = e.COSO_ENV === 'demo' || e.COSO_ENV === 'training';
  const problems: string[] = [];
  if (e.SEED_DEMO && e.COSO_ENV === 'production') {
    problems.push('SEED_DEMO: demo data is never seeded in production');
  }
  if (!e.COSO_MASTER_KEY && e.COSO_ENV === 'production') {
    problems.push(
      'COSO_MASTER_KEY: required in production (openssl rand -base64 32); keep a copy apart from the database backups',
    );
  }
  if (e.SMS_GATEWAY === 'http' && !e.SMS_GATEWAY_URL) {
    problems.push('SMS_GATEWAY_URL: required when SMS_GATEWAY=http');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    environment: e.COSO_ENV,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    tokenTtlDays: e.TOKEN_TTL_DAYS,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: e.LOGIN_WINDOW_MINUTES,
      slowdownMaxSeconds: e.LOGIN_SLOWDOWN_MAX_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    seedDemo: e.SEED_DEMO ?? demoLike,
    masterKey: e.COSO_MASTER_KEY,
    newMasterKey: e.COSO_NEW_MASTER_KEY,
    notifications: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      sms: {
        gateway: e.SMS_GATEWAY,
        url: e.SMS_GATEWAY_URL,
        authHeader: e.SMS_GATEWAY_AUTH_HEADER,
        bodyTemplate: e.SMS_GATEWAY_BODY_TEMPLATE,
        timeoutMs: e.SMS_GATEWAY_TIMEOUT_MS,
      },
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    },
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION },
    hotline: e.GRM_HOTLINE ?? (demoLike ? DEMO_HOTLINE : undefined),
    projectStartDate: e.PROJECT_START_DATE,
  };
}

/** The origin the map tiles come from, for the Content-Security-Policy (`{s}` subdomains as `*`). */
export function tileOrigin(tileUrl: string | undefined): string | undefined {
  const match = tileUrl?.match(/^(https?:\/\/)([^/]+)/);
  return match ? `${match[1]}${match[2]!.replace(/\{[a-z]+\}/g, '*')}` : undefined;
}
