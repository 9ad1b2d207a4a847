// What every route of the web server shares: the tracker's use cases, the response cache, the public URL.
import type { BureauRow } from '../services/tracker/trackerRows.ts';
import { listAllBureaus } from '../services/tracker/getBureauView.ts';
import type { TrackerDeps } from '../services/tracker/TrackerDeps.ts';
import type { RenderContext } from './components.ts';
import type { Lang } from './i18n.ts';
import type { ResponseCache } from './respondCached.ts';

export interface WebContext {
  deps: TrackerDeps;
  /** The use cases' dependencies for a reader of this language (texts in its edition where one exists). */
  depsFor(lang: Lang): TrackerDeps;
  cache: ResponseCache;
  /** Absolute base URL for links in feeds, calendars and the API (no trailing slash). */
  publicUrl: string;
  leadDays: readonly number[];
  timezone: string;
  bureaux(): Promise<BureauRow[]>;
  renderContext(lang: Lang): Promise<RenderContext>;
}

export function createWebContext(deps: TrackerDeps, cache: ResponseCache, options: { publicUrl: string; leadDays: readonly number[]; timezone: string }): WebContext {
  let bureaux: { tag: string; rows: Promise<BureauRow[]> } | null = null;
  const context: WebContext = {
    deps,
    depsFor: (lang) => ({ ...deps, edition: lang === 'en' ? 'en' : 'zh-Hant' }),
    cache,
    ...options,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    async bureaux() {
      const { tag } = await cache.version();
      if (!bureaux || bureaux.tag !== tag) {
        const rows = listAllBureaus(deps.pool);
        bureaux = { tag, rows };
        rows.catch(() => {
          bureaux = null;
        });
      }
      return bureaux.rows;
    },
    async renderContext(lang) {
      const [rows, version] = await Promise.all([context.bureaux(), cache.version()]);
      return { lang, today: version.today, timezone: options.timezone, bureauNames: new Map(rows.map((b) => [b.code, lang === 'zh' ? b.nameZh : b.nameEn])) };
    },
  };
  return context;
}
