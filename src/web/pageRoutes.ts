// The HTML pages under /zh and /en. Handlers only parse the request, call a service, and render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getBureauView, listBureauSummaries } from '../services/tracker/getBureauView.ts';
import { getCommitmentView } from '../services/tracker/getCommitmentView.ts';
import { getDocumentView, listDocumentSummaries } from '../services/tracker/getDocumentView.ts';
import { getOverview } from '../services/tracker/getOverview.ts';
import { LIST_KINDS, listTrackerList, type ListKind } from '../services/tracker/listTrackerList.ts';
import { searchTracker } from '../services/tracker/searchTracker.ts';
import { html } from './html.ts';
import { bureauName, isLang, pickLanguage, textsOf, type Lang } from './i18n.ts';
import { renderPage } from './layout.ts';
import { bureauBody, bureauIndexBody } from './pages/bureauPages.ts';
import { commitmentBody } from './pages/commitmentPage.ts';
import { documentBody, documentIndexBody } from './pages/documentPages.ts';
import { listBody, listTitle } from './pages/listPage.ts';
import { overviewBody } from './pages/overviewPage.ts';
import { searchBody } from './pages/searchPage.ts';
import type { Rendered } from './respondCached.ts';
import type { WebContext } from './WebContext.ts';
import { readQuery } from './readQuery.ts';
import { listCarryOverLinks } from '../services/tracker/listCarryOverLinks.ts';

const HTML = 'text/html; charset=utf-8';
const PAGE_SIZE = 50;

/** The part of the URL after /zh or /en, for the language switch. */
function pathAfterLang(request: FastifyRequest): string {
  return request.url.replace(/^\/(zh|en)/, '') || '/';
}

export function notFoundPage(lang: Lang, path: string): Rendered {
  const t = textsOf(lang);
  return { status: 404, type: HTML, body: renderPage({ lang, title: t.notFound, path, body: html`<h1>${t.notFound}</h1><p><a href="/${lang}/">${t.overview}</a></p>` }) };
}

export function registerPageRoutes(app: FastifyInstance, web: WebContext): void {
  app.get('/', async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${pickLanguage(request.headers['accept-language'])}/`, 302);
  });

  const page = (route: string, build: (lang: Lang, request: FastifyRequest) => Promise<Rendered>) => {
    app.get<{ Params: { lang: string } }>(`/:lang${route}`, async (request, reply: FastifyReply) => {
      const lang = request.params.lang;
      if (!isLang(lang)) return web.cache.respond(request, reply, {}, async () => notFoundPage(pickLanguage(request.headers['accept-language']), request.url));
      return web.cache.respond(request, reply, {}, () => build(lang, request));
    });
  };

  page('/', async (lang, request) => {
    const [ctx, overview] = await Promise.all([web.renderContext(lang), getOverview(web.depsFor(lang))]);
    return { type: HTML, body: renderPage({ lang, title: textsOf(lang).overview, path: pathAfterLang(request), body: overviewBody(ctx, overview) }) };
  });

  page('/bureaux', async (lang, request) => {
    const [ctx, rows] = await Promise.all([web.renderContext(lang), listBureauSummaries(web.depsFor(lang))]);
    return { type: HTML, body: renderPage({ lang, title: textsOf(lang).bureaux, path: pathAfterLang(request), body: bureauIndexBody(ctx, rows) }) };
  });

  page('/bureaux/:code', async (lang, request) => {
    const { code } = request.params as { code: string };
    const [ctx, view] = await Promise.all([web.renderContext(lang), getBureauView(web.depsFor(lang), code)]);
    if (!view) return notFoundPage(lang, pathAfterLang(request));
    const c = encodeURIComponent(view.bureau.code);
    const t = textsOf(lang);
    return {
      type: HTML,
      body: renderPage({
        lang,
        title: bureauName(lang, view.bureau),
        path: pathAfterLang(request),
        body: bureauBody(ctx, view),
        feeds: [
          { title: `${t.feedChanges} · ${view.bureau.code}`, href: `/${lang}/bureaux/${c}/feeds/changes.atom` },
          { title: `${t.feedNew} · ${view.bureau.code}`, href: `/${lang}/bureaux/${c}/feeds/new.atom` },
          { title: `${t.feedMissed} · ${view.bureau.code}`, href: `/${lang}/bureaux/${c}/feeds/missed.atom` },
        ],
      }),
    };
  });

  page('/documents', async (lang, request) => {
    const [ctx, rows] = await Promise.all([web.renderContext(lang), listDocumentSummaries(web.depsFor(lang))]);
    return { type: HTML, body: renderPage({ lang, title: textsOf(lang).documents, path: pathAfterLang(request), body: documentIndexBody(ctx, rows) }) };
  });

  page('/documents/:key', async (lang, request) => {
    const { key } = request.params as { key: string };
    const [ctx, view] = await Promise.all([web.renderContext(lang), getDocumentView(web.depsFor(lang), key)]);
    if (!view) return notFoundPage(lang, pathAfterLang(request));
    const k = encodeURIComponent(view.document.key);
    const t = textsOf(lang);
    return {
      type: HTML,
      body: renderPage({
        lang,
        title: view.document.title,
        path: pathAfterLang(request),
        body: documentBody(ctx, view),
        feeds: [
          { title: t.feedChanges, href: `/${lang}/documents/${k}/feeds/changes.atom` },
          { title: t.feedNew, href: `/${lang}/documents/${k}/feeds/new.atom` },
          { title: t.feedMissed, href: `/${lang}/documents/${k}/feeds/missed.atom` },
        ],
      }),
    };
  });

  page('/commitments/:ref', async (lang, request) => {
    const { ref } = request.params as { ref: string };
    const [ctx, view] = await Promise.all([web.renderContext(lang), getCommitmentView(web.depsFor(lang), ref)]);
    if (!view) return notFoundPage(lang, pathAfterLang(request));
    const carryOvers = await listCarryOverLinks(web.depsFor(lang), view.ref);
    return { type: HTML, body: renderPage({ lang, title: view.ref, path: pathAfterLang(request), body: commitmentBody(ctx, view, carryOvers) }) };
  });

  for (const kind of LIST_KINDS) {
    page(`/${kind}`, async (lang, request) => {
      const q = readQuery(request.query);
      const listRequest = {
        kind: kind as ListKind,
        bureau: q.text('bureau', 100),
        document: q.text('document', 200),
        sort: q.choice('sort', kind === 'changed' ? ['recent', 'oldest'] : ['due', '-due', 'ref', '-ref'], kind === 'changed' ? 'recent' : 'due'),
        page: q.int('page', 1, 100_000, 1),
        pageSize: PAGE_SIZE,
      };
      const [ctx, result, bureaux, documents] = await Promise.all([
        web.renderContext(lang),
        listTrackerList(web.depsFor(lang), listRequest),
        web.bureaux(),
        listDocumentSummaries(web.depsFor(lang)),
      ]);
      return {
        type: HTML,
        body: renderPage({ lang, title: listTitle(ctx, kind), path: pathAfterLang(request), body: listBody(ctx, listRequest, result, { bureaux: bureaux.filter((b) => b.registered), documents }) }),
      };
    });
  }

  page('/search', async (lang, request) => {
    const q = readQuery(request.query);
    const text = q.text('q', 200) ?? '';
    const pageNo = q.int('page', 1, 10_000, 1);
    const [ctx, result] = await Promise.all([web.renderContext(lang), searchTracker(web.depsFor(lang), text, pageNo, PAGE_SIZE)]);
    return { type: HTML, body: renderPage({ lang, title: textsOf(lang).search, path: pathAfterLang(request), body: searchBody(ctx, text, pageNo, PAGE_SIZE, result) }) };
  });
}
