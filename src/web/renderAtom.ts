// Atom 1.0 (RFC 4287) feeds. Every text goes through escapeHtml and is sent as type="text", so markup in a
// commitment is shown as characters by any reader.
import type { FeedEntry, FeedKind } from '../services/tracker/listFeedEntries.ts';
import { describeChange, milestoneLabel, type RenderContext } from './components.ts';
import { escapeHtml as x } from './html.ts';
import { HTML_LANG, textsOf } from './i18n.ts';

export interface AtomFeed {
  kind: FeedKind;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed belongs to. */
  pageUrl: string;
  /** Absolute base of the site, for entry links. */
  baseUrl: string;
  title: string;
  updated: Date;
}

export function feedTitle(ctx: RenderContext, kind: FeedKind, scopeName: string | null): string {
  const t = textsOf(ctx.lang);
  const what = kind === 'changes' ? t.feedChanges : kind === 'new' ? t.feedNew : t.feedMissed;
  return `${t.siteName}: ${what}${scopeName ? ` · ${scopeName}` : ''}`;
}

function entryTitle(ctx: RenderContext, entry: FeedEntry): string {
  const label = milestoneLabel(entry);
  const t = textsOf(ctx.lang);
  switch (entry.event.type) {
    case 'changed':
      return `${label}: ${describeChange(ctx, entry.event)}`;
    case 'new':
      return `${label}: ${t.feedNew}`;
    case 'missed':
      return `${label}: ${t.missedEntry} (${entry.event.due})`;
  }
}

export function renderAtom(ctx: RenderContext, feed: AtomFeed, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce((max, e) => (e.at > max ? e.at : max), feed.updated);
  const t = textsOf(ctx.lang);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${HTML_LANG[ctx.lang]}">`,
    `<id>${x(feed.selfUrl)}</id>`,
    `<title type="text">${x(feed.title)}</title>`,
    `<updated>${updated.toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>`,
    '<author><name>policywatch</name></author>',
    '<generator>policywatch</generator>',
  ];
  for (const entry of entries) {
    const link = `${feed.baseUrl}/${ctx.lang}/commitments/${encodeURIComponent(entry.ref)}`;
    const details: string[] = [entry.text];
    if (entry.event.type === 'changed') {
      if (entry.event.note) details.push(`${t.note}: ${entry.event.note}`);
      if (entry.event.evidenceUrl) details.push(`${t.evidence}: ${entry.event.evidenceUrl}`);
    }
    details.push(`${t.bureau}: ${entry.bureaus.map((b) => ctx.bureauNames.get(b) ?? b).join(', ')}`);
    lines.push(
      '<entry>',
      // Independent of the public URL, so moving the site does not make old entries look new.
      `<id>${x(`tag:policywatch,2024:${entry.key}`)}</id>`,
      `<title type="text">${x(entryTitle(ctx, entry))}</title>`,
      `<updated>${entry.at.toISOString()}</updated>`,
      `<link rel="alternate" type="text/html" href="${x(link)}"/>`,
      ...entry.bureaus.map((b) => `<category term="${x(b)}"/>`),
      `<summary type="text">${x(details.join('\n'))}</summary>`,
      '</entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
