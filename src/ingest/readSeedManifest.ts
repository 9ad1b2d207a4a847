// The seeds manifest: which documents to load, with the facts the text itself does not carry.
import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from './readYamlFile.ts';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'));

const manifestSchema = z.object({
  documents: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"'),
        file: z.string().min(1),
        title: z.string().min(1).optional(),
        language: z.enum(['zh-Hant', 'en']).optional(),
        published: isoDate,
        sourceUrl: z.url().optional(),
      }),
    )
    .min(1, 'lists no documents'),
  overrides: z.string().min(1).optional(),
  statuses: z.string().min(1).optional(),
});

export interface SeedDocument {
  id: string;
  /** Absolute path of the text file. */
  file: string;
  title: string | null;
  language: 'zh-Hant' | 'en' | null;
  published: string;
  sourceUrl: string | null;
}

export interface SeedManifest {
  file: string;
  documents: SeedDocument[];
  overridesFile: string | null;
  statusesFile: string | null;
}

export async function readSeedManifest(file: string): Promise<SeedManifest> {
  const data = await readYamlFile(file, manifestSchema);
  const dir = path.dirname(file);
  return {
    file,
    documents: data.documents.map((doc) => ({
      id: doc.id,
      file: path.resolve(dir, doc.file),
      title: doc.title ?? null,
      language: doc.language ?? null,
      published: doc.published,
      sourceUrl: doc.sourceUrl ?? null,
    })),
    overridesFile: data.overrides ? path.resolve(dir, data.overrides) : null,
    statusesFile: data.statuses ? path.resolve(dir, data.statuses) : null,
  };
}

/** The manifest entry for a file, so `extract` and `load` of a listed file get its publication date. */
export function findSeedDocument(manifest: SeedManifest | null, file: string): SeedDocument | null {
  const target = path.resolve(file);
  return manifest?.documents.find((doc) => doc.file === target) ?? null;
}
