import type { Actor } from '@coso/domain';
import { Conditions } from '../../../db/conditions.js';
import type { Queryable } from '../../../db/driver.js';
import { type Fragment, mayMatchOriginal, or, originalScope } from './list-scope.js';

/**
 * Full-text search of the case lists. The description matches only on the cases the actor sees as a
 * handler; on a case seen through its published summary, only its tracking code, reference or summary
 * (public_search) may match, so that a search never tells wider staff what the original text says.
 */
export interface TextSearch {
  /** The match on any visible case, the handler rule inside (one query with the whole scope). */
  scoped: Fragment;
  /** The match on a scope branch whose cases the actor sees as a handler. */
  asHandler: Fragment;
  /** The match on a scope branch whose cases the actor sees through their published summary. */
  asPublic: Fragment;
  /** The match on any case, scope left out: what the GIN and trigram indexes can count. */
  anywhere: Fragment;
}

export function textSearch(actor: Actor, q: string): TextSearch {
  const tsquery = "websearch_to_tsquery('french', ?)";
  const original = { sql: `c.search @@ ${tsquery}`, params: [q] };
  const published = [{ sql: `c.public_search @@ ${tsquery}`, params: [q] }];
  // A reference fragment ("2026-0001") has digits; a word search never needs the substring match (trigram
  // index complaints_reference_trgm).
  if (/\d/.test(q)) published.push({ sql: 'c.reference ilike ?', params: [`%${escapeLike(q)}%`] });
  const asPublic = or(published);
  // Only someone who may handle cases can match an original text; for wider staff the branch would make
  // PostgreSQL test every description match against a scope that is always false.
  if (!mayMatchOriginal(actor))
    return { scoped: asPublic, asHandler: asPublic, asPublic, anywhere: asPublic };
  const scope = originalScope(actor);
  return {
    scoped: or([{ sql: `(${original.sql} and ${scope.sql})`, params: [q, ...scope.params] }, ...published]),
    asHandler: or([original, ...published]),
    asPublic,
    anywhere: or([original, ...published]),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Up to this many matches, a text search starts from its matches rather than from the sort order. */
export const FEW_HITS = 5000;

/** An estimate this many times over FEW_HITS is trusted to be common (statistics track common words well). */
const COMMON = 10;

/**
 * The match itself when it finds at most `few` cases (counted through the GIN and trigram indexes). A word
 * the statistics know as common (half the cases say "forage") is not counted: counting would cost more than
 * walking the list's order, where matches come at once.
 */
export async function fewHits(db: Queryable, match: Fragment, few: number): Promise<Fragment | undefined> {
  const c = new Conditions();
  const probe = `select 1 from complaints c where ${c.text(match)}`;
  const [plan] = await db.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${probe}`, c.params);
  const explained = plan?.['QUERY PLAN'];
  const json = (typeof explained === 'string' ? JSON.parse(explained) : explained) as [
    { Plan: { 'Plan Rows': number } },
  ];
  if (json[0].Plan['Plan Rows'] > COMMON * few) return undefined;
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from (${probe} limit ${c.param(few + 1)}) h`,
    c.params,
  );
  return row!.n <= few ? match : undefined;
}
