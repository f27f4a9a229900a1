import type { IncomingMessage, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from './db/driver.js';

/**
 * How long a shutdown waits for the requests in flight and the worker's running tasks before it cuts the
 * remaining connections. Below the 30 s that container runtimes and systemd's usual settings allow before
 * they kill, so that the database is still closed cleanly (PGlite flushes its data folder on close).
 */
export const SHUTDOWN_GRACE_MS = 20_000;

export interface Stoppable {
  stop(): Promise<void>;
}

export type ShutdownOutcome = 'drained' | 'timed_out';

/** A connection idle this long once shutting down is ended (a keep-alive client may still send on it before). */
const IDLE_LINGER_MS = 1_000;

interface ConnectionState {
  inFlight: number;
  /** When its last response ended; undefined until it has carried one. */
  idleSince?: number;
}

/**
 * One signal is enough: the server stops accepting connections, the requests already received or arriving on
 * open connections are answered (each response from then on closes its connection), the worker's running
 * tasks finish, all bounded by `graceMs`, and only then is the database closed. A second signal while this
 * runs is logged and changes nothing: the grace period already bounds the wait.
 *
 * Why not plain `app.close()`: Node's server.close() first closes every connection it deems idle, and a
 * connection whose request bytes are still unread counts as idle. On PGlite the database runs on the event
 * loop, so under load dozens of connections wait unread (or not even accepted: closing the listening socket
 * resets those), and closing them reset the requests on them (25 of 40 in a soak). Here the listening socket
 * closes once the accept queue is drained, a kept-alive connection is ended once it has been idle for
 * IDLE_LINGER_MS after a response, and Fastify's close() runs after the drain.
 */
export function createShutdown({
  app,
  worker,
  db,
  log,
  graceMs = SHUTDOWN_GRACE_MS,
}: {
  app: FastifyInstance;
  worker: Stoppable;
  db: Pick<Db, 'close'>;
  log: FastifyBaseLogger;
  graceMs?: number;
}) {
  const server = app.server;
  const connections = new Map<Socket, ConnectionState>();
  const pending = new Set<ServerResponse>();
  let closing = false;
  let lastAccepted = 0;
  server.on('connection', (socket: Socket) => {
    lastAccepted = Date.now();
    connections.set(socket, { inFlight: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) state.inFlight += 1;
    pending.add(response);
    if (closing) response.setHeader('connection', 'close');
    response.once('close', () => {
      pending.delete(response);
      if (!state) return;
      state.inFlight -= 1;
      if (state.inFlight === 0) state.idleSince = Date.now();
    });
  });

  let unlisten: (() => void) | undefined;
  const endIdleConnections = () =>
    // setImmediate: after the event loop's poll phase, so connections and requests that arrived while it was
    // busy are accepted and parsed before anything is judged idle. A connection that has not carried a
    // request yet is left alone (its bytes may be unread: the HTTP parser reads the socket natively, so
    // nothing tells); only the grace period ends it.
    setImmediate(() => {
      const now = Date.now();
      if (unlisten && pending.size === 0 && now - lastAccepted >= IDLE_LINGER_MS / 5) unlisten();
      for (const [socket, state] of connections)
        if (state.inFlight === 0 && state.idleSince !== undefined && now - state.idleSince >= IDLE_LINGER_MS)
          socket.end();
    });

  let running: Promise<ShutdownOutcome> | undefined;
  async function drain(): Promise<ShutdownOutcome> {
    closing = true;
    for (const response of pending) if (!response.headersSent) response.setHeader('connection', 'close');
    // Stop accepting once nothing is in flight and the kernel's queue of connections not yet accepted is
    // empty (closing the listening socket resets those), and without http.Server.close()'s closing of
    // "idle" connections (see above). Until then new connections are served, each response closing its own.
    const unlistened = new Promise<void>((resolve) => {
      unlisten = () => {
        unlisten = undefined;
        net.Server.prototype.close.call(server, () => resolve());
      };
    });
    endIdleConnections();
    const sweep = setInterval(endIdleConnections, 200);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'timed_out'>((resolve) => {
      timer = setTimeout(() => resolve('timed_out'), graceMs);
    });
    const settled = Promise.allSettled([unlistened, worker.stop()]).then(() => 'drained' as const);
    const outcome = await Promise.race([settled, expired]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (outcome === 'timed_out') {
      unlisten?.();
      log.warn({ graceMs }, 'shutdown: requests or tasks still running after the grace period; cutting them');
      server.closeAllConnections();
    }
    await app.close(); // the server is closed already; runs the plugins' onClose hooks
    await db.close();
    return outcome;
  }
  return (signal: string): Promise<ShutdownOutcome> => {
    if (running) {
      log.info({ signal }, 'shutdown already in progress');
      return running;
    }
    log.info({ signal }, 'shutting down: draining requests in flight');
    running = drain();
    return running;
  };
}
