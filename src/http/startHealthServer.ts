// GET /healthz on loopback: whether the database answers, when the last tick ran, which adapters are up.
import http from 'node:http';
import type { Pool } from '../db/createPool.ts';

export interface HealthState {
  lastTickAt: Date | null;
  lastTickError: string | null;
  /** Read on every request, so a bot that stopped polling shows as down. */
  adapters: () => Record<string, 'up' | 'down'>;
}

export class HttpPortError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(`cannot serve HTTP on ${host}:${port}: ${reason}`);
    this.name = 'HttpPortError';
  }
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: { host: string; port: number; pool: Pool; state: HealthState }): Promise<HealthServer> {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/healthz') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    let database = true;
    try {
      await options.pool.query('SELECT 1');
    } catch {
      database = false;
    }
    const body = {
      status: database ? 'ok' : 'degraded',
      database: { reachable: database },
      lastTick: { at: options.state.lastTickAt?.toISOString() ?? null, error: options.state.lastTickError },
      adapters: options.state.adapters(),
    };
    response.writeHead(database ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HttpPortError(options.host, options.port, error.code === 'EADDRINUSE' ? 'the port is already in use (set POLICYWATCH_HTTP_PORT)' : error.message)),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
