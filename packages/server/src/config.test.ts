import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_HOTLINE, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: demo environment, port 3000, embedded database, demo seeding', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      environment: 'demo',
      databaseUrl: undefined,
      seedDemo: true,
      secureCookies: false,
    });
    expect(c.dataDir).toMatch(/data$/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', COSO_ENV: 'staging', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'PORT',
        'DATABASE_URL',
        'COSO_ENV',
      ]);
    }
  });

  it('never seeds demo data in production', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ COSO_ENV: 'production', COSO_MASTER_KEY: key }).seedDemo).toBe(false);
    expect(loadConfig({ COSO_ENV: 'training' }).seedDemo).toBe(true);
    expect(() => loadConfig({ COSO_ENV: 'production', SEED_DEMO: 'true' })).toThrow(ConfigError);
  });

  it('prints a sample hotline only in demo and training; production shows the configured one or none', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).hotline).toBe(DEMO_HOTLINE);
    expect(loadConfig({ COSO_ENV: 'production', COSO_MASTER_KEY: key }).hotline).toBeUndefined();
    expect(loadConfig({ COSO_ENV: 'production', COSO_MASTER_KEY: key, GRM_HOTLINE: ' 8282 ' }).hotline).toBe(
      '8282',
    );
    expect(() => loadConfig({ GRM_HOTLINE: '1' })).toThrow(ConfigError);
  });

  it('marks cookies Secure behind an HTTPS public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://mgp.example.org' }).secureCookies).toBe(true);
  });

  it('sends notifications nowhere outside by default, and checks the gateway settings', () => {
    expect(loadConfig({}).notifications).toEqual({
      smtpUrl: undefined,
      smtpFrom: 'COSO <no-reply@coso.local>',
      sms: {
        gateway: 'log',
        url: undefined,
        authHeader: undefined,
        bodyTemplate: '{"to":"{to}","text":"{text}","reference":"{id}"}',
        timeoutMs: 10_000,
      },
      maxAttempts: 8,
    });
    try {
      loadConfig({
        SMTP_URL: 'http://mail',
        SMS_GATEWAY: 'http',
        SMS_GATEWAY_AUTH_HEADER: 'Bearer xyz',
        SMS_GATEWAY_BODY_TEMPLATE: '{"to":{to}',
        NOTIFY_MAX_ATTEMPTS: '0',
      });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'NOTIFY_MAX_ATTEMPTS',
        'SMS_GATEWAY_AUTH_HEADER',
        'SMS_GATEWAY_BODY_TEMPLATE',
        'SMTP_URL',
      ]);
    }
    expect(() => loadConfig({ SMS_GATEWAY: 'http' })).toThrow(/SMS_GATEWAY_URL: required/);
    expect(
      loadConfig({ SMS_GATEWAY: 'http', SMS_GATEWAY_URL: 'https://sms.example.tg/send' }).notifications.sms,
    ).toMatchObject({ gateway: 'http', url: 'https://sms.example.tg/send' });
  });
});
