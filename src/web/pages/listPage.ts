// The overdue, upcoming and recently-changed lists, with bureau/document filters, sort and pagination.
import type { BureauRow } from '../../services/tracker/trackerRows.ts';
import type { TrackerDocumentRow } from '../../services/tracker/trackerRows.ts';
import type { ListRequest, ListResult } from '../../services/tracker/listTrackerList.ts';
import { changeTable, milestoneTable, pager, type RenderContext } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { bureauName, textLang, textsOf } from '../i18n.ts';

export function listTitle(ctx: RenderContext, kind: ListRequest['kind']): string {
  const t = textsOf(ctx.lang);
  return kind === 'overdue' ? t.overdue : kind === 'upcoming' ? t.upcoming : t.changed;
}

export function listBody(
  ctx: RenderContext,
  request: ListRequest,
  result: ListResult,
  options: { bureaux: readonly BureauRow[]; documents: readonly TrackerDocumentRow[] },
): SafeHtml {
  const t = textsOf(ctx.lang);
  const title = listTitle(ctx, request.kind);
  const sorts =
    request.kind === 'changed'
      ? [
          ['recent', t.sortRecent],
          ['oldest', t.sortOldest],
        ]
      : [
          ['due', t.sortDue],
          ['-due', t.sortDueDesc],
          ['ref', t.sortRef],
        ];
  const base = `/${ctx.lang}/${request.kind}`;
  return html`<h1>${title}</h1>
<form class="filters" method="get" action="${base}">
<label>${t.bureau}<select name="bureau"><option value="">${t.all}</option>${options.bureaux.map(
    (b) => html`<option value="${b.code}"${b.code === request.bureau ? html` selected` : ''}>${b.code} ${bureauName(ctx.lang, b)}</option>`,
  )}</select></label>
<label>${t.document}<select name="document"><option value="">${t.all}</option>${options.documents.map(
    (d) => html`<option value="${d.key}" lang="${textLang(d.language)}"${d.key === request.document ? html` selected` : ''}>${d.title}</option>`,
  )}</select></label>
<label>${t.sort}<select name="sort">${sorts.map(([value, label]) => html`<option value="${value!}"${value === request.sort ? html` selected` : ''}>${label!}</option>`)}</select></label>
<button type="submit">${t.apply}</button>
</form>
${result.kind === 'changed' ? changeTable(ctx, result.rows, title) : milestoneTable(ctx, result.rows, title)}
${pager(ctx, base, { bureau: request.bureau, document: request.document, sort: request.sort }, request.page, result.total, request.pageSize)}`;
}
