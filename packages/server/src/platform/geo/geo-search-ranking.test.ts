import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  makeTree,
  makeUnit,
  makeUser,
  type Session,
  type TestApp,
  uniq,
} from '../../test/harness.js';
import { matchRank } from './repo.js';

let t: TestApp;
let tree: Awaited<ReturnType<typeof makeTree>>;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
});
afterAll(() => t.close());

async function search(query: string): Promise<{ items: Array<{ name: string }>; nextCursor: string | null }> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/geo/units?${query}`,
    headers: { cookie: admin.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('village search ranking', () => {
  // Alphabetically the names come in the reverse order of how well they match the typed text.
  async function threeVillages() {
    const word = uniq('zz');
    const names = [`Aa${word}ri`, `Ab ${word}`, `Ab-${word}de`, `${word} Centre`, `${word}gou`];
    for (const name of names) await makeUnit(t.db, tree.a.canton, 'village', { name });
    return word;
  }

  it('lists names starting with the text first, then a word starting with it, then any other match', async () => {
    const word = await threeVillages();
    const { items } = await search(`q=${word.toUpperCase()}&level=village`);
    expect(items.map((u) => u.name)).toEqual([
      `${word} Centre`,
      `${word}gou`,
      `Ab ${word}`,
      `Ab-${word}de`,
      `Aa${word}ri`,
    ]);
  });

  it('keeps that order across pages', async () => {
    const word = await threeVillages();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search(
        `q=${word}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.items.map((u) => u.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([`${word} Centre`, `${word}gou`, `Ab ${word}`, `Ab-${word}de`, `Aa${word}ri`]);
  });

  it('ranks a name key as the SQL does', () => {
    expect(matchRank('lama kara', 'la')).toBe(0);
    expect(matchRank('kante la', 'la')).toBe(1);
    expect(matchRank('kpalangou', 'la')).toBe(2);
  });
});
