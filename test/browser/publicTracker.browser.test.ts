// The public tracker in a real browser (Debian's Chromium through playwright-core): a reader goes from the
// overview to a bureau, a commitment and its feed without a console error under the real Content-Security-
// Policy; axe-core finds no serious or critical violation on any page template; hostile text stays text.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.ts';
import { createTestTracker, HOSTILE_REF, HOSTILE_TEXT, insertHostileCommitment } from '../support/createTestTracker.ts';
import { seedTestDatabase } from '../support/seedTestDatabase.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

const TEMPLATES = [
  '/en/',
  '/zh/',
  '/en/bureaux',
  '/en/bureaux/DEVB',
  '/en/documents',
  '/en/documents/policy-address-2024-ch7',
  '/en/commitments/PA2024-7-03',
  '/zh/commitments/PA2024-7-03',
  '/en/overdue?bureau=DEVB',
  '/en/upcoming',
  '/en/changed',
  '/en/search?q=development',
  '/zh/search?q=%E5%8C%97%E9%83%A8',
  '/en/no-such-page',
];

describe('public tracker in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
    await insertHostileCommitment(db.pool);
    app = await createTestTracker(db.pool);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  function watchErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    return errors;
  }

  it('goes from the overview to a bureau, a commitment and its feed without console errors', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(`${base}/`);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(`${base}/en/`);
      await expect.poll(() => page.title()).toContain('Overview');
      expect(await page.locator('svg.chart').count()).toBe(1);
      // The stylesheet loaded under the CSP (no inline styles allowed).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).toBe('1100px');

      await page.locator('main a[href="/en/bureaux/DEVB"]').first().click();
      await page.waitForURL(`${base}/en/bureaux/DEVB`);
      expect(await page.locator('h1').textContent()).toContain('Development Bureau');

      await page.locator('main a[href="/en/commitments/PA2024-7-03"]').first().click();
      await page.waitForURL(`${base}/en/commitments/PA2024-7-03`);
      expect(await page.locator('h1').textContent()).toBe('PA2024-7-03');
      expect(await page.locator('blockquote').textContent()).toContain('Ngau Tam Mei');

      const feedHref = await page.locator('footer a[href$="changes.atom"]').getAttribute('href');
      expect(feedHref).toBe('/en/feeds/changes.atom');
      const feed = await context.request.get(`${base}${feedHref}`);
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toContain('application/atom+xml');
      expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

      const calendarHref = await page.locator('main a[href$="calendar.ics"]').getAttribute('href');
      const calendar = await context.request.get(`${base}${calendarHref}`);
      expect((await calendar.text()).startsWith('BEGIN:VCALENDAR')).toBe(true);

      await page.locator('header a[hreflang="zh-HK"]').click();
      await page.waitForURL(`${base}/zh/commitments/PA2024-7-03`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-HK');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('searches from the header form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/zh/`);
      await page.fill('header input[name="q"]', '牛潭尾');
      await page.press('header input[name="q"]', 'Enter');
      await page.waitForURL(/\/zh\/search\?q=/);
      expect(await page.locator('main table a').allTextContents()).toContain('PA2024-7-03');
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe-core violations on any page template', async () => {
    // axe is injected as a script, which the site's CSP (rightly) forbids; this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const report: string[] = [];
      for (const path of TEMPLATES) {
        await page.goto(`${base}${path}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
        });
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) report.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.join(' | ')}`);
      }
      expect(report).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows hostile text as text and runs none of it, even with the CSP switched off', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      for (const path of [`/en/commitments/${HOSTILE_REF}`, '/en/bureaux/DEVB', '/en/documents/hostile-doc', '/en/upcoming', '/en/changed', '/en/search?q=script']) {
        await page.goto(`${base}${path}`);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
        expect(await page.locator('main img[src="x"]').count(), path).toBe(0);
        expect(await page.locator('main script').count(), path).toBe(0);
      }
      await page.goto(`${base}/en/commitments/${HOSTILE_REF}`);
      expect(await page.locator('blockquote').textContent()).toBe(HOSTILE_TEXT);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_REF);
      // The badge is an image: even opened directly, its text is text.
      await page.goto(`${base}/en/badges/commitments/${HOSTILE_REF}.svg`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
