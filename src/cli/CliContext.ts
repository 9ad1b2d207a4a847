// What every command receives: configuration and clock resolved once, a logger, and the output streams.
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

export interface CliContext {
  config: Config;
  clock: Clock;
  logger: Logger;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  verbose: boolean;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<string>;
}

export type Command = (args: string[], context: CliContext) => Promise<number>;
