import { spawn } from 'node:child_process';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShutdown } from './shutdown.js';
import {
  createTestApp,
  fileComplaint,
  login,
  makeTree,
  makeUser,
  type Session,
  type TestApp,
} from './test/harness.js';

let t: TestApp;
let officer: Session;
let closed = false;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  officer = await login(t, (await makeUser(t, ['grm_officer'], [tree.country])).username);
  for (let i = 0; i < 10; i++) await fileComplaint(t, officer, tree.a.villages[0]!.id);
});
afterAll(async () => {
  if (!closed) await t.close();
});

/**
 * Another process (the client must not share the server's event loop, which the database keeps busy) sends
 * `n` GETs at once, each on a keep-alive connection of its own, says "sent", and prints each request's status
 * or the network error that ended it.
 */
function client(port: number, path: string, cookie: string, n: number) {
  const script = `
    const http = require('node:http');
    const one = () => new Promise((resolve) => {
      const agent = new http.Agent({ keepAlive: true });
      const req = http.get({ host: '127.0.0.1', port: ${port}, path: ${JSON.stringify(path)}, agent,
        headers: { cookie: ${JSON.stringify(cookie)} } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', (e) => resolve(e.code));
      });
      req.on('error', (e) => resolve(e.code));
    });
    const all = Promise.all(Array.from({ length: ${n} }, one));
    setTimeout(() => console.log('sent'), 150);
    all.then((r) => console.log(JSON.stringify(r)));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const sent = new Promise<void>((resolve) =>
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('sent')) resolve();
    }),
  );
  const results = new Promise<(number | string)[]>((resolve) =>
    child.on('exit', () => resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!))),
  );
  return { sent, results };
}

describe('shutdown', () => {
  it('answers every request in flight, then closes the database, on one signal', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    let stopped = false;
    const worker = {
      async stop() {
        await new Promise((r) => setTimeout(r, 50));
        stopped = true;
      },
    };
    const dbClosedAfter: string[] = [];
    const shutdown = createShutdown({
      app: t.app,
      worker,
      db: {
        close: async () => {
          dbClosedAfter.push(`worker ${stopped ? 'stopped' : 'running'}`);
          closed = true;
          await t.close();
        },
      },
      log: pino({ level: 'silent' }),
      graceMs: 15_000,
    });
    const load = client(port, '/api/v1/complaints?limit=50', officer.cookie, 40);
    // The signal comes once every connection is accepted, while the database keeps the event loop busy: most
    // requests are still unread or waiting for their queries.
    await load.sent;
    while ((await connections()) < 40) await new Promise((r) => setTimeout(r, 2));
    const start = Date.now();
    const outcome = await shutdown('SIGTERM');
    const results = await load.results;
    expect(outcome).toBe('drained');
    expect(results.filter((r) => r !== 200)).toEqual([]);
    expect(results).toHaveLength(40);
    expect(dbClosedAfter).toEqual(['worker stopped']);
    // Kept-alive connections did not hold the close open for keepAliveTimeout (72 s).
    expect(Date.now() - start).toBeLessThan(10_000);
    // A second signal while (or after) shutting down changes nothing.
    expect(await shutdown('SIGTERM')).toBe('drained');
  });
});

const connections = () =>
  new Promise<number>((resolve) => t.app.server.getConnections((_err, n) => resolve(n)));
