// The argument of /mute: a number of days (1–365, "7", "7d", "7 days", "7日", "7天") or "off".
import { parseSwitch } from './parseSwitch.ts';

export const MAX_MUTE_DAYS = 365;

export type MuteArgument = { off: true } | { off: false; days: number };

export function parseMuteArgument(text: string): MuteArgument | null {
  const value = text.normalize('NFKC').trim().toLowerCase();
  if (parseSwitch(value) === false) return { off: true };
  const match = /^(\d{1,3})\s*(d|day|days|日|天)?$/.exec(value);
  if (!match) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= MAX_MUTE_DAYS ? { off: false, days } : null;
}
