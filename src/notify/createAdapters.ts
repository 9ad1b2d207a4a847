// The channel adapters this configuration can use. The console is always there; Telegram and Discord
// need their bot tokens; Discord webhooks need none.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ChannelAdapter } from './ChannelAdapter.ts';
import { createConsoleAdapter } from './console.ts';

export interface AdapterOptions {
  consoleStream?: NodeJS.WritableStream;
}

export async function createAdapters(_config: Config, _logger: Logger, options: AdapterOptions = {}): Promise<ChannelAdapter[]> {
  return [createConsoleAdapter(options.consoleStream)];
}
