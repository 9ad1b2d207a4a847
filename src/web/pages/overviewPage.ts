// The overview: totals by status, next deadlines, most overdue, recent changes, and the month chart.
import type { Overview } from '../../services/tracker/getOverview.ts';
import { TRACKER_STATUSES } from '../../domain/trackerStatus.ts';
import { changeTable, milestoneTable, statusPill, type RenderContext } from '../components.ts';
import { html, trusted, type SafeHtml } from '../html.ts';
import { STATUS_LABELS, textsOf } from '../i18n.ts';
import { renderChart } from '../renderChart.ts';

export function totalsList(ctx: RenderContext, totals: Overview['totals']): SafeHtml {
  return html`<ul class="totals">${TRACKER_STATUSES.filter((s) => s !== 'dropped' || totals[s]).map(
    (s) => html`<li>${statusPill(ctx, s)}<span class="n">${totals[s] ?? 0}</span></li>`,
  )}</ul>`;
}

export function overviewBody(ctx: RenderContext, overview: Overview): SafeHtml {
  const t = textsOf(ctx.lang);
  const l = ctx.lang;
  return html`<h1>${t.siteName}</h1>
<p class="muted">${t.today}: <time datetime="${overview.today}">${overview.today}</time></p>
<section aria-labelledby="totals"><h2 id="totals">${t.totals}</h2>${totalsList(ctx, overview.totals)}</section>
<section aria-labelledby="chart"><h2 id="chart">${t.chartTitle}</h2>
${trusted(renderChart(overview.months, l, t.chartTitle))}
<details><summary>${t.chartTitle}</summary><table><thead><tr><th scope="col">${t.due}</th><th scope="col">${t.status}</th><th scope="col">#</th></tr></thead>
<tbody>${overview.months.map((m) => html`<tr><td>${m.month}</td><td>${STATUS_LABELS[l][m.status]}</td><td>${m.count}</td></tr>`)}</tbody></table></details>
</section>
<section aria-labelledby="next"><h2 id="next">${t.nextDeadlines}</h2>${milestoneTable(ctx, overview.next, t.nextDeadlines)}<p><a href="/${l}/upcoming">${t.upcoming} →</a></p></section>
<section aria-labelledby="overdue"><h2 id="overdue">${t.mostOverdue}</h2>${milestoneTable(ctx, overview.mostOverdue, t.mostOverdue)}<p><a href="/${l}/overdue">${t.overdue} →</a></p></section>
<section aria-labelledby="changes"><h2 id="changes">${t.recentChanges}</h2>${changeTable(ctx, overview.recentChanges, t.recentChanges)}<p><a href="/${l}/changed">${t.changed} →</a></p></section>`;
}
