// A load balancer in miniature on 127.0.0.1: each request goes to the next upstream in turn, body and headers
// as received. An upstream that refuses the connection (a killed replica) gets 502, as a balancer without
// health checks answers; the caller (Telegram) re-sends and the next turn reaches another upstream.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  readonly url: string;
  /** Answers per upstream port and status, e.g. answered.get(8081)?.get(200). */
  readonly answered: Map<number, Map<number, number>>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreamPorts: readonly number[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const answered = new Map<number, Map<number, number>>(upstreamPorts.map((port) => [port, new Map()]));
  const count = (port: number, status: number): void => {
    const byStatus = answered.get(port)!;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  };
  const server = http.createServer((req, res) => {
    const port = upstreamPorts[turn++ % upstreamPorts.length]!;
    const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (response) => {
      count(port, response.statusCode ?? 0);
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    upstream.on('error', () => {
      count(port, 502);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream unavailable');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
