// The page frame: language, navigation, search, and the feed links of the page in <head> and the footer.
import { html, type SafeHtml } from './html.ts';
import { HTML_LANG, textsOf, type Lang } from './i18n.ts';

export interface PageFrame {
  lang: Lang;
  title: string;
  /** The path after /zh or /en, with query, for the language switch. */
  path: string;
  body: SafeHtml;
  /** Atom feeds of this page, for <link rel="alternate"> and the footer. */
  feeds?: { title: string; href: string }[];
}

export function renderPage(frame: PageFrame): string {
  const t = textsOf(frame.lang);
  const other: Lang = frame.lang === 'zh' ? 'en' : 'zh';
  const l = frame.lang;
  const feeds = frame.feeds ?? [
    { title: t.feedChanges, href: `/${l}/feeds/changes.atom` },
    { title: t.feedNew, href: `/${l}/feeds/new.atom` },
    { title: t.feedMissed, href: `/${l}/feeds/missed.atom` },
  ];
  return `<!doctype html>\n${html`<html lang="${HTML_LANG[l]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${t.siteName}</title>
<link rel="stylesheet" href="/assets/site.css">
${feeds.map((f) => html`<link rel="alternate" type="application/atom+xml" title="${f.title}" href="${f.href}">\n`)}
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header>
<a class="site" href="/${l}/">${t.siteName}</a>
<nav aria-label="${t.siteName}"><ul>
<li><a href="/${l}/">${t.overview}</a></li>
<li><a href="/${l}/bureaux">${t.bureaux}</a></li>
<li><a href="/${l}/documents">${t.documents}</a></li>
<li><a href="/${l}/overdue">${t.overdue}</a></li>
<li><a href="/${l}/upcoming">${t.upcoming}</a></li>
<li><a href="/${l}/changed">${t.changed}</a></li>
<li><a href="/${other}${frame.path}" lang="${HTML_LANG[other]}" hreflang="${HTML_LANG[other]}">${t.switchLanguage}</a></li>
</ul></nav>
<form class="search" role="search" method="get" action="/${l}/search">
<label for="q" class="skip">${t.search}</label>
<input id="q" name="q" type="search" placeholder="${t.searchPlaceholder}">
<button type="submit">${t.search}</button>
</form>
</header>
<main id="main">
${frame.body}
</main>
<footer>
<p>${t.feeds}: ${feeds.map((f, i) => html`${i ? ' · ' : ''}<a href="${f.href}">${f.title}</a>`)}
· <a href="/${l}/calendar.ics">${t.calendar}</a>
· ${t.exports}: <a href="/exports/commitments.csv">commitments.csv</a>, <a href="/exports/commitments.json">commitments.json</a>, <a href="/exports/milestones.csv">milestones.csv</a>, <a href="/exports/milestones.json">milestones.json</a>
· <a href="/api/v1/openapi.json">${t.api}</a></p>
</footer>
</body>
</html>`}\n`;
}
