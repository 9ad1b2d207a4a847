// The console channel: alerts printed to a stream (stdout by default), so a new user sees them without
// any bot token.
import type { ChannelAdapter, OutgoingMessage } from './ChannelAdapter.ts';
import { renderDigestText } from './digest/renderDigestText.ts';
import { renderAlertText } from './renderAlertText.ts';

export function createConsoleAdapter(stream: NodeJS.WritableStream = process.stdout): ChannelAdapter {
  return {
    channel: 'console',
    async send(message: OutgoingMessage): Promise<void> {
      const text = message.digest ? renderDigestText(message.digest) : renderAlertText(message);
      await new Promise<void>((resolve, reject) => stream.write(`${text}\n`, (error) => (error ? reject(error) : resolve())));
    },
  };
}
