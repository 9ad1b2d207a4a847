// The public tracker over the seed chapter (plus one hostile commitment): every page, feed, calendar, badge,
// export and API answer; escaping everywhere; conditional GETs; limits and security headers.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeMilestoneStatus } from '../../../src/services/changeMilestoneStatus.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { createTestTracker, HOSTILE_REF, HOSTILE_TEXT, insertHostileCommitment } from '../../support/createTestTracker.ts';
import { seedTestDatabase } from '../../support/seedTestDatabase.ts';

describe('public tracker', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
    await insertHostileCommitment(db.pool);
    app = await createTestTracker(db.pool);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('sends the bare root to the language the browser prefers', async () => {
    expect((await get('/', { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' })).headers.location).toBe('/en/');
    expect((await get('/', { 'accept-language': 'zh-HK,zh;q=0.9' })).headers.location).toBe('/zh/');
    expect((await get('/')).headers.location).toBe('/zh/');
  });

  it('renders the overview with the seed figures and the month chart', async () => {
    const response = await get('/en/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const body = response.body;
    expect(body).toContain('<html lang="en">');
    expect(body).toMatch(/<svg class="chart"[^>]*role="img"/);
    // Seed at 2025-01-15: the year-end 2024 promises are overdue.
    expect(body).toMatch(/status-overdue">Overdue<\/span><span class="n">[1-9]/);
    expect(body).toContain('PA2024-7-03');
    const zh = await get('/zh/');
    expect(zh.body).toContain('<html lang="zh-HK">');
    expect(zh.body).toContain('逾期');
  });

  it('answers every page template in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      for (const path of ['/', '/bureaux', '/bureaux/DEVB', '/documents', '/documents/policy-address-2024-ch7', '/commitments/PA2024-7-03', '/overdue', '/upcoming', '/changed', '/search?q=%E5%8C%97%E9%83%A8']) {
        const response = await get(`/${lang}${path}`);
        expect(response.statusCode, `${lang}${path}`).toBe(200);
      }
    }
    expect((await get('/en/commitments/NOPE-1')).statusCode).toBe(404);
    expect((await get('/en/bureaux/NOPE')).statusCode).toBe(404);
    expect((await get('/fr/')).statusCode).toBe(404);
  });

  it('shows each reader the edition of their language where the document has one', async () => {
    const en = (await get('/en/commitments/PA2024-7-03')).body;
    expect(en).toMatch(/<blockquote class="text" lang="en">[^<]*Ngau Tam Mei/);
    const zh = (await get('/zh/commitments/PA2024-7-03')).body;
    expect(zh).toMatch(/<blockquote class="text" lang="zh-Hant">[^<]*牛潭尾/);
    expect((await get('/en/search?q=Ngau%20Tam%20Mei')).body).toContain('PA2024-7-03');
    expect((await get('/zh/search?q=Ngau%20Tam%20Mei')).body).toContain('牛潭尾');
  });

  it('filters, sorts and pages the lists', async () => {
    const overdue = await get('/en/overdue?bureau=DEVB&sort=-ref');
    expect(overdue.statusCode).toBe(200);
    const refs = [...overdue.body.matchAll(/<td><a href="\/en\/commitments\/([^"]+)">/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(1);
    expect([...refs].sort().reverse()).toEqual(refs);
    const none = await get('/en/overdue?document=no-such-document');
    expect(none.body).toContain('Nothing here.');
    const page2 = await get('/en/upcoming?page=2');
    expect(page2.statusCode).toBe(200);
  });

  it('finds Chinese text without spaces and English words', async () => {
    const zh = await get('/zh/search?q=%E7%89%9B%E6%BD%AD%E5%B0%BE'); // 牛潭尾
    expect(zh.body).toContain('PA2024-7-03');
    const en = await get(`/en/search?q=onerror`);
    expect(en.body).toContain(HOSTILE_REF);
  });

  it('shows hostile text as text in HTML, SVG, Atom, iCalendar, CSV and JSON', async () => {
    const page = await get(`/en/commitments/${HOSTILE_REF}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('<svg onload');
    expect(page.body).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    // A javascript: source link is not followed.
    expect(page.body).not.toContain('href="javascript:');

    for (const url of ['/en/', '/en/bureaux/DEVB', '/en/documents/hostile-doc', '/en/upcoming', '/en/changed', '/en/search?q=script', '/en/documents']) {
      const body = (await get(url)).body;
      expect(body, url).not.toMatch(/<script|<img src=x|<svg onload|<b>title/);
    }

    for (const url of ['/en/feeds/new.atom', '/en/feeds/changes.atom', '/en/bureaux/DEVB/feeds/new.atom', '/en/documents/hostile-doc/feeds/changes.atom']) {
      const atom = (await get(url)).body;
      expect(XMLValidator.validate(atom), url).toBe(true);
      expect(atom).not.toContain('<script>');
      const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(atom);
      const entries = [parsed.feed.entry].flat();
      const hostile = entries.find((e: { link: { '@_href': string } }) => e.link['@_href'].endsWith(HOSTILE_REF));
      expect(hostile, url).toBeTruthy();
      expect(String(hostile.summary['#text'])).toContain(HOSTILE_TEXT);
    }

    const badge = (await get(`/en/badges/commitments/${HOSTILE_REF}.svg`)).body;
    expect(XMLValidator.validate(badge)).toBe(true);

    const ics = (await get('/en/bureaux/DEVB/calendar.ics')).body;
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${HOSTILE_REF}-1@`))!;
    const unfolded = event.replace(/\r?\n /g, '');
    expect(unfolded).toContain('<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"> & ]]> \'quoted\'');
    // Text values cannot break out of their property: no raw newline inside them.
    for (const line of unfolded.split(/\r?\n/).filter(Boolean)) expect(line).toMatch(/^[A-Z-]+[;:]/);

    const csv = (await get('/exports/commitments.csv')).body;
    expect(csv).toContain(`"${HOSTILE_TEXT.replace(/"/g, '""')}"`);
    const json = JSON.parse((await get('/exports/commitments.json')).body);
    expect(json.data.find((c: { ref: string }) => c.ref === HOSTILE_REF).text).toBe(HOSTILE_TEXT);
  });

  it('serves valid Atom feeds overall, per bureau and per document', async () => {
    for (const url of ['/en/feeds/changes.atom', '/zh/feeds/new.atom', '/en/feeds/missed.atom', '/zh/bureaux/DEVB/feeds/missed.atom', '/en/documents/policy-address-2024-ch7/feeds/new.atom']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/application\/atom\+xml/);
      expect(XMLValidator.validate(response.body)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(response.body).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBeTruthy();
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      for (const entry of [feed.entry ?? []].flat()) {
        expect(entry.id).toMatch(/^tag:policywatch,2024:/);
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    }
    const missed = new XMLParser().parse((await get('/en/feeds/missed.atom')).body).feed;
    expect([missed.entry].flat().length).toBeGreaterThan(0);
    expect((await get('/en/feeds/other.atom')).statusCode).toBe(404);
  });

  it('serves calendars with one all-day event per open dated milestone, stable UIDs and alarms', async () => {
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM milestones m JOIN commitments c ON c.id = m.commitment_id
       WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL`,
    );
    const ics = (await get('/en/calendar.ics')).body;
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBe(rows[0]!.n);
    for (const event of events) {
      expect(event).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
      expect(event).toMatch(/UID:PA\d{4}-[\d-]+-\d+@policywatch/);
      expect(event.match(/BEGIN:VALARM/g)?.length).toBe(3);
      expect(event).toMatch(/TRIGGER:-P30D/);
    }
    const again = (await get('/en/calendar.ics')).body;
    expect(again.match(/UID:[^\r\n]+/g)).toEqual(ics.match(/UID:[^\r\n]+/g));
    const first = events.find((e) => e.includes('UID:PA2024-7-03-1@'))!;
    expect(first).toContain('DTSTART;VALUE=DATE:20241231');
    expect(first.replace(/\r?\n /g, '')).toContain('http://127.0.0.1:8080/en/commitments/PA2024-7-03');
    expect((await get('/en/bureaux/DEVB/calendar.ics')).body.split('BEGIN:VEVENT').length).toBeGreaterThan(1);
  });

  it('serves badges that can be embedded elsewhere', async () => {
    const response = await get('/en/badges/bureaux/DEVB.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(response.body).toMatch(/DEVB.*\d+ overdue/s);
  });

  it('pages the API with cursors, filters it, and validates against its own OpenAPI document', async () => {
    const openapi = JSON.parse((await get('/api/v1/openapi.json')).body);
    expect(openapi.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(openapi);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);

    const seen: string[] = [];
    let url: string | null = '/api/v1/commitments?limit=7';
    while (url) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      const page = JSON.parse(response.body);
      seen.push(...page.data.map((c: { ref: string }) => c.ref));
      url = page.next ? `/api/v1/commitments?limit=7&cursor=${page.next}` : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = JSON.parse((await get('/api/v1/commitments?limit=500')).body);
    expect(seen).toEqual(all.data.map((c: { ref: string }) => c.ref));

    const overdue = JSON.parse((await get('/api/v1/commitments?status=overdue&bureau=DEVB')).body);
    expect(overdue.data.length).toBeGreaterThan(0);
    for (const c of overdue.data) expect(c.milestones.some((m: { trackerStatus: string }) => m.trackerStatus === 'overdue')).toBe(true);
    const dated = JSON.parse((await get('/api/v1/milestones?due_before=2025-01-01&due_after=2024-12-01')).body);
    for (const m of dated.data) expect(m.due > '2024-12-01' && m.due <= '2025-01-01').toBe(true);
    const text = JSON.parse((await get('/api/v1/commitments?q=%E7%89%9B%E6%BD%AD%E5%B0%BE')).body);
    expect(text.data.map((c: { ref: string }) => c.ref)).toContain('PA2024-7-03');
    const detail = JSON.parse((await get(`/api/v1/commitments/${HOSTILE_REF}`)).body);
    expect(detail.text).toBe(HOSTILE_TEXT);
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['pending', 'claimed']);
    const history = JSON.parse((await get('/api/v1/status-history?limit=2')).body);
    expect(history.data).toHaveLength(2);
    expect(history.next).toBeTruthy();

    expect((await get('/api/v1/commitments?status=nope')).statusCode).toBe(400);
    expect((await get('/api/v1/commitments?due_before=2025-02-30')).statusCode).toBe(400);
    expect((await get('/api/v1/commitments?cursor=bogus')).statusCode).toBe(400);
    expect((await get('/api/v1/commitments?limit=0')).statusCode).toBe(400);
    expect((await get('/api/v1/commitments/NOPE')).statusCode).toBe(404);
    for (const path of ['/documents', '/bureaux', '/milestones']) expect((await get(`/api/v1${path}`)).statusCode).toBe(200);
  });

  it('answers 304 to a matching ETag or Last-Modified, and a fresh answer after a change', async () => {
    const first = await get('/api/v1/bureaux');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    expect((await get('/api/v1/bureaux', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get('/en/', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get('/en/', { 'if-none-match': '"other"' })).statusCode).toBe(200);

    await db.pool.query(`UPDATE milestones SET updated_at = now() + interval '1 day' WHERE id = (SELECT min(id) FROM milestones)`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await get('/api/v1/bureaux', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('sends a strict Content-Security-Policy and the usual security headers', async () => {
    const response = await get('/en/');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeTruthy();
    expect(response.headers['referrer-policy']).toBeTruthy();
  });

  it('refuses large bodies and keeps /healthz', async () => {
    const big = await app.inject({ method: 'POST', url: '/healthz', payload: 'x'.repeat(100_000), headers: { 'content-type': 'text/plain' } });
    expect([404, 413]).toContain(big.statusCode);
    const health = await get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body).status).toBe('ok');
  });

  it('limits the request rate per address', async () => {
    const limited = await createTestTracker(db.pool, { rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.inject({ method: 'GET', url: '/assets/site.css' })).statusCode);
      expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
      expect(codes.slice(3)).toEqual([429, 429]);
      expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  // Last: it changes a status the tests above count.
  it('dates a status change by the tracker zone, not UTC', async () => {
    // 17:30 UTC on 10 January is 01:30 on 11 January in Hong Kong.
    await changeMilestoneStatus(db.pool, 'PA2024-7-05', { to: 'claimed' }, { actor: 'test', source: 'cli', at: new Date('2025-01-10T17:30:00Z') });
    const page = (await get('/en/commitments/PA2024-7-05')).body;
    expect(page).toContain('<time datetime="2025-01-10T17:30:00.000Z">2025-01-11</time>');
    expect((await get('/en/changed')).body).toContain('<time datetime="2025-01-10T17:30:00.000Z">2025-01-11</time>');
  });
});
