// Carry-over across years: the seed chapter, then a later chapter (test/fixtures/carry-over) that restates
// three of its dated commitments with later dates, shares place names with others (a different task) and
// adds new ones. Exactly the three are linked and rescheduled, with the later document as their source and
// the days they slipped; a reload links nothing twice; an editor's undo puts the date back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { loadDocuments } from '../../../src/ingest/loadDocuments.ts';
import { renderDigestText } from '../../../src/notify/digest/renderDigestText.ts';
import { defaultDigestSettings } from '../../../src/schedule/digestSettingsOf.ts';
import { previewDigest } from '../../../src/services/previewDigest.ts';
import { listCarriedOver, removeCarryOverLink } from '../../../src/services/carriedOver.ts';
import { getCommitmentDetails } from '../../../src/services/getCommitmentDetails.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { silentLogger } from '../../support/seedTestDatabase.ts';

const SEED = path.join(PROJECT_ROOT, 'seeds', 'policy-address-2024-ch7.zh-Hant.txt');
const LATER = path.join(PROJECT_ROOT, 'test', 'fixtures', 'carry-over', 'policy-address-2025-ch7.zh-Hant.txt');
const now = new Date('2025-10-01T00:00:00Z');

describe('carry-over of restated commitments', () => {
  let db: TestDatabase;
  const loadLater = () =>
    loadDocuments(
      db.pool,
      [{ key: 'policy-address-2025-ch7', source: LATER, published: '2025-09-17', language: 'zh-Hant', title: '2025年施政報告附篇 第七章', sourceUrl: null }],
      { now, logger: silentLogger },
    );
  const milestoneStates = async () =>
    (
      await db.pool.query(
        `SELECT c.ref, m.seq, m.status, m.due FROM milestones m JOIN commitments c ON c.id = m.commitment_id
         JOIN documents d ON d.id = c.document_id WHERE d.key = 'policy-address-2024-ch7' ORDER BY c.ref, m.seq`,
      )
    ).rows.map((r) => `${r.ref}/${r.seq} ${r.status} ${r.due}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDocuments(
      db.pool,
      [{ key: 'policy-address-2024-ch7', source: SEED, published: '2024-10-16', language: 'zh-Hant', title: null, sourceUrl: null }],
      { now: new Date('2024-11-01T00:00:00Z'), logger: silentLogger },
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  it('links exactly the three restatements and reschedules them with the new dates and slips', async () => {
    const before = await milestoneStates();
    const [summary] = await loadLater();
    expect(summary).toMatchObject({ kind: 'document', carriedOver: 3 });
    const links = await listCarriedOver(db.pool);
    expect(links.map((l) => `${l.oldRef} ${l.newRef} ${l.oldDue} ${l.newDue} ${l.daysSlipped}`)).toEqual([
      'PA2024-7-02 PA2025-7-02 2025-12-31 2026-03-31 90',
      'PA2024-7-03 PA2025-7-01 2024-12-31 2025-12-31 365',
      'PA2024-7-07 PA2025-7-03 2025-12-31 2026-12-31 365',
    ]);
    const after = await milestoneStates();
    const changed = after.filter((line) => !before.includes(line));
    expect(changed).toEqual(['PA2024-7-02/1 rescheduled 2026-03-31', 'PA2024-7-03/1 rescheduled 2025-12-31', 'PA2024-7-07/1 rescheduled 2026-12-31']);
    // The place-name neighbours (新田科技城 in PA2025-7-04, 牛潭尾 in PA2025-7-05) are not linked to anything.
    expect(links.some((l) => ['PA2025-7-04', 'PA2025-7-05', 'PA2025-7-06', 'PA2025-7-07'].includes(l.newRef))).toBe(false);
  });

  it('records the later document as the source and shows the link on both sides', async () => {
    const old = (await getCommitmentDetails(db.pool, 'PA2024-7-03'))!;
    const latest = old.milestones[0]!.latest!;
    expect(latest).toMatchObject({ status: 'rescheduled', due: '2025-12-31', previousDue: '2024-12-31', source: 'carryover', sourceDocumentKey: 'policy-address-2025-ch7' });
    expect(latest.provenance).toMatchObject({ kind: 'carryover', document: 'policy-address-2025-ch7' });
    expect(latest.note).toContain('365 days');
    expect(old.links).toEqual([expect.objectContaining({ direction: 'to', ref: 'PA2025-7-01', oldDue: '2024-12-31', newDue: '2025-12-31', daysSlipped: 365 })]);
    const restated = (await getCommitmentDetails(db.pool, 'PA2025-7-01'))!;
    expect(restated.links).toEqual([expect.objectContaining({ direction: 'from', ref: 'PA2024-7-03' })]);
  });

  it('the weekly digest says where the reschedule came from', async () => {
    const preview = await previewDigest(db.pool, { at: new Date('2025-10-06T09:00:00+08:00'), settings: defaultDigestSettings(), bureaus: ['DEVB'], language: 'en' });
    const text = renderDigestText(preview.digest);
    expect(text).toContain('carried over from policy-address-2025-ch7');
  });

  it('a reload links nothing twice and reschedules nothing again', async () => {
    const history = (await db.pool.query('SELECT count(*)::int AS n FROM milestone_status_history')).rows[0].n;
    const [summary] = await loadLater();
    expect(summary).toMatchObject({ kind: 'document', carriedOver: 0 });
    expect(await listCarriedOver(db.pool)).toHaveLength(3);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM milestone_status_history')).rows[0].n).toBe(history);
  });

  it('an editor removes a link: the date goes back, and a reload does not link the pair again', async () => {
    const removal = await removeCarryOverLink(db.pool, 'PA2024-7-03', 'PA2025-7-01', { editor: 'cli:ed', source: 'cli', at: now });
    expect(removal.restored).toBe(true);
    expect(await milestoneStates()).toContain('PA2024-7-03/1 pending 2024-12-31');
    expect((await listCarriedOver(db.pool)).map((l) => l.oldRef)).toEqual(['PA2024-7-02', 'PA2024-7-07']);
    await loadLater();
    expect((await listCarriedOver(db.pool)).map((l) => l.oldRef)).toEqual(['PA2024-7-02', 'PA2024-7-07']);
    await expect(removeCarryOverLink(db.pool, 'PA2024-7-03', 'PA2025-7-01', { editor: 'cli:ed', source: 'cli', at: now })).rejects.toThrow(/already removed/);
    await expect(removeCarryOverLink(db.pool, 'PA2024-7-04', 'PA2025-7-01', { editor: 'cli:ed', source: 'cli', at: now })).rejects.toThrow(/no such link/);
  });
});

describe('carry-over of a two-stage commitment', () => {
  let db: TestDatabase;
  let dir: string;
  const stages = async () =>
    (
      await db.pool.query(
        `SELECT m.seq, m.status, m.due FROM milestones m JOIN commitments c ON c.id = m.commitment_id WHERE c.ref = 'PA2024-7-01' ORDER BY m.seq`,
      )
    ).rows.map((r) => `${r.seq} ${r.status} ${r.due}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'policywatch-carry-'));
    await loadDocuments(
      db.pool,
      [{ key: 'policy-address-2024-ch7', source: SEED, published: '2024-10-16', language: 'zh-Hant', title: null, sourceUrl: null }],
      { now: new Date('2024-11-01T00:00:00Z'), logger: silentLogger },
    );
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('moves both stages when both slipped, and an undo puts both back', async () => {
    expect(await stages()).toEqual(['1 pending 2024-12-31', '2 pending 2025-06-30']);
    // The seed's first commitment (site formation at end-2024 and mid-2025) restated a year later.
    const later = path.join(dir, 'later.zh-Hant.txt');
    await writeFile(later, '推進「北部都會區」建設\n\n- 在2025年年底及2026年年中分別展開新田科技城及元朗南新發展區第二期的土地平整工程。(發展局)\n');
    const [summary] = await loadDocuments(
      db.pool,
      [{ key: 'policy-address-2025-ch7', source: later, published: '2025-09-17', language: 'zh-Hant', title: null, sourceUrl: null }],
      { now, logger: silentLogger },
    );
    expect(summary).toMatchObject({ kind: 'document', carriedOver: 1 });
    expect(await stages()).toEqual(['1 rescheduled 2025-12-31', '2 rescheduled 2026-06-30']);
    const [link] = await listCarriedOver(db.pool);
    expect(link).toMatchObject({ oldRef: 'PA2024-7-01', oldDue: '2024-12-31', newDue: '2025-12-31', daysSlipped: 365 });
    const removal = await removeCarryOverLink(db.pool, 'PA2024-7-01', link!.newRef, { editor: 'cli:ed', source: 'cli', at: now });
    expect(removal.restored).toBe(true);
    expect(await stages()).toEqual(['1 pending 2024-12-31', '2 pending 2025-06-30']);
  });
});
