import type { PullResponse, SyncRow, SyncTable } from '@coso/domain';
import type { FastifyInstance } from 'fastify';

/**
 * Helpers of the pull tests. Compiled with the server (only src/test is left out of the build), so they import
 * nothing from src/test: the test app is any object with a Fastify `app`.
 */
interface TestApp {
  app: Pick<FastifyInstance, 'inject'>;
}

/** A device's copy of the synced tables, filled the way the field app applies pull pages. */
export class FakeDevice {
  readonly tables = new Map<SyncTable, Map<string, SyncRow>>();
  cursor: string | undefined;
  pages: PullResponse[] = [];

  constructor(
    private readonly t: TestApp,
    readonly headers: Record<string, string>,
  ) {}

  rows(table: SyncTable): SyncRow[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  ids(table: SyncTable): string[] {
    return this.rows(table).map((r) => r.id);
  }

  apply(page: PullResponse) {
    if (page.reset) this.tables.clear();
    for (const [table, rows] of Object.entries(page.changes) as Array<[SyncTable, SyncRow[]]>) {
      const store = this.tables.get(table) ?? new Map<string, SyncRow>();
      for (const row of rows) store.set(row.id, row);
      this.tables.set(table, store);
    }
    for (const [table, ids] of Object.entries(page.removed) as Array<[SyncTable, string[]]>) {
      for (const id of ids) this.tables.get(table)?.delete(id);
    }
    this.cursor = page.cursor;
    this.pages.push(page);
  }

  /** One pull request; throws on anything but 200. */
  async pullOnce(limit = 500, cursor = this.cursor): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await this.t.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?${query}`,
      headers: this.headers,
    });
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
    return res.json() as PullResponse;
  }

  /** Pulls until hasMore is false, applying every page; returns the pages of this sync. */
  async sync(limit = 500): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (let i = 0; i < 1000; i++) {
      const page = await this.pullOnce(limit);
      this.apply(page);
      pages.push(page);
      if (!page.hasMore) return pages;
    }
    throw new Error('pull never ended');
  }
}

/** A bearer token, as the field app gets one at login. */
export async function deviceToken(
  t: TestApp,
  username: string,
  password = 'Test-password-42',
): Promise<Record<string, string>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { login: username, password, deviceName: 'test phone' },
  });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

export const complaintBody = (villageId: string, over: Record<string, unknown> = {}) => ({
  type: 'complaint',
  category: 'works',
  channel: 'in_person',
  description: 'Le forage du village ne fonctionne plus depuis deux semaines.',
  villageId,
  complainant: {
    anonymous: false,
    name: 'Kodjo Abalo',
    phone: '+22890112233',
    email: 'kodjo@example.tg',
    confidential: false,
  },
  ...over,
});
