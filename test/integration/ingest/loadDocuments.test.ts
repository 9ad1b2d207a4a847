import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { DocumentError } from '../../../src/ingest/DocumentError.ts';
import { loadDocuments, type LoadRequest } from '../../../src/ingest/loadDocuments.ts';
import { loadStatusesFile } from '../../../src/ingest/loadStatusesFile.ts';
import { SeedFileError } from '../../../src/ingest/SeedFileError.ts';
import { changeMilestoneStatus } from '../../../src/services/changeMilestoneStatus.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { silentLogger } from '../../support/seedTestDatabase.ts';

const SEED = path.join(PROJECT_ROOT, 'seeds', 'policy-address-2024-ch7.zh-Hant.txt');
const seedText = readFileSync(SEED, 'utf8');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-load-'));

function request(source: string): LoadRequest {
  return { key: 'policy-address-2024-ch7', source, published: '2024-10-16', language: 'zh-Hant', title: null, sourceUrl: null };
}

function writeDoc(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('loading documents into PostgreSQL', () => {
  let db: TestDatabase;
  const load = (source: string, extra: { overridesFile?: string } = {}) =>
    loadDocuments(db.pool, [request(source)], { now: new Date('2024-11-01T00:00:00Z'), logger: silentLogger, ...extra });
  const counts = async () =>
    (
      await db.pool.query(`SELECT
        (SELECT count(*)::int FROM commitments) AS commitments,
        (SELECT count(*)::int FROM commitments WHERE withdrawn_at IS NULL) AS active,
        (SELECT count(*)::int FROM milestones WHERE withdrawn_at IS NULL) AS milestones`)
    ).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('loads the seed chapter and reloading it duplicates nothing', async () => {
    const [first] = await load(SEED);
    expect(first).toMatchObject({ commitments: 32, milestones: 11, added: 32, changed: true });
    const [second] = await load(SEED);
    expect(second).toMatchObject({ commitments: 32, milestones: 11, added: 0, withdrawn: 0, rescheduled: 0, changed: false });
    expect(await counts()).toEqual({ commitments: 32, active: 32, milestones: 11 });
    const { rows } = await db.pool.query("SELECT ref, bureaus, with_relevant_bureaux FROM commitments WHERE ref IN ('PA2024-7-06', 'PA2024-7-11') ORDER BY ref");
    expect(rows).toEqual([
      { ref: 'PA2024-7-06', bureaus: ['DEVB', 'ITIB'], with_relevant_bureaux: false },
      { ref: 'PA2024-7-11', bureaus: ['ITIB'], with_relevant_bureaux: true },
    ]);
  });

  it('an edited version keeps refs, statuses and subscriptions; withdraws what vanished; records a moved date', async () => {
    await changeMilestoneStatus(db.pool, 'PA2024-7-10', { to: 'claimed' }, { actor: 'test', source: 'cli', at: new Date('2024-11-02T00:00:00Z') });
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'] }, new Date('2024-11-02T00:00:00Z'));
    const lines = seedText.split('\n');
    const edited = lines
      // a new bullet at the top of the first section shifts every position after it
      .map((line) => (line.startsWith('- 在2024年年底及2025年年中分別') ? `- 在2025年第二季推出北部都會區新資訊網站。(發展局)\n${line}` : line))
      // #3 moves from end-2024 to mid-2025 and gets a small wording change
      .map((line) => line.replace('在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。', '在2025年年中前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。'))
      // #22 disappears
      .filter((line) => !line.includes('擴展「長者醫療券大灣區試點計劃」'));
    const [summary] = await load(writeDoc('edited.txt', edited.join('\n')));
    expect(summary).toMatchObject({ commitments: 32, added: 1, withdrawn: 1, rescheduled: 1, changed: true });
    expect(await counts()).toEqual({ commitments: 33, active: 32, milestones: 12 });

    const { rows } = await db.pool.query('SELECT ref, position, text, withdrawn_at IS NOT NULL AS withdrawn FROM commitments ORDER BY ref');
    const byRef = new Map(rows.map((r) => [r.ref, r]));
    expect(byRef.get('PA2024-7-01')).toMatchObject({ position: 2, withdrawn: false }); // kept its ref though it moved down
    expect(byRef.get('PA2024-7-33')).toMatchObject({ position: 1, text: '在2025年第二季推出北部都會區新資訊網站。' });
    expect(byRef.get('PA2024-7-22')).toMatchObject({ withdrawn: true });

    const history = await db.pool.query(
      `SELECT h.status, h.due, h.previous_due, h.source FROM milestone_status_history h JOIN milestones m ON m.id = h.milestone_id
       JOIN commitments c ON c.id = m.commitment_id WHERE c.ref = 'PA2024-7-03' ORDER BY h.id`,
    );
    expect(history.rows.at(-1)).toEqual({ status: 'rescheduled', due: '2025-06-30', previous_due: '2024-12-31', source: 'loader' });
    const claimed = await db.pool.query("SELECT m.status FROM milestones m JOIN commitments c ON c.id = m.commitment_id WHERE c.ref = 'PA2024-7-10'");
    expect(claimed.rows[0].status).toBe('claimed');
    const subscriptions = await db.pool.query('SELECT target, bureaus FROM subscriptions');
    expect(subscriptions.rows).toEqual([{ target: 'console', bureaus: ['DEVB'] }]);

    // the original text again: the vanished commitment comes back under its old ref
    const [restored] = await load(SEED);
    expect(restored).toMatchObject({ withdrawn: 1, added: 0 });
    expect((await db.pool.query("SELECT withdrawn_at FROM commitments WHERE ref = 'PA2024-7-22'")).rows[0].withdrawn_at).toBeNull();
  });

  it('bad input names the file and the problem, and loses nothing already stored', async () => {
    const before = await counts();
    const big5 = Buffer.from([0xa6, 0x62, 0x32, 0x30, 0x32, 0x34, 0xa6, 0x7e, 0x0a]);
    await expect(load(writeDoc('big5.txt', big5))).rejects.toThrow(/big5\.txt: .*UTF-8/);
    await expect(load(writeDoc('empty.txt', ''))).rejects.toThrow(/empty\.txt: .*empty/);
    await expect(load(writeDoc('prose.txt', '背景\n\n政府會繼續推動發展。\n'))).rejects.toBeInstanceOf(DocumentError);
    await expect(load(path.join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt: .*(not found|no such)/i);
    expect(await counts()).toEqual(before);
  });

  it('overrides correct bureaux and add milestones by ref, with errors that name the field', async () => {
    const overrides = writeDoc(
      'overrides.yaml',
      'overrides:\n  - ref: PA2024-7-11\n    addBureaus: [保安局]\n    addMilestones:\n      - { due: 2025-12-31, phrase: "LegCo reply, 2025-03" }\n',
    );
    await load(SEED, { overridesFile: overrides });
    const { rows } = await db.pool.query(
      "SELECT c.bureaus, m.due, m.phrase FROM commitments c JOIN milestones m ON m.commitment_id = c.id WHERE c.ref = 'PA2024-7-11' AND m.withdrawn_at IS NULL",
    );
    expect(rows).toEqual([{ bureaus: ['ITIB', 'SB'], due: '2025-12-31', phrase: 'LegCo reply, 2025-03' }]);

    const bad = writeDoc('bad-overrides.yaml', 'overrides:\n  - ref: PA2024-7-11\n    addBureaus: [Ministry of Magic]\n');
    await expect(load(SEED, { overridesFile: bad })).rejects.toThrow(/bad-overrides\.yaml: overrides\[0\]\.addBureaus\[0\]: unknown bureau "Ministry of Magic"/);
    const unknownRef = writeDoc('ref-overrides.yaml', 'overrides:\n  - ref: PA2024-7-99\n    addBureaus: [DEVB]\n');
    await expect(load(SEED, { overridesFile: unknownRef })).rejects.toBeInstanceOf(SeedFileError);
    const badDate = writeDoc('date-overrides.yaml', 'overrides:\n  - ref: PA2024-7-11\n    milestones:\n      - { due: 2025-02-30, phrase: x }\n');
    await expect(load(SEED, { overridesFile: badDate })).rejects.toThrow(/overrides\[0\]\.milestones\[0\]\.due: a real date/);
    const syntax = writeDoc('syntax.yaml', 'overrides:\n  - ref: [unclosed\n');
    await expect(load(SEED, { overridesFile: syntax })).rejects.toThrow(/syntax\.yaml: line \d+/);
  });

  it('curated statuses are applied once and never undo a later change', async () => {
    const statuses = writeDoc(
      'statuses.yaml',
      'statuses:\n  - ref: PA2024-7-05\n    status: met\n    evidence: https://www.info.gov.hk/gia/general/202503/31/P1.htm\n    date: 2025-03-31\n',
    );
    expect(await loadStatusesFile(db.pool, statuses, new Date('2025-04-01T00:00:00Z'))).toBe(1);
    expect(await loadStatusesFile(db.pool, statuses, new Date('2025-04-02T00:00:00Z'))).toBe(0);
    await changeMilestoneStatus(db.pool, 'PA2024-7-05', { to: 'pending' }, { actor: 'editor', source: 'cli', note: 'evidence withdrawn', at: new Date('2025-04-03T00:00:00Z') });
    expect(await loadStatusesFile(db.pool, statuses, new Date('2025-04-04T00:00:00Z'))).toBe(0);
    const bad = writeDoc('bad-statuses.yaml', 'statuses:\n  - ref: PA2024-7-02\n    status: met\n');
    await expect(loadStatusesFile(db.pool, bad, new Date())).rejects.toThrow(/bad-statuses\.yaml: statuses\[0\] \(PA2024-7-02\): marking a milestone met needs public evidence/);
    const twoMilestones = writeDoc('two.yaml', 'statuses:\n  - ref: PA2024-7-01\n    status: claimed\n');
    await expect(loadStatusesFile(db.pool, twoMilestones, new Date())).rejects.toThrow(/has 2 milestones; name one as PA2024-7-01\/1/);
  });
});
