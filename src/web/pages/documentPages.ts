// The document index and one document's page: chapter, versions loaded, source link, commitments in order.
import type { TrackerDocumentRow } from '../../services/tracker/trackerRows.ts';
import type { DocumentView } from '../../services/tracker/getDocumentView.ts';
import { safeHref, bureauLinks, commitmentPath, commitmentText, documentPath, statusPill, type RenderContext } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { textLang, textsOf } from '../i18n.ts';
import { totalsList } from './overviewPage.ts';

export function documentIndexBody(ctx: RenderContext, documents: readonly TrackerDocumentRow[]): SafeHtml {
  const t = textsOf(ctx.lang);
  return html`<h1>${t.documents}</h1>
<table><thead><tr><th scope="col">${t.document}</th><th scope="col">${t.published}</th><th scope="col">${t.commitments}</th><th scope="col">${t.milestones}</th></tr></thead>
<tbody>${documents.map(
    (d) => html`<tr><td><a href="${documentPath(ctx.lang, d.key)}" lang="${textLang(d.language)}">${d.title}</a></td><td>${d.published ?? '—'}</td><td>${d.commitments}</td><td>${d.milestones}</td></tr>\n`,
  )}</tbody></table>`;
}

export function documentBody(ctx: RenderContext, view: DocumentView): SafeHtml {
  const t = textsOf(ctx.lang);
  const l = ctx.lang;
  const d = view.document;
  const key = encodeURIComponent(d.key);
  return html`<h1 lang="${textLang(d.language)}">${d.title}</h1>
<dl>
<dt>${t.chapter}</dt><dd>${d.chapter ?? '—'}</dd>
<dt>${t.language}</dt><dd>${d.language}</dd>
<dt>${t.published}</dt><dd>${d.published ?? '—'}</dd>
<dt>${t.sourceLink}</dt><dd>${d.sourceUrl ? html`<a href="${safeHref(d.sourceUrl)}" rel="nofollow noopener">${d.sourceUrl}</a>` : '—'}</dd>
<dt>${t.editions}</dt><dd><ul>${d.versions.map((v) => html`<li>${String(v.loadedAt).slice(0, 10)} · <code>${v.sha256.slice(0, 12)}</code> · ${v.commitmentCount} ${t.commitments} · ${v.milestoneCount} ${t.milestones}</li>`)}</ul></dd>
</dl>
${totalsList(ctx, view.totals)}
<p>${t.feeds}: <a href="/${l}/documents/${key}/feeds/changes.atom">${t.feedChanges}</a>,
<a href="/${l}/documents/${key}/feeds/new.atom">${t.feedNew}</a>,
<a href="/${l}/documents/${key}/feeds/missed.atom">${t.feedMissed}</a> ·
<a href="/${l}/overdue?document=${key}">${t.overdue}</a> · <a href="/${l}/upcoming?document=${key}">${t.upcoming}</a></p>
<table><thead><tr><th scope="col">${t.ref}</th><th scope="col">${t.commitment}</th><th scope="col">${t.bureau}</th><th scope="col">${t.milestones}</th></tr></thead><tbody>
${view.commitments.map(
  (c) => html`<tr><td><a href="${commitmentPath(l, c.ref)}">${c.ref}</a></td><td class="text">${commitmentText(c, 200)}</td><td>${bureauLinks(ctx, c.bureaus)}</td><td>${c.milestones.map((m) => html`<time datetime="${m.due}">${m.due}</time> ${statusPill(ctx, m.trackerStatus)}<br>`)}</td></tr>\n`,
)}</tbody></table>`;
}
