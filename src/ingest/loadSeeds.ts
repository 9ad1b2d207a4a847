// Everything the seeds manifest lists: its documents (with editor overrides), then the curated statuses.
import type { Pool } from '../db/createPool.ts';
import type { Logger } from '../logger.ts';
import { loadDocuments, requestsFromManifest } from './loadDocuments.ts';
import { loadStatusesFile } from './loadStatusesFile.ts';
import { readSeedManifest } from './readSeedManifest.ts';
import type { LoadOutcome } from './loadDocuments.ts';

export async function loadSeeds(pool: Pool, manifestFile: string, options: { now: Date; logger: Logger }): Promise<{ documents: LoadOutcome[]; statuses: number }> {
  const manifest = await readSeedManifest(manifestFile);
  const documents = await loadDocuments(pool, requestsFromManifest(manifest), { ...options, overridesFile: manifest.overridesFile });
  const statuses = manifest.statusesFile ? await loadStatusesFile(pool, manifest.statusesFile, options.now) : 0;
  if (statuses) options.logger.info({ file: manifest.statusesFile, applied: statuses }, 'curated statuses applied');
  return { documents, statuses };
}
