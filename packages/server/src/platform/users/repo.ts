import type { Locale, Role } from '@coso/domain';
import { Conditions } from '../../db/conditions.js';
import type { Queryable } from '../../db/driver.js';

export interface JurisdictionRow {
  unitId: string;
  path: string;
  code: string;
  name: string;
  level: string;
}

export interface UserRecord {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  phone: string | null;
  locale: Locale;
  active: boolean;
  trainingAccount: boolean;
  roles: Role[];
  jurisdictions: JurisdictionRow[];
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

// Roles and jurisdictions come back aggregated with the user, so one query loads a whole user.
const USER_SELECT = `
  select u.id, u.username, u.email, u.display_name as "displayName", u.phone, u.locale, u.active,
         u.training_account as "trainingAccount", u.created_at as "createdAt", u.updated_at as "updatedAt", u.last_login_at as "lastLoginAt",
         coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id),
                  '{}') as roles,
         coalesce((select json_agg(json_build_object('unitId', g.id, 'path', g.path, 'code', g.code,
                                                     'name', g.name, 'level', g.level) order by g.path)
                     from user_jurisdictions j join geo_units g on g.id = j.unit_id
                    where j.user_id = u.id), '[]') as jurisdictions
    from users u`;

export async function findUsersByIds(db: Queryable, ids: readonly string[]): Promise<UserRecord[]> {
  return db.query<UserRecord>(`${USER_SELECT} where u.id = any($1::uuid[])`, [ids]);
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | undefined> {
  return (await findUsersByIds(db, [id]))[0];
}

export interface UserCredentials {
  id: string;
  passwordHash: string;
  active: boolean;
}

/** Login is by username or email, both stored lower-case. */
export async function findCredentials(db: Queryable, login: string): Promise<UserCredentials | undefined> {
  const rows = await db.query<UserCredentials>(
    `select id, password_hash as "passwordHash", active from users
      where username = $1 or email = $1 order by (username = $1) desc limit 1`,
    [login.trim().toLowerCase()],
  );
  return rows[0];
}

export async function findPasswordHash(db: Queryable, id: string): Promise<string | undefined> {
  const rows = await db.query<{ hash: string }>('select password_hash as hash from users where id = $1', [
    id,
  ]);
  return rows[0]?.hash;
}

export interface UserListFilter {
  q?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  after?: { username: string } | undefined;
  limit: number;
}

export async function listUsers(db: Queryable, f: UserListFilter): Promise<UserRecord[]> {
  const c = new Conditions();
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    c.add('(u.username like ? or lower(u.display_name) like ? or u.email like ?)', like, like, like);
  }
  if (f.role) c.add('exists (select 1 from user_roles r where r.user_id = u.id and r.role = ?)', f.role);
  if (f.active !== undefined) c.add('u.active = ?', f.active);
  if (f.after) c.add('u.username > ?', f.after.username);
  return db.query<UserRecord>(
    `${USER_SELECT} ${c.where} order by u.username limit ${c.param(f.limit)}`,
    c.params,
  );
}

export interface NewUserRow {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  phone: string | null;
  locale: Locale;
  passwordHash: string;
  trainingAccount: boolean;
}

export async function insertUser(tx: Queryable, u: NewUserRow): Promise<void> {
  await tx.query(
    `insert into users (id, username, email, display_name, phone, locale, password_hash, training_account)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [u.id, u.username, u.email, u.displayName, u.phone, u.locale, u.passwordHash, u.trainingAccount],
  );
}

export interface UserFieldsUpdate {
  email?: string | null | undefined;
  displayName?: string | undefined;
  phone?: string | null | undefined;
  locale?: Locale | undefined;
  active?: boolean | undefined;
  trainingAccount?: boolean | undefined;
}

const COLUMNS: Record<keyof UserFieldsUpdate, string> = {
  email: 'email',
  displayName: 'display_name',
  phone: 'phone',
  locale: 'locale',
  active: 'active',
  trainingAccount: 'training_account',
};

export async function updateUserFields(tx: Queryable, id: string, fields: UserFieldsUpdate): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = fields[key as keyof UserFieldsUpdate];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  await tx.query(`update users set ${[...sets, 'updated_at = now()'].join(', ')} where id = $1`, params);
}

export async function setPasswordHash(tx: Queryable, id: string, hash: string): Promise<void> {
  await tx.query(
    'update users set password_hash = $2, password_changed_at = now(), updated_at = now() where id = $1',
    [id, hash],
  );
}

export async function replaceRoles(tx: Queryable, id: string, roles: readonly Role[]): Promise<void> {
  await tx.query('delete from user_roles where user_id = $1', [id]);
  await tx.query('insert into user_roles (user_id, role) select $1, unnest($2::text[])', [id, roles]);
}

export async function replaceJurisdictions(tx: Queryable, id: string, unitIds: readonly string[]) {
  await tx.query('delete from user_jurisdictions where user_id = $1', [id]);
  await tx.query('insert into user_jurisdictions (user_id, unit_id) select $1, unnest($2::uuid[])', [
    id,
    unitIds,
  ]);
}

export async function touchLastLogin(tx: Queryable, id: string): Promise<void> {
  await tx.query('update users set last_login_at = now() where id = $1', [id]);
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from users');
  return row?.n ?? 0;
}
