// Atom feeds, iCalendar files, SVG badges and CSV/JSON exports.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listCalendarMilestones, openPrivateCalendar } from '../services/tracker/calendarService.ts';
import { findBureau, getBureauView } from '../services/tracker/getBureauView.ts';
import { getCommitmentView } from '../services/tracker/getCommitmentView.ts';
import { listDocumentSummaries } from '../services/tracker/getDocumentView.ts';
import { listAllCommitments, listAllMilestones } from '../services/tracker/listApiPages.ts';
import { FEED_KINDS, listFeedEntries, type FeedKind } from '../services/tracker/listFeedEntries.ts';
import { commitmentStatusOf, trackerStatusOf } from '../domain/trackerStatus.ts';
import { bureauName, isLang, STATUS_LABELS, textsOf, type Lang } from './i18n.ts';
import { feedTitle, renderAtom } from './renderAtom.ts';
import { renderBadge } from './renderBadge.ts';
import { STATUS_COLOURS } from './renderChart.ts';
import { renderCalendar } from './renderCalendar.ts';
import { renderCsv } from './renderCsv.ts';
import type { Rendered } from './respondCached.ts';
import type { WebContext } from './WebContext.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';
const SVG = 'image/svg+xml; charset=utf-8';
/** Feeds, calendars, badges and exports are meant to be fetched from anywhere. */
const SHARED = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
const NOT_FOUND: Rendered = { status: 404, type: 'text/plain; charset=utf-8', body: 'not found\n' };

function isFeedKind(value: string): value is FeedKind {
  return (FEED_KINDS as readonly string[]).includes(value);
}

export function registerFeedRoutes(app: FastifyInstance, web: WebContext): void {
  const shared = (request: FastifyRequest, reply: FastifyReply, produce: () => Promise<Rendered>, cacheControl = 'public, max-age=300') =>
    web.cache.respond(request, reply, { cacheControl, headers: SHARED }, produce);

  // Atom: /:lang/feeds/:kind.atom, /:lang/bureaux/:code/feeds/:kind.atom, /:lang/documents/:key/feeds/:kind.atom
  const feed = async (lang: string, kindFile: string, scope: { bureau?: string; document?: string }): Promise<Rendered> => {
    const kind = kindFile.replace(/\.atom$/, '');
    if (!isLang(lang) || !kindFile.endsWith('.atom') || !isFeedKind(kind)) return NOT_FOUND;
    let scopeName: string | null = null;
    let pagePath = `/${lang}/`;
    let feedScope: { bureau?: string; document?: string } = {};
    if (scope.bureau) {
      const bureau = await findBureau(web.deps.pool, scope.bureau);
      if (!bureau) return NOT_FOUND;
      scopeName = bureauName(lang, bureau);
      pagePath = `/${lang}/bureaux/${encodeURIComponent(bureau.code)}`;
      feedScope = { bureau: bureau.code };
    } else if (scope.document) {
      const document = (await listDocumentSummaries(web.deps)).find((d) => d.key === scope.document);
      if (!document) return NOT_FOUND;
      scopeName = document.title;
      pagePath = `/${lang}/documents/${encodeURIComponent(document.key)}`;
      feedScope = { document: document.key };
    }
    const [ctx, entries, version] = await Promise.all([web.renderContext(lang), listFeedEntries(web.depsFor(lang), kind, feedScope), web.cache.version()]);
    const selfPath = `${pagePath.replace(/\/$/, '')}/feeds/${kind}.atom`;
    const body = renderAtom(
      ctx,
      { kind, selfUrl: `${web.publicUrl}${selfPath}`, pageUrl: `${web.publicUrl}${pagePath}`, baseUrl: web.publicUrl, title: feedTitle(ctx, kind, scopeName), updated: version.lastModified },
      entries,
    );
    return { type: ATOM, body };
  };
  app.get<{ Params: { lang: string; kind: string } }>('/:lang/feeds/:kind', (req, reply) => shared(req, reply, () => feed(req.params.lang, req.params.kind, {})));
  app.get<{ Params: { lang: string; code: string; kind: string } }>('/:lang/bureaux/:code/feeds/:kind', (req, reply) =>
    shared(req, reply, () => feed(req.params.lang, req.params.kind, { bureau: req.params.code })),
  );
  app.get<{ Params: { lang: string; key: string; kind: string } }>('/:lang/documents/:key/feeds/:kind', (req, reply) =>
    shared(req, reply, () => feed(req.params.lang, req.params.kind, { document: req.params.key })),
  );

  // iCalendar: overall, per bureau, per commitment, and private per subscription.
  const calendar = async (lang: Lang, name: string, selection: Parameters<typeof listCalendarMilestones>[1]): Promise<Rendered> => {
    const [milestones, version] = await Promise.all([listCalendarMilestones(web.depsFor(lang), selection), web.cache.version()]);
    return {
      type: ICS,
      body: renderCalendar(milestones, { lang, name, baseUrl: web.publicUrl, leadDays: web.leadDays, timezone: web.timezone, uidDomain: 'policywatch', stamp: version.lastModified }),
    };
  };
  app.get<{ Params: { lang: string } }>('/:lang/calendar.ics', (req, reply) =>
    shared(req, reply, async () => (isLang(req.params.lang) ? calendar(req.params.lang, textsOf(req.params.lang).siteName, {}) : NOT_FOUND)),
  );
  app.get<{ Params: { lang: string; code: string } }>('/:lang/bureaux/:code/calendar.ics', (req, reply) =>
    shared(req, reply, async () => {
      const lang = req.params.lang;
      const bureau = isLang(lang) ? await findBureau(web.deps.pool, req.params.code) : null;
      if (!bureau || !isLang(lang)) return NOT_FOUND;
      return calendar(lang, `${textsOf(lang).siteName} · ${bureauName(lang, bureau)}`, { bureau: bureau.code });
    }),
  );
  app.get<{ Params: { lang: string; ref: string } }>('/:lang/commitments/:ref/calendar.ics', (req, reply) =>
    shared(req, reply, async () => {
      const lang = req.params.lang;
      const view = isLang(lang) ? await getCommitmentView(web.deps, req.params.ref) : null;
      if (!view || !isLang(lang)) return NOT_FOUND;
      return calendar(lang, `${textsOf(lang).siteName} · ${view.ref}`, { selection: { bureaus: null, refs: [view.ref] } });
    }),
  );
  app.get<{ Params: { file: string } }>('/calendar/:file', (req, reply) =>
    web.cache.respond(req, reply, { cacheControl: 'private, no-cache', memo: false, headers: { 'referrer-policy': 'no-referrer' } }, async () => {
      const token = req.params.file.replace(/\.ics$/, '');
      const subscription = req.params.file.endsWith('.ics') ? await openPrivateCalendar(web.deps.pool, token) : null;
      if (!subscription) return NOT_FOUND;
      const lang: Lang = subscription.language === 'en' ? 'en' : 'zh';
      return calendar(lang, `${textsOf(lang).siteName} · ${subscription.target.split(':')[0]}`, { selection: { bureaus: subscription.bureaus, refs: subscription.refs } });
    }),
  );

  // Badges: /:lang/badges/bureaux/:code.svg and /:lang/badges/commitments/:ref.svg
  app.get<{ Params: { lang: string; file: string } }>('/:lang/badges/bureaux/:file', (req, reply) =>
    shared(req, reply, async () => {
      const lang = req.params.lang;
      if (!isLang(lang) || !req.params.file.endsWith('.svg')) return NOT_FOUND;
      const view = await getBureauView(web.deps, req.params.file.slice(0, -4), 1);
      if (!view) return NOT_FOUND;
      const overdue = view.totals.overdue ?? 0;
      const message = lang === 'zh' ? `${overdue} 項${STATUS_LABELS.zh.overdue}` : `${overdue} overdue`;
      return { type: SVG, body: renderBadge(view.bureau.code, message, overdue ? STATUS_COLOURS.overdue : STATUS_COLOURS.met) };
    }),
  );
  app.get<{ Params: { lang: string; file: string } }>('/:lang/badges/commitments/:file', (req, reply) =>
    shared(req, reply, async () => {
      const lang = req.params.lang;
      if (!isLang(lang) || !req.params.file.endsWith('.svg')) return NOT_FOUND;
      const view = await getCommitmentView(web.deps, req.params.file.slice(0, -4));
      if (!view) return NOT_FOUND;
      const status = commitmentStatusOf(view.milestones.map((m) => view.trackerStatuses.get(m.id) ?? trackerStatusOf(m, view.today)));
      return { type: SVG, body: renderBadge(view.ref, STATUS_LABELS[lang][status], STATUS_COLOURS[status]) };
    }),
  );

  // Exports of everything (no filters needed for a bulk download; the API filters).
  app.get<{ Params: { file: string } }>('/exports/:file', (req, reply) =>
    shared(req, reply, async () => {
      switch (req.params.file) {
        case 'commitments.csv':
        case 'commitments.json': {
          const rows = await listAllCommitments(web.deps, {});
          const data = rows.map((c) => ({
            ref: c.ref,
            document: c.documentKey,
            language: c.language,
            bureaus: c.bureaus,
            status: commitmentStatusOf(c.milestones.map((m) => m.trackerStatus)),
            milestones: c.milestones.length,
            text: c.text,
            url: `${web.publicUrl}/en/commitments/${encodeURIComponent(c.ref)}`,
          }));
          if (req.params.file.endsWith('.json')) return { type: 'application/json; charset=utf-8', body: JSON.stringify({ data }) };
          return {
            type: 'text/csv; charset=utf-8',
            body: renderCsv(['ref', 'document', 'language', 'bureaus', 'status', 'milestones', 'text', 'url'], data.map((d) => [d.ref, d.document, d.language, d.bureaus.join(' '), d.status, d.milestones, d.text, d.url])),
          };
        }
        case 'milestones.csv':
        case 'milestones.json': {
          const rows = await listAllMilestones(web.deps, {});
          const data = rows.map((m) => ({ ref: m.ref, seq: m.seq, document: m.documentKey, bureaus: m.bureaus, kind: m.kind, due: m.due, status: m.status, trackerStatus: m.trackerStatus, phrase: m.phrase, subject: m.subject, evidenceUrl: m.evidenceUrl }));
          if (req.params.file.endsWith('.json')) return { type: 'application/json; charset=utf-8', body: JSON.stringify({ data }) };
          return {
            type: 'text/csv; charset=utf-8',
            body: renderCsv(
              ['ref', 'seq', 'document', 'bureaus', 'kind', 'due', 'status', 'trackerStatus', 'phrase', 'subject', 'evidenceUrl'],
              data.map((d) => [d.ref, d.seq, d.document, d.bureaus.join(' '), d.kind, d.due, d.status, d.trackerStatus, d.phrase, d.subject, d.evidenceUrl]),
            ),
          };
        }
        default:
          return NOT_FOUND;
      }
    }),
  );
}
