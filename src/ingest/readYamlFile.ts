// Reads a YAML or JSON seed file and validates it with a zod schema, turning both syntax errors and
// schema errors into one SeedFileError that names the file and the line or field.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { SeedFileError } from './SeedFileError.ts';

export function formatIssuePath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

export async function readYamlFile<T>(file: string, schema: z.ZodType<T>, displayName = path.relative(process.cwd(), file) || file): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SeedFileError(displayName, null, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      const first = (error.message.split('\n')[0] ?? 'not valid YAML').replace(/ at line \d+, column \d+:?$/, '');
      throw new SeedFileError(displayName, line ? `line ${line}` : null, first);
    }
    throw new SeedFileError(displayName, null, `not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SeedFileError(displayName, formatIssuePath(issue.path) || null, issue.message);
  }
  return result.data;
}
