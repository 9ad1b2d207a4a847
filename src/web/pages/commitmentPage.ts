// One commitment: text, bureaux, milestones with due dates and status, the status history with sources and
// evidence, carry-over links, calendar and badge.
import type { CommitmentView } from '../../services/tracker/getCommitmentView.ts';
import { trackerStatusOf } from '../../domain/trackerStatus.ts';
import { safeHref, bureauLinks, changeDate, describeChange, documentPath, relativeDue, statusPill, type RenderContext } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { textLang, textsOf } from '../i18n.ts';

import type { CarryOverLink } from '../../services/tracker/listCarryOverLinks.ts';

export function commitmentBody(ctx: RenderContext, view: CommitmentView, carryOvers: readonly CarryOverLink[]): SafeHtml {
  const t = textsOf(ctx.lang);
  const l = ctx.lang;
  const ref = encodeURIComponent(view.ref);
  const otherLanguage = (l === 'en') !== (view.language === 'en');
  return html`<h1>${view.ref}</h1>
${view.withdrawn ? html`<p><strong>${t.withdrawn}</strong></p>` : ''}
${view.headings.length ? html`<p class="muted" lang="${textLang(view.language)}">${view.headings.join(' › ')}</p>` : ''}
<blockquote class="text" lang="${textLang(view.language)}">${view.text}</blockquote>
${otherLanguage && l === 'en' ? html`<p class="muted">${t.otherLanguageOnly}</p>` : ''}
<dl>
<dt>${t.bureau}</dt><dd>${bureauLinks(ctx, view.bureaus)}${view.withRelevantBureaux ? html` ${t.withRelevant}` : ''}</dd>
<dt>${t.document}</dt><dd><a href="${documentPath(l, view.document.key)}" lang="${textLang(view.language)}">${view.document.title}</a>${view.document.sourceUrl ? html` · <a href="${safeHref(view.document.sourceUrl)}" rel="nofollow noopener">${t.sourceLink}</a>` : ''}</dd>
${carryOvers.length ? html`<dt>${t.carryOvers}</dt><dd>${carryOvers.map((c, i) => html`${i ? ', ' : ''}${c.direction === 'from' ? '← ' : '→ '}<a href="/${l}/commitments/${encodeURIComponent(c.ref)}">${c.ref}</a>`)}</dd>` : ''}
</dl>
<p><a href="/${l}/commitments/${ref}/calendar.ics">${t.calendar}</a> · <img src="/${l}/badges/commitments/${ref}.svg" alt="${t.badge}: ${view.ref}"></p>
<h2>${t.milestones}</h2>
${view.milestones.length ? '' : html`<p class="muted">${t.none}</p>`}
${view.milestones.map((m) => {
  const status = view.trackerStatuses.get(m.id) ?? trackerStatusOf(m, view.today);
  return html`<section aria-labelledby="m-${m.seq}">
<h3 id="m-${m.seq}">${view.ref}/${m.seq}: <time datetime="${m.due}">${m.due}</time> ${statusPill(ctx, status)}</h3>
<p><span lang="${textLang(view.language)}">${m.subject ? html`${m.subject} — ` : ''}「${m.phrase}」</span>${m.status === 'pending' || m.status === 'rescheduled' ? html` · ${relativeDue(ctx, m.due)}` : ''}${m.due !== m.extractedDue ? html` <span class="muted">(${m.extractedDue} → ${m.due})</span>` : ''}
${m.evidenceUrl ? html` · <a href="${safeHref(m.evidenceUrl)}" rel="nofollow noopener">${t.evidence}</a>` : ''}</p>
<table><caption class="skip">${t.history} ${view.ref}/${m.seq}</caption><thead><tr><th scope="col">${t.changedAt}</th><th scope="col">${t.change}</th><th scope="col">${t.source}</th><th scope="col">${t.note}</th><th scope="col">${t.evidence}</th></tr></thead><tbody>
${m.history.map(
  (h) => html`<tr><td>${changeDate(ctx, h.changedAt)}</td><td>${describeChange(ctx, h)}</td><td>${h.source}</td><td>${h.note ?? ''}</td><td>${h.evidenceUrl ? html`<a href="${safeHref(h.evidenceUrl)}" rel="nofollow noopener">${h.evidenceUrl}</a>` : ''}</td></tr>\n`,
)}</tbody></table></section>`;
})}`;
}
