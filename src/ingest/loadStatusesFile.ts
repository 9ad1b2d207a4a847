// The curated statuses file (seeds/statuses.yaml): milestone statuses an editor has established, applied
// when the documents are loaded. Each entry is applied once; a later change from the CLI or a bot is not
// undone by reloading, because an entry already in the history is skipped.
import path from 'node:path';
import { z } from 'zod';
import type { Pool } from '../db/createPool.ts';
import { hasSeedStatusEntry } from '../db/statusHistory.ts';
import { MILESTONE_STATUSES, StatusChangeError } from '../domain/milestoneStatus.ts';
import { changeMilestoneStatusIn } from '../services/changeMilestoneStatus.ts';
import { withTransaction } from '../db/withClient.ts';
import { MilestoneRefError, parseMilestoneRef } from '../services/parseMilestoneRef.ts';
import { readYamlFile } from './readYamlFile.ts';
import { SeedFileError } from './SeedFileError.ts';

const dateText = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

const entrySchema = z
  .object({
    ref: z.string().min(1),
    status: z.enum(MILESTONE_STATUSES),
    evidence: z.url().optional(),
    due: dateText.optional(),
    note: z.string().optional(),
    date: dateText.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')).optional(),
  })
  .strict();

const fileSchema = z.object({ statuses: z.array(entrySchema).default([]) }).strict();

export async function loadStatusesFile(pool: Pool, file: string, now: Date): Promise<number> {
  const display = path.relative(process.cwd(), file) || file;
  const { statuses } = await readYamlFile(file, fileSchema, display);
  // All entries or none: a bad entry anywhere leaves every status as it was.
  return withTransaction(pool, `apply ${display}`, async (client) => {
    let applied = 0;
    for (const [index, entry] of statuses.entries()) {
      const field = `statuses[${index}]`;
      let parsed;
      try {
        parsed = parseMilestoneRef(entry.ref);
      } catch (error) {
        throw new SeedFileError(display, `${field}.ref`, (error as Error).message);
      }
      const note = [entry.date ? `as of ${entry.date}` : null, entry.note ?? null].filter(Boolean).join(': ') || null;
      const already = await hasSeedStatusEntry(client, { ref: parsed.ref, seq: parsed.seq, status: entry.status, note, evidenceUrl: entry.evidence ?? null });
      if (already) continue;
      try {
        await changeMilestoneStatusIn(
          client,
          entry.ref,
          { to: entry.status, evidenceUrl: entry.evidence ?? null, due: entry.due ?? null },
          { actor: display, source: 'seed', note, at: now },
        );
        applied++;
      } catch (error) {
        if (error instanceof StatusChangeError || error instanceof MilestoneRefError) {
          throw new SeedFileError(display, `${field} (${entry.ref})`, error.message);
        }
        throw error;
      }
    }
    return applied;
  });
}
