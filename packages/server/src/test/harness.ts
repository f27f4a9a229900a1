import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@coso/domain';
import { childPath } from '@coso/domain';
import { buildApp, createServices, type Services } from '../app.js';
import { loadConfig } from '../config.js';
import { SYSTEM_CONTEXT } from '../context.js';
import type { Db } from '../db/driver.js';
import { MODULES } from '../modules/index.js';
import { insertUnit } from '../platform/geo/repo.js';
import type { ModuleDefinition } from '../platform/module.js';
import { openTestDatabase } from './database.js';

export const PASSWORD = 'Test-password-42';
export const uniq = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A real app on a fresh database, driven in-process with inject(); close() drops the database. */
export async function createTestApp(
  env: Record<string, string> = {},
  wrap: (services: Services) => Services = (s) => s,
  /** The module list; a test adds a test-only module after the real ones. */
  modules: readonly ModuleDefinition[] = MODULES,
) {
  const { db, drop } = await openTestDatabase();
  // A fresh master key per test app: nothing is written to DATA_DIR/master.key by tests.
  const masterKey = randomBytes(32).toString('base64');
  const config = loadConfig({
    COSO_ENV: 'test',
    DATA_DIR: '/tmp/coso-test',
    COSO_MASTER_KEY: masterKey,
    ...env,
  });
  const services = wrap(createServices(db, config, undefined, modules));
  const app = await buildApp({ config, db, logger: false, services });
  return {
    app,
    db,
    config,
    services,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface TestUnit {
  id: string;
  code: string;
  name: string;
  path: string;
  level: string;
}

/** Inserts a unit with random code and name under `parent` (a root country when parent is null). */
export async function makeUnit(
  db: Db,
  parent: TestUnit | null,
  level: string,
  fields: Partial<{ code: string; name: string; latitude: number; longitude: number }> = {},
): Promise<TestUnit> {
  const id = randomUUID();
  const unit = {
    id,
    level,
    code: fields.code ?? uniq(`${level}-`),
    name: fields.name ?? uniq(`${level} `),
    path: childPath(parent?.path ?? null, id),
  };
  await insertUnit(db, {
    ...unit,
    parentId: parent?.id ?? null,
    altNames: [],
    border: false,
    rural: null,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
  });
  return unit;
}

/** Country → 2 regions → prefecture → commune → canton → 3 villages in each region. */
export async function makeTree(db: Db) {
  const country = await makeUnit(db, null, 'country');
  const branch = async () => {
    const region = await makeUnit(db, country, 'region');
    const prefecture = await makeUnit(db, region, 'prefecture');
    const commune = await makeUnit(db, prefecture, 'commune');
    const canton = await makeUnit(db, commune, 'canton');
    const villages = [];
    for (let i = 0; i < 3; i++) villages.push(await makeUnit(db, canton, 'village'));
    return { region, prefecture, commune, canton, villages };
  };
  return { country, a: await branch(), b: await branch() };
}

export async function makeUser(
  t: TestApp,
  roles: Role[],
  jurisdictions: TestUnit[],
  extra: { email?: string } = {},
) {
  const username = uniq('user.');
  const user = await t.services.users.create(SYSTEM_CONTEXT, {
    username,
    displayName: `Test ${username}`,
    email: extra.email ?? null,
    locale: 'fr',
    roles,
    jurisdictionIds: jurisdictions.map((j) => j.id),
    password: PASSWORD,
  });
  return user;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Logs in through the API and returns the headers a browser would send for a write. */
export async function login(t: TestApp, login: string, password = PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'coso_session')!;
  const csrf = res.json().csrfToken as string;
  const header = `coso_session=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}

/** Files a case through the API (an anonymous works complaint unless `fields` say otherwise); 201 or throws. */
export async function fileComplaint(
  t: TestApp,
  session: Session,
  villageId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; trackingCode: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: session.headers,
    payload: {
      type: 'complaint',
      category: 'works',
      channel: 'in_person',
      description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
      villageId,
      complainant: { anonymous: true },
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
