// An instant as a reader in the configured zone reads it: "2024-12-31 09:00".
import { offsetAt } from '../domain/zonedTime.ts';

export function formatLocalTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetAt(instant, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}
