// The seeds manifest: which documents to load, with the facts the text itself does not carry.
import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from './readYamlFile.ts';
import { SeedFileError } from './SeedFileError.ts';

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
  // Other languages of the documents above: each is paired with its document's commitments.
  editions: z
    .array(
      z.object({
        of: z.string().min(1),
        file: z.string().min(1),
        language: z.enum(['zh-Hant', 'en']),
        title: z.string().min(1).optional(),
        published: isoDate.optional(),
        sourceUrl: z.url().optional(),
      }).strict(),
    )
    .default([]),
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

export interface SeedEdition {
  /** The id of the document this is an edition of. */
  of: string;
  file: string;
  language: 'zh-Hant' | 'en';
  title: string | null;
  published: string | null;
  sourceUrl: string | null;
}

export interface SeedManifest {
  file: string;
  documents: SeedDocument[];
  editions: SeedEdition[];
  overridesFile: string | null;
  statusesFile: string | null;
}

export async function readSeedManifest(file: string): Promise<SeedManifest> {
  const data = await readYamlFile(file, manifestSchema);
  const dir = path.dirname(file);
  const ids = new Set(data.documents.map((doc) => doc.id));
  for (const [index, edition] of data.editions.entries()) {
    if (!ids.has(edition.of)) throw new SeedFileError(file, `editions[${index}].of`, `"${edition.of}" is not the id of a document in this manifest`);
  }
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
    editions: data.editions.map((edition) => ({
      of: edition.of,
      file: path.resolve(dir, edition.file),
      language: edition.language,
      title: edition.title ?? null,
      published: edition.published ?? null,
      sourceUrl: edition.sourceUrl ?? null,
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

/** The manifest's edition entry for a file, so `load` of a listed edition attaches it. */
export function findSeedEdition(manifest: SeedManifest | null, file: string): SeedEdition | null {
  const target = path.resolve(file);
  return manifest?.editions.find((edition) => edition.file === target) ?? null;
}
