// GET /healthz on loopback: the report of checkHealth as JSON, HTTP 200 when it is "ok" and 503 otherwise.
import http from 'node:http';
import type { HealthReport } from '../services/checkHealth.ts';

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

export async function startHealthServer(options: { host: string; port: number; check: () => Promise<HealthReport> }): Promise<HealthServer> {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/healthz') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    try {
      const report = await options.check();
      response.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    } catch (error) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'degraded', error: (error as Error).message }));
    }
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
