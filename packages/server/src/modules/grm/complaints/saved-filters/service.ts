import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../db/driver.js';
import { isUniqueViolation } from '../../../../db/errors.js';
import { AppError } from '../../../../http/app-error.js';
import * as repo from './repo.js';

export type SavedFilterService = ReturnType<typeof createSavedFilterService>;

/**
 * A user's named list filters. They are personal view settings, not records of the grievance mechanism, so
 * they carry no history and no audit entry; each user only ever reads or deletes their own.
 */
export function createSavedFilterService({ db }: { db: Db }) {
  return {
    list: (userId: string) => repo.listSavedFilters(db, userId),

    async create(userId: string, name: string, query: Record<string, string>) {
      try {
        return await repo.insertSavedFilter(db, { id: randomUUID(), userId, name, query });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('conflict', [{ path: 'name', message: 'name_taken' }]);
        throw err;
      }
    },

    async remove(userId: string, id: string) {
      // Someone else's filter answers 404 like a missing one: ids of others' filters are not confirmed.
      if (!(await repo.deleteSavedFilter(db, id, userId))) throw new AppError('not_found');
    },
  };
}
