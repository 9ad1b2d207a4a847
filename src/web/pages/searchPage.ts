// Search results over commitment texts in either language.
import { bureauLinks, commitmentPath, commitmentText, pager, type RenderContext } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { textsOf } from '../i18n.ts';

export interface SearchHit {
  ref: string;
  text: string;
  language: string;
  bureaus: string[];
}

export function searchBody(ctx: RenderContext, q: string, page: number, pageSize: number, result: { rows: SearchHit[]; total: number }): SafeHtml {
  const t = textsOf(ctx.lang);
  return html`<h1>${t.search}</h1>
<form method="get" action="/${ctx.lang}/search" role="search"><label for="q2">${t.searchPlaceholder}</label>
<input id="q2" name="q" type="search" value="${q}"> <button type="submit">${t.search}</button></form>
${q.trim() ? html`<p>${result.total} ${t.results}</p>` : ''}
${result.rows.length ? html`<table><thead><tr><th scope="col">${t.ref}</th><th scope="col">${t.commitment}</th><th scope="col">${t.bureau}</th></tr></thead><tbody>
${result.rows.map((r) => html`<tr><td><a href="${commitmentPath(ctx.lang, r.ref)}">${r.ref}</a></td><td class="text">${commitmentText(r, 240)}</td><td>${bureauLinks(ctx, r.bureaus)}</td></tr>\n`)}
</tbody></table>` : q.trim() ? html`<p class="muted">${t.none}</p>` : ''}
${result.total > pageSize ? pager(ctx, `/${ctx.lang}/search`, { q }, page, result.total, pageSize) : ''}`;
}
