// SQL behind the public tracker (web pages, feeds, calendars, badges, exports, API). Read-only; every filter is
// a bound parameter. The tracker status rule of src/domain/trackerStatus.ts is repeated here as SQL so that
// counts over thousands of milestones stay in the database.
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';
import type { TrackerStatus } from '../domain/trackerStatus.ts';
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

/** $1 = today (date), $2 = due-soon days. Mirrors trackerStatusOf. */
export const trackerStatusSql = (m: string): string => `CASE
  WHEN ${m}.status IN ('met', 'claimed', 'dropped') THEN ${m}.status
  WHEN ${m}.due < $1::date THEN 'overdue'
  WHEN ${m}.due <= $1::date + $2::int THEN 'due_soon'
  WHEN ${m}.status = 'rescheduled' THEN 'rescheduled'
  ELSE 'on_track' END`;

export interface TrackerScope {
  bureau?: string | null;
  document?: string | null;
  /** The reader's edition: texts in this language where the document has it, else the document's own. */
  edition?: string | null;
}

/** Select-list text and language of commitment c in the edition joined as ct (see editionJoin). */
const EDITION_TEXT = `coalesce(ct.text, c.text) AS text, CASE WHEN ct.text IS NULL THEN d.language ELSE ct.language END AS language`;
const editionJoin = (param: number): string => `LEFT JOIN commitment_texts ct ON ct.commitment_id = c.id AND ct.language = $${param}::text`;

/** Builds the WHERE conditions shared by the lists; params start after the ones the caller already uses. */
class Conditions {
  readonly parts: string[] = [];
  constructor(readonly params: unknown[]) {}
  add(sql: (placeholder: string) => string, value: unknown): void {
    this.params.push(value);
    this.parts.push(sql(`$${this.params.length}`));
  }
  raw(sql: string): void {
    this.parts.push(sql);
  }
  scope(scope: TrackerScope): void {
    if (scope.bureau) this.add((p) => `c.bureaus && ARRAY[${p}::text]`, scope.bureau);
    if (scope.document) this.add((p) => `d.key = ${p}`, scope.document);
  }
  where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export interface StatusCountRow {
  status: TrackerStatus;
  count: number;
}

export async function countByTrackerStatus(db: Db, today: string, dueSoonDays: number, scope: TrackerScope): Promise<StatusCountRow[]> {
  const cond = new Conditions([today, dueSoonDays]);
  cond.raw('c.withdrawn_at IS NULL');
  cond.scope(scope);
  const { rows } = await db.query<StatusCountRow>(
    `SELECT ${trackerStatusSql('m')} AS status, count(*)::int AS count
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN documents d ON d.id = c.document_id
     ${cond.where()} AND m.withdrawn_at IS NULL
     GROUP BY 1
     UNION ALL
     SELECT 'ongoing', count(*)::int FROM commitments c JOIN documents d ON d.id = c.document_id
     ${cond.where()} AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL)`,
    cond.params,
  );
  return rows;
}

export interface MonthCountRow {
  month: string;
  status: TrackerStatus;
  count: number;
}

export async function countByMonthAndStatus(db: Db, today: string, dueSoonDays: number, scope: TrackerScope): Promise<MonthCountRow[]> {
  const cond = new Conditions([today, dueSoonDays]);
  cond.raw('c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL');
  cond.scope(scope);
  const { rows } = await db.query<MonthCountRow>(
    `SELECT to_char(m.due, 'YYYY-MM') AS month, ${trackerStatusSql('m')} AS status, count(*)::int AS count
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN documents d ON d.id = c.document_id
     ${cond.where()}
     GROUP BY 1, 2 ORDER BY 1`,
    cond.params,
  );
  return rows;
}

export interface TrackerMilestoneRow {
  id: number;
  ref: string;
  seq: number;
  milestoneCount: number;
  text: string;
  language: string;
  documentKey: string;
  bureaus: string[];
  kind: 'deadline' | 'start';
  phrase: string;
  subject: string | null;
  due: string;
  status: MilestoneStatus;
  trackerStatus: TrackerStatus;
  evidenceUrl: string | null;
  statusChangedAt: Date;
}

export type MilestoneSort = 'due' | '-due' | 'ref' | '-ref';

export interface MilestoneListQuery extends TrackerScope {
  today: string;
  dueSoonDays: number;
  trackerStatuses?: readonly TrackerStatus[] | null;
  /** Only pending or rescheduled milestones. */
  openOnly?: boolean;
  dueFrom?: string | null;
  dueTo?: string | null;
  sort: MilestoneSort;
  limit: number;
  offset: number;
  /** Keyset pagination for the API: milestones with a larger id. */
  afterId?: number | null;
  /** A subscription's selection: any of these bureaux, or any of these refs (null on both: everything). */
  selection?: { bureaus: readonly string[] | null; refs: readonly string[] | null } | null;
}

const MILESTONE_ORDER: Record<MilestoneSort, string> = {
  due: 'm.due, c.ref, m.seq',
  '-due': 'm.due DESC, c.ref, m.seq',
  ref: 'c.ref, m.seq',
  '-ref': 'c.ref DESC, m.seq',
};

export async function listTrackerMilestones(db: Db, query: MilestoneListQuery): Promise<{ rows: TrackerMilestoneRow[]; total: number }> {
  const cond = new Conditions([query.today, query.dueSoonDays]);
  cond.raw('c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL');
  cond.scope(query);
  if (query.openOnly) cond.raw(`m.status IN ('pending', 'rescheduled')`);
  if (query.trackerStatuses?.length) cond.add((p) => `${trackerStatusSql('m')} = ANY(${p}::text[])`, query.trackerStatuses);
  if (query.dueFrom) cond.add((p) => `m.due >= ${p}::date`, query.dueFrom);
  if (query.dueTo) cond.add((p) => `m.due <= ${p}::date`, query.dueTo);
  if (query.afterId) cond.add((p) => `m.id > ${p}`, query.afterId);
  if (query.selection && (query.selection.bureaus || query.selection.refs)) {
    const bureaus = cond.params.push(query.selection.bureaus ?? []);
    const refs = cond.params.push(query.selection.refs ?? []);
    cond.raw(`(c.bureaus && $${bureaus}::text[] OR c.ref = ANY($${refs}::text[]))`);
  }
  const limit = cond.params.push(query.limit);
  const offset = cond.params.push(query.offset);
  const edition = cond.params.push(query.edition ?? null);
  // The page is chosen first (ids, sort keys, total); details and per-commitment counts only for its rows.
  const { rows } = await db.query<TrackerMilestoneRow & { total: number }>(
    `WITH page AS (
       SELECT m.id, c.id AS cid, c.ref, m.seq, m.due, ${trackerStatusSql('m')} AS "trackerStatus", count(*) OVER ()::int AS total
       FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN documents d ON d.id = c.document_id
       ${cond.where()}
       ORDER BY ${query.afterId !== undefined ? 'm.id' : MILESTONE_ORDER[query.sort]}
       LIMIT $${limit} OFFSET $${offset}
     )
     SELECT m.id, c.ref, m.seq, ${EDITION_TEXT}, d.key AS "documentKey", c.bureaus, m.kind, m.phrase, m.subject, m.due, m.status,
            page."trackerStatus", m.evidence_url AS "evidenceUrl", m.status_changed_at AS "statusChangedAt",
            (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount", page.total
     FROM page JOIN milestones m ON m.id = page.id JOIN commitments c ON c.id = page.cid JOIN documents d ON d.id = c.document_id ${editionJoin(edition)}
     ORDER BY ${query.afterId !== undefined ? 'm.id' : MILESTONE_ORDER[query.sort]}`,
    cond.params,
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export interface StatusChangeRow {
  id: number;
  ref: string;
  seq: number;
  milestoneCount: number;
  text: string;
  language: string;
  documentKey: string;
  bureaus: string[];
  status: string;
  due: string;
  previousStatus: string | null;
  previousDue: string | null;
  source: string;
  note: string | null;
  evidenceUrl: string | null;
  changedAt: Date;
}

export interface StatusChangeQuery extends TrackerScope {
  since?: Date | null;
  sort?: 'recent' | 'oldest';
  limit: number;
  offset: number;
  afterId?: number | null;
  /** Include the first entry each milestone gets when it is read from a document. */
  includeInitial?: boolean;
}

export async function listStatusChanges(db: Db, query: StatusChangeQuery): Promise<{ rows: StatusChangeRow[]; total: number }> {
  const cond = new Conditions([]);
  if (!query.includeInitial) cond.raw('h.previous_status IS NOT NULL');
  cond.scope(query);
  if (query.since) cond.add((p) => `h.changed_at >= ${p}`, query.since);
  if (query.afterId) cond.add((p) => `h.id > ${p}`, query.afterId);
  const limit = cond.params.push(query.limit);
  const offset = cond.params.push(query.offset);
  const edition = cond.params.push(query.edition ?? null);
  const order = query.afterId !== undefined ? 'h.id' : query.sort === 'oldest' ? 'h.changed_at, h.id' : 'h.changed_at DESC, h.id DESC';
  const { rows } = await db.query<StatusChangeRow & { total: number }>(
    `WITH page AS (
       SELECT h.id, h.changed_at, count(*) OVER ()::int AS total
       FROM milestone_status_history h JOIN milestones m ON m.id = h.milestone_id JOIN commitments c ON c.id = m.commitment_id
         JOIN documents d ON d.id = c.document_id
       ${cond.where()}
       ORDER BY ${order} LIMIT $${limit} OFFSET $${offset}
     )
     SELECT h.id, c.ref, m.seq, ${EDITION_TEXT}, d.key AS "documentKey", c.bureaus, h.status, h.due, h.previous_status AS "previousStatus",
            h.previous_due AS "previousDue", h.source, h.note, h.evidence_url AS "evidenceUrl", h.changed_at AS "changedAt",
            (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount", page.total
     FROM page JOIN milestone_status_history h ON h.id = page.id JOIN milestones m ON m.id = h.milestone_id
       JOIN commitments c ON c.id = m.commitment_id JOIN documents d ON d.id = c.document_id ${editionJoin(edition)}
     ORDER BY ${order}`,
    cond.params,
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export interface TrackerCommitmentRow {
  id: number;
  ref: string;
  text: string;
  headings: string[];
  language: string;
  documentKey: string;
  bureaus: string[];
  withRelevantBureaux: boolean;
  createdAt: Date;
  updatedAt: Date;
  milestones: {
    id: number;
    seq: number;
    kind: 'deadline' | 'start';
    phrase: string;
    subject: string | null;
    due: string;
    status: MilestoneStatus;
    trackerStatus: TrackerStatus;
    evidenceUrl: string | null;
  }[];
}

export interface CommitmentListQuery extends TrackerScope {
  today: string;
  dueSoonDays: number;
  /** Commitments with at least one milestone of these tracker statuses ('ongoing': none at all). */
  trackerStatuses?: readonly TrackerStatus[] | null;
  dueBefore?: string | null;
  dueAfter?: string | null;
  text?: string | null;
  refs?: readonly string[] | null;
  afterId?: number | null;
  limit: number;
  offset?: number;
  order?: 'id' | 'position' | 'created';
}

/** The commitment's own text or any of its editions contains the (LIKE-escaped) parameter. */
const TEXT_MATCH = (p: string): string =>
  `(c.text ILIKE '%' || ${p} || '%' OR EXISTS (SELECT 1 FROM commitment_texts t WHERE t.commitment_id = c.id AND t.text ILIKE '%' || ${p} || '%'))`;

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (ch) => `\\${ch}`);
}

export async function listTrackerCommitments(db: Db, query: CommitmentListQuery): Promise<TrackerCommitmentRow[]> {
  const cond = new Conditions([query.today, query.dueSoonDays]);
  cond.raw('c.withdrawn_at IS NULL');
  cond.scope(query);
  const statuses = query.trackerStatuses ?? [];
  const milestoneStatuses = statuses.filter((s) => s !== 'ongoing');
  const matchParts: string[] = [];
  if (milestoneStatuses.length) {
    cond.params.push(milestoneStatuses);
    matchParts.push(`EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL AND ${trackerStatusSql('m')} = ANY($${cond.params.length}::text[]))`);
  }
  if (statuses.includes('ongoing')) matchParts.push('NOT EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL)');
  if (matchParts.length) cond.raw(`(${matchParts.join(' OR ')})`);
  if (query.dueBefore || query.dueAfter) {
    const before = cond.params.push(query.dueBefore ?? null);
    const after = cond.params.push(query.dueAfter ?? null);
    cond.raw(
      `EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL
         AND ($${before}::date IS NULL OR m.due < $${before}::date) AND ($${after}::date IS NULL OR m.due > $${after}::date))`,
    );
  }
  if (query.text?.trim()) cond.add((p) => `(${TEXT_MATCH(p)} OR upper(c.ref) = upper(${p}))`, escapeLike(query.text.trim()));
  if (query.refs?.length) cond.add((p) => `c.ref = ANY(${p}::text[])`, query.refs);
  if (query.afterId) cond.add((p) => `c.id > ${p}`, query.afterId);
  const limit = cond.params.push(query.limit);
  const offset = cond.params.push(query.offset ?? 0);
  const edition = cond.params.push(query.edition ?? null);
  const order = query.order === 'position' ? 'd.key, c.position' : query.order === 'created' ? 'c.created_at DESC, c.id DESC' : 'c.id';
  const { rows } = await db.query<TrackerCommitmentRow>(
    `SELECT c.id, c.ref, ${EDITION_TEXT}, coalesce(ct.headings, c.headings) AS headings, d.key AS "documentKey", c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux",
            c.created_at AS "createdAt", c.updated_at AS "updatedAt",
            COALESCE((SELECT json_agg(json_build_object('id', m.id, 'seq', m.seq, 'kind', m.kind, 'phrase', m.phrase, 'subject', m.subject,
                        'due', m.due, 'status', m.status, 'trackerStatus', ${trackerStatusSql('m')}, 'evidenceUrl', m.evidence_url) ORDER BY m.seq)
                      FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL), '[]'::json) AS milestones
     FROM commitments c JOIN documents d ON d.id = c.document_id ${editionJoin(edition)}
     ${cond.where()}
     ORDER BY ${order} LIMIT $${limit} OFFSET $${offset}`,
    cond.params,
  );
  return rows;
}

export interface SearchHitRow {
  ref: string;
  text: string;
  language: string;
  documentKey: string;
  bureaus: string[];
  score: number;
  total: number;
}

/** Substring search over texts (the trigram index serves ILIKE, which also works for Chinese without spaces). */
export async function searchCommitmentTexts(db: Db, text: string, limit: number, offset: number, edition: string | null = null): Promise<{ rows: Omit<SearchHitRow, 'total'>[]; total: number }> {
  const q = text.trim();
  const { rows } = await db.query<SearchHitRow>(
    `SELECT c.ref, ${EDITION_TEXT}, d.key AS "documentKey", c.bureaus,
            (CASE WHEN upper(c.ref) = upper($1) THEN 2 ELSE 0 END + similarity(coalesce(ct.text, c.text), $1))::float AS score,
            count(*) OVER ()::int AS total
     FROM commitments c JOIN documents d ON d.id = c.document_id ${editionJoin(5)}
     WHERE c.withdrawn_at IS NULL AND (${TEXT_MATCH('$2')} OR upper(c.ref) = upper($1))
     ORDER BY score DESC, c.ref LIMIT $3 OFFSET $4`,
    [q, escapeLike(q), limit, offset, edition],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export interface BureauCountRow {
  code: string;
  nameZh: string;
  nameEn: string;
  registered: boolean;
  commitments: number;
  counts: Partial<Record<TrackerStatus, number>>;
}

export async function listBureauCounts(db: Db, today: string, dueSoonDays: number): Promise<BureauCountRow[]> {
  const { rows } = await db.query<BureauCountRow>(
    `WITH per AS (
       SELECT b.code, ${trackerStatusSql('m')} AS status, count(*)::int AS n
       FROM commitments c CROSS JOIN LATERAL unnest(c.bureaus) AS b(code)
         JOIN milestones m ON m.commitment_id = c.id AND m.withdrawn_at IS NULL
       WHERE c.withdrawn_at IS NULL GROUP BY 1, 2
       UNION ALL
       SELECT b.code, 'ongoing', count(*)::int
       FROM commitments c CROSS JOIN LATERAL unnest(c.bureaus) AS b(code)
       WHERE c.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL)
       GROUP BY 1
     ), totals AS (
       SELECT b.code, count(*)::int AS n FROM commitments c CROSS JOIN LATERAL unnest(c.bureaus) AS b(code)
       WHERE c.withdrawn_at IS NULL GROUP BY 1
     )
     SELECT bu.code, bu.name_zh AS "nameZh", bu.name_en AS "nameEn", bu.registered, COALESCE(t.n, 0) AS commitments,
            COALESCE((SELECT json_object_agg(per.status, per.n) FROM per WHERE per.code = bu.code), '{}'::json) AS counts
     FROM bureaus bu LEFT JOIN totals t ON t.code = bu.code
     ORDER BY bu.registered DESC, bu.code`,
    [today, dueSoonDays],
  );
  return rows;
}

export interface TrackerDocumentRow {
  id: number;
  key: string;
  title: string;
  chapter: string | null;
  language: string;
  published: string | null;
  sourceUrl: string | null;
  loadedAt: Date;
  commitments: number;
  milestones: number;
  versions: { sha256: string; loadedAt: Date; commitmentCount: number; milestoneCount: number }[];
}

export async function listTrackerDocuments(db: Db, key: string | null = null): Promise<TrackerDocumentRow[]> {
  const { rows } = await db.query<TrackerDocumentRow>(
    `SELECT d.id, d.key, d.title, d.chapter, d.language, d.published, d.source_url AS "sourceUrl", d.loaded_at AS "loadedAt",
            (SELECT count(*) FROM commitments c WHERE c.document_id = d.id AND c.withdrawn_at IS NULL)::int AS commitments,
            (SELECT count(*) FROM milestones m JOIN commitments c ON c.id = m.commitment_id
              WHERE c.document_id = d.id AND c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL)::int AS milestones,
            COALESCE((SELECT json_agg(json_build_object('sha256', v.sha256, 'loadedAt', v.loaded_at, 'commitmentCount', v.commitment_count,
                        'milestoneCount', v.milestone_count) ORDER BY v.loaded_at) FROM document_versions v WHERE v.document_id = d.id), '[]'::json) AS versions
     FROM documents d WHERE $1::text IS NULL OR d.key = $1 ORDER BY d.published DESC NULLS LAST, d.key`,
    [key],
  );
  return rows;
}

export interface NewCommitmentRow {
  id: number;
  ref: string;
  text: string;
  language: string;
  documentKey: string;
  bureaus: string[];
  createdAt: Date;
}

export async function listNewCommitments(db: Db, scope: TrackerScope, limit: number): Promise<NewCommitmentRow[]> {
  const cond = new Conditions([]);
  cond.raw('c.withdrawn_at IS NULL');
  cond.scope(scope);
  const l = cond.params.push(limit);
  const edition = cond.params.push(scope.edition ?? null);
  const { rows } = await db.query<NewCommitmentRow>(
    `SELECT c.id, c.ref, ${EDITION_TEXT}, d.key AS "documentKey", c.bureaus, c.created_at AS "createdAt"
     FROM commitments c JOIN documents d ON d.id = c.document_id ${editionJoin(edition)} ${cond.where()}
     ORDER BY c.created_at DESC, c.id DESC LIMIT $${l}`,
    cond.params,
  );
  return rows;
}

/** The instant anything a reader sees last changed: the base of ETag and Last-Modified. */
export async function readDataVersion(db: Db): Promise<Date> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT greatest((SELECT max(updated_at) FROM commitments), (SELECT max(updated_at) FROM milestones),
                     (SELECT max(changed_at) FROM milestone_status_history), (SELECT max(loaded_at) FROM documents)) AS at`,
  );
  return rows[0]?.at ?? new Date(0);
}

/** Whether an optional table (added by another migration) exists. */
export async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
  return rows[0]?.found ?? false;
}

export interface CarryOverRow {
  from: string;
  to: string;
}

/** Carry-over links (commitment_links of migration 0006) still in force, optionally those touching one ref. */
export async function listCarryOvers(db: Db, ref: string | null = null): Promise<CarryOverRow[]> {
  const { rows } = await db.query<CarryOverRow>(
    `SELECT o.ref AS "from", n.ref AS "to"
     FROM commitment_links l JOIN commitments o ON o.id = l.old_commitment_id JOIN commitments n ON n.id = l.new_commitment_id
     WHERE l.removed_at IS NULL AND ($1::text IS NULL OR o.ref = $1 OR n.ref = $1)
     ORDER BY o.ref, n.ref`,
    [ref],
  );
  return rows;
}
