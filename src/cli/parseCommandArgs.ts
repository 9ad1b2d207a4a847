// node:util parseArgs with its errors turned into UsageErrors that carry the command's usage line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './UsageError.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(args: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''), usage);
  }
}
