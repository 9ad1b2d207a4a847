// The public tracker over a test database holding the seed chapter plus one commitment whose text is an
// attack (script tag, attribute break-out, an onerror image), so every renderer is checked for escaping.
import type { FastifyInstance } from 'fastify';
import type { Pool } from '../../src/db/createPool.ts';
import { saveCommitment } from '../../src/db/commitments.ts';
import { upsertDocument } from '../../src/db/documents.ts';
import { insertMilestone } from '../../src/db/milestones.ts';
import { appendStatusHistory } from '../../src/db/statusHistory.ts';
import { withTransaction } from '../../src/db/withClient.ts';
import { createWebServer } from '../../src/web/createWebServer.ts';

export const HOSTILE_TEXT = `<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"> & ]]> 'quoted'`;
export const HOSTILE_REF = 'PA2099-1-01';
export const TRACKER_NOW = new Date('2025-01-15T10:00:00+08:00');

export async function insertHostileCommitment(pool: Pool, now = TRACKER_NOW): Promise<void> {
  await withTransaction(pool, 'inserting a hostile commitment', async (client) => {
    const { id: documentId } = await upsertDocument(
      client,
      { key: 'hostile-doc', title: `Hostile <b>title</b> "><svg onload=alert(1)>`, chapter: '1', language: 'en', published: '2099-01-01', sourceUrl: 'javascript:alert(1)', sha256: 'x'.repeat(64) },
      now,
    );
    const commitmentId = await saveCommitment(
      client,
      null,
      { documentId, ref: HOSTILE_REF, position: 1, headings: ['<i>heading</i>'], text: HOSTILE_TEXT, bureaus: ['DEVB'], withRelevantBureaux: false },
      now,
    );
    const milestoneId = await insertMilestone(client, commitmentId, 1, { due: '2025-01-31', kind: 'deadline', phrase: '<b>by</b> January', subject: null }, now, now);
    await appendStatusHistory(client, {
      milestoneId,
      status: 'pending',
      due: '2025-01-31',
      previousStatus: null,
      previousDue: null,
      actor: 'test',
      source: 'loader',
      note: null,
      evidenceUrl: null,
      changedAt: now,
    });
    await appendStatusHistory(client, {
      milestoneId,
      status: 'claimed',
      due: '2025-01-31',
      previousStatus: 'pending',
      previousDue: null,
      actor: 'test',
      source: 'cli',
      note: '<script>note()</script>',
      evidenceUrl: 'https://example.org/?a=<b>&c="d"',
      changedAt: new Date(now.getTime() + 1000),
    });
  });
}

export async function createTestTracker(pool: Pool, options: { now?: Date; rateLimitPerMinute?: number; publicUrl?: string } = {}): Promise<FastifyInstance> {
  const now = options.now ?? TRACKER_NOW;
  const app = await createWebServer({
    pool,
    now: () => now,
    timezone: 'Asia/Hong_Kong',
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:8080',
    leadDays: [30, 7, 1],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    health: async () => ({ statusCode: 200, body: { status: 'ok' } }),
  });
  await app.ready();
  return app;
}
