// A due date as Discord timestamps: each reader sees the date (and "in 7 days") in their own locale and zone.
// The instant is the date at the configured send time in the configured zone (09:00 Hong Kong by default), so
// the relative form counts down to the moment the day's alerts go out.
import { toInstant } from '../../domain/zonedTime.ts';

export interface DueTimeOptions {
  timezone: string;
  sendAt: string;
}

/** "<t:1735606800:D> (<t:1735606800:R>)". */
export function formatDueTimestamp(due: string, options: DueTimeOptions): string {
  const unix = Math.floor(toInstant(due, options.sendAt, options.timezone).getTime() / 1000);
  return `<t:${unix}:D> (<t:${unix}:R>)`;
}
