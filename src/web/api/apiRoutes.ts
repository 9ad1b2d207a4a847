// /api/v1: read-only JSON, keyset cursors, conditional GETs; every answer is validated by the zod schema the
// OpenAPI document is generated from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { TrackerCommitmentRow, TrackerMilestoneRow, StatusChangeRow } from '../../services/tracker/trackerRows.ts';
import { commitmentStatusOf, isTrackerStatus, type TrackerStatus } from '../../domain/trackerStatus.ts';
import { isCalendarDate } from '../../domain/calendarDate.ts';
import { listBureauSummaries } from '../../services/tracker/getBureauView.ts';
import { getCommitmentView } from '../../services/tracker/getCommitmentView.ts';
import { listDocumentSummaries } from '../../services/tracker/getDocumentView.ts';
import { hasCarryOvers, listAllCarryOvers, listCommitmentPage, listMilestonePage, listStatusHistoryPage } from '../../services/tracker/listApiPages.ts';
import { listCarryOverLinks } from '../../services/tracker/listCarryOverLinks.ts';
import type { Rendered } from '../respondCached.ts';
import type { WebContext } from '../WebContext.ts';
import {
  BureauListSchema,
  CarryOverListSchema,
  CommitmentDetailSchema,
  CommitmentPageSchema,
  DocumentListSchema,
  MilestonePageSchema,
  StatusHistoryPageSchema,
} from './apiSchemas.ts';
import { buildOpenApi } from './buildOpenApi.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export class ApiQueryError extends Error {
  constructor(
    readonly parameter: string,
    readonly problem: string,
  ) {
    super(`${parameter}: ${problem}`);
    this.name = 'ApiQueryError';
  }
}

function answer<T extends z.ZodType>(schema: T, value: z.input<T>, status = 200): Rendered {
  return { status, type: JSON_TYPE, body: JSON.stringify(schema.parse(value)) };
}

function fail(status: number, error: string): Rendered {
  return { status, type: JSON_TYPE, body: JSON.stringify({ error }) };
}

function encodeCursor(id: number | null): string | null {
  return id === null ? null : Buffer.from(`id:${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new ApiQueryError('cursor', 'not a cursor returned by this API');
  return Number(match[1]);
}

interface ApiQuery {
  bureau?: string;
  document?: string;
  status?: string;
  due_before?: string;
  due_after?: string;
  q?: string;
  cursor?: string;
  limit?: string;
}

function readFilters(query: ApiQuery) {
  const dateParam = (name: 'due_before' | 'due_after'): string | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    if (!isCalendarDate(value)) throw new ApiQueryError(name, 'a date YYYY-MM-DD');
    return value;
  };
  let statuses: TrackerStatus[] | null = null;
  if (query.status) {
    const wanted = query.status.split(',').map((s) => s.trim());
    const bad = wanted.find((s) => !isTrackerStatus(s));
    if (bad !== undefined) throw new ApiQueryError('status', `unknown status "${bad}"`);
    statuses = wanted.filter(isTrackerStatus);
  }
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ApiQueryError('limit', 'a whole number from 1 to 500');
  return {
    bureau: query.bureau || null,
    document: query.document || null,
    statuses,
    dueBefore: dateParam('due_before'),
    dueAfter: dateParam('due_after'),
    text: query.q?.slice(0, 200) || null,
    afterId: decodeCursor(query.cursor),
    limit,
  };
}

function milestoneJson(m: Omit<TrackerMilestoneRow, 'statusChangedAt' | 'text' | 'language' | 'documentKey' | 'bureaus' | 'milestoneCount'> & { ref: string }) {
  return { id: m.id, ref: m.ref, seq: m.seq, kind: m.kind, phrase: m.phrase, subject: m.subject, due: m.due, status: m.status, trackerStatus: m.trackerStatus, evidenceUrl: m.evidenceUrl };
}

type ChangeFields = Pick<StatusChangeRow, 'status' | 'due' | 'previousStatus' | 'previousDue' | 'source' | 'note' | 'evidenceUrl' | 'changedAt'>;

/** The fields every status change shows in the API, wherever it is listed. */
function changeJson(h: ChangeFields) {
  return {
    status: h.status,
    due: h.due,
    previousStatus: h.previousStatus,
    previousDue: h.previousDue,
    source: h.source,
    note: h.note,
    evidenceUrl: h.evidenceUrl,
    changedAt: h.changedAt.toISOString(),
  };
}

function historyJson(h: StatusChangeRow) {
  return { id: h.id, ref: h.ref, seq: h.seq, ...changeJson(h) };
}

export function registerApiRoutes(app: FastifyInstance, web: WebContext): void {
  const commitmentJson = (c: TrackerCommitmentRow) => ({
    ref: c.ref,
    text: c.text,
    language: c.language,
    document: c.documentKey,
    headings: c.headings,
    bureaus: c.bureaus,
    withRelevantBureaux: c.withRelevantBureaux,
    status: commitmentStatusOf(c.milestones.map((m) => m.trackerStatus)),
    milestones: c.milestones.map((m) => milestoneJson({ ...m, ref: c.ref })),
    url: `${web.publicUrl}/en/commitments/${encodeURIComponent(c.ref)}`,
  });

  const api = (path: string, produce: (request: FastifyRequest) => Promise<Rendered>) => {
    app.get(`/api/v1${path}`, (request, reply: FastifyReply) =>
      web.cache.respond(request, reply, { headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' } }, async () => {
        try {
          return await produce(request);
        } catch (error) {
          if (error instanceof ApiQueryError) return fail(400, error.message);
          throw error;
        }
      }),
    );
  };
  const nextLink = (request: FastifyRequest, next: string | null): string | null => {
    if (!next) return null;
    const url = new URL(request.url, 'http://x');
    url.searchParams.set('cursor', next);
    return `${web.publicUrl}${url.pathname}${url.search}`;
  };

  const openApi = JSON.stringify(buildOpenApi(web.publicUrl));
  api('/openapi.json', async () => ({ type: JSON_TYPE, body: openApi }));

  api('/documents', async () => {
    const rows = await listDocumentSummaries(web.deps);
    return answer(DocumentListSchema, {
      data: rows.map((d) => ({
        key: d.key,
        title: d.title,
        chapter: d.chapter,
        language: d.language,
        published: d.published,
        sourceUrl: d.sourceUrl,
        commitments: d.commitments,
        milestones: d.milestones,
        versions: d.versions.map((v) => ({ ...v, loadedAt: new Date(v.loadedAt).toISOString() })),
      })),
    });
  });

  api('/bureaux', async () => answer(BureauListSchema, { data: await listBureauSummaries(web.deps) }));

  api('/commitments', async (request) => {
    const f = readFilters(request.query as ApiQuery);
    const page = await listCommitmentPage(web.deps, f, f.afterId, f.limit);
    const next = encodeCursor(page.nextAfterId);
    return answer(CommitmentPageSchema, { data: page.rows.map(commitmentJson), next, links: { next: nextLink(request, next) } });
  });

  api('/commitments/:ref', async (request) => {
    const { ref } = request.params as { ref: string };
    const view = await getCommitmentView(web.deps, ref);
    if (!view) return fail(404, `no commitment ${ref}`);
    const carryOvers = await listCarryOverLinks(web.deps, view.ref);
    const milestones = view.milestones.map((m) => ({ ...m, trackerStatus: view.trackerStatuses.get(m.id) ?? ('dropped' as const) }));
    return answer(CommitmentDetailSchema, {
      ref: view.ref,
      text: view.text,
      language: view.language,
      document: view.document.key,
      headings: view.headings,
      bureaus: view.bureaus,
      withRelevantBureaux: view.withRelevantBureaux,
      withdrawn: view.withdrawn,
      status: commitmentStatusOf(milestones.filter((m) => !m.withdrawn).map((m) => m.trackerStatus)),
      milestones: milestones.filter((m) => !m.withdrawn).map((m) => milestoneJson({ ...m, ref: view.ref })),
      url: `${web.publicUrl}/en/commitments/${encodeURIComponent(view.ref)}`,
      history: view.milestones.flatMap((m) =>
        m.history.map((h) => ({ seq: m.seq, ...changeJson(h) })),
      ),
      carryOvers,
    });
  });

  api('/milestones', async (request) => {
    const f = readFilters(request.query as ApiQuery);
    const page = await listMilestonePage(web.deps, f, f.afterId, f.limit);
    const next = encodeCursor(page.nextAfterId);
    return answer(MilestonePageSchema, { data: page.rows.map(milestoneJson), next, links: { next: nextLink(request, next) } });
  });

  api('/status-history', async (request) => {
    const f = readFilters(request.query as ApiQuery);
    const page = await listStatusHistoryPage(web.deps, f, f.afterId, f.limit);
    const next = encodeCursor(page.nextAfterId);
    return answer(StatusHistoryPageSchema, { data: page.rows.map(historyJson), next, links: { next: nextLink(request, next) } });
  });

  api('/carry-overs', async () => {
    if (!(await hasCarryOvers(web.deps))) return fail(404, 'carry-overs are not recorded by this installation');
    return answer(CarryOverListSchema, { data: await listAllCarryOvers(web.deps) });
  });
}
