import { randomUUID } from 'node:crypto';
import type { CreateUserInput, Locale, UpdateUserInput } from '@coso/domain';
import type { AuthUser, RequestContext } from '../../context.js';
import type { Db, Queryable } from '../../db/driver.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, validationError } from '../../http/app-error.js';
import { appendAudit, diffFields } from '../audit/repo.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { revokeAllForUser } from '../auth/repo.js';
import { toAuthUser } from '../auth/service.js';
import * as repo from './repo.js';

type Ctx = RequestContext & { actor: AuthUser };

export type UserService = ReturnType<typeof createUserService>;

/** The one writer of users, their roles and their jurisdictions. */
export function createUserService({ db }: { db: Db }) {
  async function load(id: string, q: Queryable = db): Promise<repo.UserRecord> {
    const user = await repo.findUserById(q, id);
    if (!user) throw new AppError('not_found');
    return user;
  }

  async function assertUnitsExist(q: Queryable, ids: readonly string[]) {
    const rows = await q.query<{ id: string }>('select id from geo_units where id = any($1::uuid[])', [ids]);
    const known = new Set(rows.map((r) => r.id));
    const issues = ids.flatMap((id, i) =>
      known.has(id) ? [] : [{ path: `jurisdictionIds.${i}`, message: 'unknown_geo_unit' }],
    );
    if (issues.length) throw validationError(issues);
  }

  /** Unique username/email violations become 409s with a code the form can show next to the field. */
  async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isUniqueViolation(err, 'users_username_key')) throw new AppError('username_taken');
      if (isUniqueViolation(err, 'users_email_key')) throw new AppError('email_taken');
      throw err;
    }
  }

  const audit = (tx: Queryable, ctx: RequestContext, id: string, action: string, changes?: object | null) =>
    appendAudit(tx, {
      actorId: ctx.actor?.id ?? null,
      entity: 'user',
      entityId: id,
      action,
      changes: (changes ?? null) as Record<string, unknown> | null,
      ip: ctx.ip,
    });

  return {
    get: (id: string) => load(id),
    list: (filter: repo.UserListFilter) => repo.listUsers(db, filter),

    async create(ctx: RequestContext, input: CreateUserInput): Promise<repo.UserRecord> {
      const id = randomUUID();
      const passwordHash = await hashPassword(input.password);
      return guardUnique(() =>
        db.transaction(async (tx) => {
          await assertUnitsExist(tx, input.jurisdictionIds);
          await repo.insertUser(tx, {
            id,
            username: input.username,
            email: input.email ?? null,
            displayName: input.displayName,
            phone: input.phone ?? null,
            locale: input.locale,
            passwordHash,
            trainingAccount: input.trainingAccount ?? false,
          });
          await repo.replaceRoles(tx, id, input.roles);
          await repo.replaceJurisdictions(tx, id, input.jurisdictionIds);
          const { password: _omit, ...recorded } = input;
          await audit(tx, ctx, id, 'create', recorded);
          return load(id, tx);
        }),
      );
    },

    async update(ctx: Ctx, id: string, input: UpdateUserInput): Promise<repo.UserRecord> {
      const removesOwnAdmin = input.roles !== undefined && !input.roles.includes('admin');
      if (id === ctx.actor.id && (input.active === false || removesOwnAdmin))
        throw new AppError('self_lockout');
      return guardUnique(() =>
        db.transaction(async (tx) => {
          const before = await load(id, tx);
          const { jurisdictionIds, roles, ...fields } = input;
          const changes = diffFields(
            { ...before, jurisdictionIds: before.jurisdictions.map((j) => j.unitId) },
            { ...fields, roles, jurisdictionIds },
          );
          if (Object.keys(changes).length === 0) return before;
          await repo.updateUserFields(tx, id, fields);
          if (roles && changes.roles) await repo.replaceRoles(tx, id, roles);
          if (jurisdictionIds && changes.jurisdictionIds) {
            await assertUnitsExist(tx, jurisdictionIds);
            await repo.replaceJurisdictions(tx, id, jurisdictionIds);
          }
          // Deactivation takes effect at once: every session and device token of the user ends now.
          if (input.active === false && before.active) await revokeAllForUser(tx, id, ['session', 'token']);
          await audit(
            tx,
            ctx,
            id,
            input.active === false && before.active ? 'deactivate' : 'update',
            changes,
          );
          return load(id, tx);
        }),
      );
    },

    async resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
      const hash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await load(id, tx);
        await repo.setPasswordHash(tx, id, hash);
        await revokeAllForUser(tx, id, ['session', 'token']);
        await audit(tx, ctx, id, 'reset_password');
      });
    },

    async updateProfile(ctx: Ctx, input: { locale?: Locale | undefined; displayName?: string | undefined }) {
      const user = await db.transaction(async (tx) => {
        const before = await load(ctx.actor.id, tx);
        const changes = diffFields(before, input);
        if (Object.keys(changes).length === 0) return before;
        await repo.updateUserFields(tx, before.id, input);
        await audit(tx, ctx, before.id, 'update_profile', changes);
        return load(before.id, tx);
      });
      return toAuthUser(user);
    },

    /** Changing one's own password ends every other session and token, keeping the current one. */
    async changeOwnPassword(
      ctx: Ctx,
      input: { currentPassword: string; newPassword: string },
      currentSessionId: string | null,
    ) {
      const current = await repo.findPasswordHash(db, ctx.actor.id);
      if (!current || !(await verifyPassword(current, input.currentPassword)))
        throw new AppError('wrong_password');
      const hash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.setPasswordHash(tx, ctx.actor.id, hash);
        await revokeAllForUser(tx, ctx.actor.id, ['session', 'token'], currentSessionId);
        await audit(tx, ctx, ctx.actor.id, 'change_password');
      });
    },
  };
}
