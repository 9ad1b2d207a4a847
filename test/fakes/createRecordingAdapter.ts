// A channel adapter that records what it is asked to send and can be told to fail, for engine tests.
import { DeliveryError, type ChannelAdapter, type OutgoingMessage } from '../../src/notify/ChannelAdapter.ts';

export interface RecordingAdapter extends ChannelAdapter {
  sent: OutgoingMessage[];
  /** Fail the next sends with these errors, in order. */
  failWith(...errors: DeliveryError[]): void;
  attempts: number;
}

export function createRecordingAdapter(channel = 'console', options: { delayMs?: number } = {}): RecordingAdapter {
  const failures: DeliveryError[] = [];
  const adapter: RecordingAdapter = {
    channel,
    sent: [],
    attempts: 0,
    failWith: (...errors) => failures.push(...errors),
    async send(message) {
      adapter.attempts++;
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const failure = failures.shift();
      if (failure) throw failure;
      adapter.sent.push(message);
    },
  };
  return adapter;
}

export { DeliveryError };
