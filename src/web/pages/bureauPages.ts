// The bureau index (counts per bureau) and one bureau's page (its commitments grouped by status).
import type { BureauCountRow } from '../../services/tracker/trackerRows.ts';
import type { BureauView } from '../../services/tracker/getBureauView.ts';
import { bureauPath, commitmentPath, commitmentText, statusPill, type RenderContext } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { bureauName, STATUS_LABELS, textsOf } from '../i18n.ts';
import { totalsList } from './overviewPage.ts';

export function bureauIndexBody(ctx: RenderContext, bureaux: readonly BureauCountRow[]): SafeHtml {
  const t = textsOf(ctx.lang);
  const shown = bureaux.filter((b) => b.commitments > 0 || b.registered);
  return html`<h1>${t.bureaux}</h1>
<table><thead><tr><th scope="col">${t.bureau}</th><th scope="col">${t.commitments}</th><th scope="col">${STATUS_LABELS[ctx.lang].overdue}</th><th scope="col">${STATUS_LABELS[ctx.lang].due_soon}</th><th scope="col">${STATUS_LABELS[ctx.lang].met}</th></tr></thead>
<tbody>${shown.map(
    (b) => html`<tr><td><a href="${bureauPath(ctx.lang, b.code)}">${bureauName(ctx.lang, b)}</a> <span class="muted">${b.code}</span></td><td>${b.commitments}</td><td>${b.counts.overdue ?? 0}</td><td>${b.counts.due_soon ?? 0}</td><td>${b.counts.met ?? 0}</td></tr>\n`,
  )}</tbody></table>`;
}

export function bureauBody(ctx: RenderContext, view: BureauView): SafeHtml {
  const t = textsOf(ctx.lang);
  const l = ctx.lang;
  const code = encodeURIComponent(view.bureau.code);
  return html`<h1>${bureauName(l, view.bureau)} <span class="muted">${view.bureau.code}</span></h1>
<p><img src="/${l}/badges/bureaux/${code}.svg" alt="${t.badge}: ${view.bureau.code} ${STATUS_LABELS[l].overdue} ${view.totals.overdue ?? 0}"></p>
${totalsList(ctx, view.totals)}
<p><a href="/${l}/bureaux/${code}/calendar.ics">${t.calendar}</a> · ${t.feeds}:
<a href="/${l}/bureaux/${code}/feeds/changes.atom">${t.feedChanges}</a>,
<a href="/${l}/bureaux/${code}/feeds/new.atom">${t.feedNew}</a>,
<a href="/${l}/bureaux/${code}/feeds/missed.atom">${t.feedMissed}</a> ·
<a href="/${l}/overdue?bureau=${code}">${t.overdue}</a> · <a href="/${l}/upcoming?bureau=${code}">${t.upcoming}</a></p>
${view.groups.length ? '' : html`<p class="muted">${t.none}</p>`}
${view.groups.map(
  (group) => html`<section aria-labelledby="g-${group.status}"><h2 id="g-${group.status}">${STATUS_LABELS[l][group.status]} (${group.total})</h2>
<table><thead><tr><th scope="col">${t.ref}</th><th scope="col">${t.commitment}</th><th scope="col">${t.milestones}</th></tr></thead><tbody>
${group.commitments.map(
  (c) => html`<tr><td><a href="${commitmentPath(l, c.ref)}">${c.ref}</a></td><td class="text">${commitmentText(c, 200)}</td><td>${c.milestones.map((m) => html`<time datetime="${m.due}">${m.due}</time> ${statusPill(ctx, m.trackerStatus)}<br>`)}</td></tr>\n`,
)}</tbody></table>
${group.total > group.commitments.length ? html`<p>${group.commitments.length} / ${group.total} · <a href="${moreLink(l, view.bureau.code, group.status)}">${t.next} →</a></p>` : ''}</section>`,
)}`;
}

/** Where the rest of a long group is listed: the public list for open statuses, the API otherwise. */
function moreLink(lang: string, code: string, status: string): string {
  const c = encodeURIComponent(code);
  if (status === 'overdue') return `/${lang}/overdue?bureau=${c}`;
  if (status === 'due_soon' || status === 'on_track' || status === 'rescheduled') return `/${lang}/upcoming?bureau=${c}`;
  return `/api/v1/commitments?bureau=${c}&status=${status}`;
}
