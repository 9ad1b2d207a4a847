// Pieces shared by the pages: status labels, commitment links, milestone tables, pagination, filters.
import type { TrackerMilestoneRow, StatusChangeRow } from '../services/tracker/trackerRows.ts';
import type { TrackerStatus } from '../domain/trackerStatus.ts';
import { shortenText, utf16Units } from '../domain/shortenText.ts';
import { daysBetween, toLocalDate } from '../domain/zonedTime.ts';
import { html, type SafeHtml } from './html.ts';
import { STATUS_LABELS, STORED_STATUS_LABELS, textLang, textsOf, type Lang } from './i18n.ts';

export interface RenderContext {
  lang: Lang;
  today: string;
  /** The zone dates are shown in (the tracker's, as `today`). */
  timezone: string;
  /** code → display name in the page's language */
  bureauNames: Map<string, string>;
}

/** When a status changed, as a date in the tracker's zone (the day readers saw it, not UTC's). */
export function changeDate(ctx: RenderContext, at: Date): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${toLocalDate(at, ctx.timezone)}</time>`;
}

export function statusPill(ctx: RenderContext, status: TrackerStatus): SafeHtml {
  return html`<span class="status status-${status}">${STATUS_LABELS[ctx.lang][status]}</span>`;
}

export function storedStatus(ctx: RenderContext, status: string | null): string {
  return status ? (STORED_STATUS_LABELS[ctx.lang][status] ?? status) : '—';
}

export function commitmentPath(lang: Lang, ref: string): string {
  return `/${lang}/commitments/${encodeURIComponent(ref)}`;
}

export function bureauPath(lang: Lang, code: string): string {
  return `/${lang}/bureaux/${encodeURIComponent(code)}`;
}

export function documentPath(lang: Lang, key: string): string {
  return `/${lang}/documents/${encodeURIComponent(key)}`;
}

export function milestoneLabel(row: { ref: string; seq: number | null; milestoneCount: number }): string {
  return row.seq !== null && row.milestoneCount > 1 ? `${row.ref}/${row.seq}` : row.ref;
}

export function bureauLinks(ctx: RenderContext, codes: readonly string[]): SafeHtml {
  return html`${codes.map((code, i) => html`${i ? ', ' : ''}<a href="${bureauPath(ctx.lang, code)}">${ctx.bureauNames.get(code) ?? code}</a>`)}`;
}

/** The text cut to a readable length, in its own language. */
export function commitmentText(row: { text: string; language: string }, max = 160): SafeHtml {
  return html`<span lang="${textLang(row.language)}">${shortenText(row.text, max, { measure: utf16Units })}</span>`;
}

export function relativeDue(ctx: RenderContext, due: string): string {
  const t = textsOf(ctx.lang);
  const days = daysBetween(ctx.today, due);
  if (days === 0) return t.dueToday;
  return days < 0 ? t.daysOverdue(-days) : t.daysLeft(days);
}

export function milestoneTable(ctx: RenderContext, rows: readonly TrackerMilestoneRow[], caption: string): SafeHtml {
  const t = textsOf(ctx.lang);
  if (!rows.length) return html`<p class="muted">${t.none}</p>`;
  return html`<table>
<caption class="skip">${caption}</caption>
<thead><tr><th scope="col">${t.ref}</th><th scope="col">${t.commitment}</th><th scope="col">${t.bureau}</th><th scope="col">${t.due}</th><th scope="col">${t.status}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td><a href="${commitmentPath(ctx.lang, r.ref)}">${milestoneLabel(r)}</a></td><td class="text">${commitmentText(r)}</td><td>${bureauLinks(ctx, r.bureaus)}</td><td><time datetime="${r.due}">${r.due}</time><br><span class="muted">${relativeDue(ctx, r.due)}</span></td><td>${statusPill(ctx, r.trackerStatus)}</td></tr>\n`,
  )}</tbody></table>`;
}

export function changeTable(ctx: RenderContext, rows: readonly StatusChangeRow[], caption: string): SafeHtml {
  const t = textsOf(ctx.lang);
  if (!rows.length) return html`<p class="muted">${t.none}</p>`;
  return html`<table>
<caption class="skip">${caption}</caption>
<thead><tr><th scope="col">${t.changedAt}</th><th scope="col">${t.ref}</th><th scope="col">${t.commitment}</th><th scope="col">${t.change}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td>${changeDate(ctx, r.changedAt)}</td><td><a href="${commitmentPath(ctx.lang, r.ref)}">${milestoneLabel(r)}</a></td><td class="text">${commitmentText(r)}</td><td>${describeChange(ctx, r)}</td></tr>\n`,
  )}</tbody></table>`;
}

export function describeChange(ctx: RenderContext, r: { status: string; previousStatus: string | null; due: string; previousDue: string | null }): string {
  const statusPart = `${storedStatus(ctx, r.previousStatus)} → ${storedStatus(ctx, r.status)}`;
  return r.previousDue && r.previousDue !== r.due ? `${statusPart} (${r.previousDue} → ${r.due})` : statusPart;
}

export function pager(ctx: RenderContext, basePath: string, query: Record<string, string | null | undefined>, page: number, total: number, pageSize: number): SafeHtml {
  const t = textsOf(ctx.lang);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (p > 1) params.set('page', String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return html`<nav class="pager" aria-label="${t.page}">
${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">${t.previous}</a>` : ''}
<span>${t.page} ${page} / ${pages} · ${total} ${t.results}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t.next}</a>` : ''}
</nav>`;
}

/** Only http(s) links leave the site; anything else (javascript:, data:) becomes a dead link. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
