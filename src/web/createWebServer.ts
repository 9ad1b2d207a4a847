// The one HTTP server of the process (Fastify): the public tracker pages, feeds, calendars, badges, exports,
// the read-only API, and /healthz. Strict Content-Security-Policy and the usual security headers, a request
// body limit, and a per-address rate limit.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Pool } from '../services/database.ts';
import { createVersionReader } from '../services/tracker/readTrackerVersion.ts';
import { registerApiRoutes } from './api/apiRoutes.ts';
import { registerFeedRoutes } from './feedRoutes.ts';
import { isLang, pickLanguage } from './i18n.ts';
import { notFoundPage, registerPageRoutes } from './pageRoutes.ts';
import { createResponseCache } from './respondCached.ts';
import { SITE_CSS } from './siteCss.ts';
import { createWebContext } from './WebContext.ts';
import { hasWebhookSecret, registerTelegramWebhookRoute, type TelegramWebhookRoute } from './telegramWebhookRoute.ts';

export interface HealthReport {
  statusCode: number;
  body: unknown;
}

export interface WebServerOptions {
  pool: Pool;
  now: () => Date;
  timezone: string;
  /** Absolute base URL used in feeds, calendars and the API. */
  publicUrl: string;
  leadDays: readonly number[];
  /** Requests per minute and client address. */
  rateLimitPerMinute: number;
  health: () => Promise<HealthReport>;
  /** The Telegram bot's webhook, in webhook mode. */
  telegramWebhook?: TelegramWebhookRoute | null;
  logger?: import('pino').Logger;
}

export async function createWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const webhook = options.telegramWebhook ?? null;
  const app = Fastify({
    // Request lines are info; only warnings and errors of the web server reach the service log.
    loggerInstance: options.logger?.child({ component: 'web' }, { level: 'warn' }) as FastifyBaseLogger | undefined,
    // Everything here is GET but the Telegram webhook (its own limit); a big body is refused early.
    bodyLimit: 16 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Telegram posts every update from a few addresses; its authenticated requests are not the crowd this limits.
    allowList: (request) =>
      request.url === '/healthz' || (webhook !== null && request.method === 'POST' && request.url === webhook.path && hasWebhookSecret(request, webhook.secret)),
  });
  if (webhook) registerTelegramWebhookRoute(app, webhook);

  app.get('/healthz', async (_request, reply) => {
    const report = await options.health();
    return reply.code(report.statusCode).type('application/json').header('cache-control', 'no-store').send(JSON.stringify(report.body));
  });
  app.get('/assets/site.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS));
  // Browsers ask for it on every site; answering "nothing" keeps their consoles clean.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain').send('User-agent: *\nDisallow: /calendar/\n'));

  const deps = { pool: options.pool, now: options.now, timezone: options.timezone };
  const cache = createResponseCache(createVersionReader(deps), options.timezone);
  const web = createWebContext(deps, cache, { publicUrl: options.publicUrl, leadDays: options.leadDays, timezone: options.timezone });
  registerPageRoutes(app, web);
  registerFeedRoutes(app, web);
  registerApiRoutes(app, web);

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).type('application/json').send(JSON.stringify({ error: 'not found' }));
    const first = request.url.split('/')[1] ?? '';
    const lang = isLang(first) ? first : pickLanguage(request.headers['accept-language']);
    const page = notFoundPage(lang, request.url.replace(/^\/(zh|en)/, '') || '/');
    return reply.code(404).type(page.type).send(page.body);
  });
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'request failed');
    const message = status === 500 ? 'internal error' : error.message;
    if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    return reply.code(status).type('application/json').send(JSON.stringify({ error: message }));
  });
  return app;
}
