// Listens on http.host:http.port; a port already taken is one clear error.
import { HttpPortError } from '../http/startHealthServer.ts';
import { createWebServer, type WebServerOptions } from './createWebServer.ts';

export interface WebServer {
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions & { host: string; port: number }): Promise<WebServer> {
  const app = await createWebServer(options);
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new HttpPortError(options.host, options.port, code === 'EADDRINUSE' ? 'the port is already in use (set POLICYWATCH_HTTP_PORT)' : (error as Error).message);
  }
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: async () => {
      await app.close();
    },
  };
}
