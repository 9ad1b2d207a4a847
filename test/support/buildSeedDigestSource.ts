// The seed chapter as a digest source without a database: parsed as the loader parses it, with ids that
// follow document order (commitment n has id n, its milestone k has id n*100+k). Status changes are added
// by each test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import type { DigestSource, DigestSourceChange } from '../../src/domain/composeDigest.ts';
import type { MilestoneStatus } from '../../src/domain/milestoneStatus.ts';
import { parseDocument } from '../../src/ingest/parseDocument.ts';

const SEED_FILE = path.join(PROJECT_ROOT, 'seeds', 'policy-address-2024-ch7.zh-Hant.txt');

export interface SeedChange {
  /** "PA2024-7-03" or "PA2024-7-01/2" */
  milestone: string;
  status: MilestoneStatus;
  due?: string;
  evidenceUrl?: string;
  at: Date;
}

export function buildSeedDigestSource(changes: readonly SeedChange[] = []): DigestSource {
  const document = parseDocument(readFileSync(SEED_FILE, 'utf8'), { published: '2024-10-16', fileName: SEED_FILE });
  const commitments = document.commitments.map((c, i) => ({
    id: i + 1,
    ref: c.ref,
    text: c.text,
    bureaus: c.bureaus,
    withRelevantBureaux: c.withRelevantBureaux,
    milestones: c.milestones.map((m, k) => ({
      id: (i + 1) * 100 + k + 1,
      seq: k + 1,
      kind: m.kind,
      subject: m.subject,
      due: m.due,
      status: 'pending' as MilestoneStatus,
      evidenceUrl: null as string | null,
    })),
  }));
  // Apply the changes in time order, as changeMilestoneStatus would, recording their history.
  const history: DigestSourceChange[] = [];
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const [ref, seq] = change.milestone.split('/');
    const milestone = commitments.find((c) => c.ref === ref)?.milestones[Number(seq ?? 1) - 1];
    if (!milestone) throw new Error(`no milestone ${change.milestone} in the seed chapter`);
    history.push({
      milestoneId: milestone.id,
      status: change.status,
      due: change.due ?? milestone.due,
      previousStatus: milestone.status,
      previousDue: milestone.due,
      evidenceUrl: change.evidenceUrl ?? null,
      note: null,
      changedAt: change.at,
    });
    milestone.status = change.status;
    milestone.due = change.due ?? milestone.due;
    milestone.evidenceUrl = change.status === 'met' || change.status === 'claimed' ? (change.evidenceUrl ?? null) : milestone.evidenceUrl;
  }
  return { commitments, changes: history };
}
