// The weekly digest settings as the configuration states them: the default schedule (a subscription may
// choose its own day, time and zone) and whether an empty week is skipped.
import type { Config } from '../config.ts';
import type { DigestSchedule } from '../domain/resolveDigestSchedule.ts';

export interface DigestSettings {
  schedule: DigestSchedule;
  /** Default for subscriptions that did not choose (subscriptions.digest_skip_empty NULL). */
  skipEmpty: boolean;
}

/** The shipped defaults (config/default.json): Monday 09:00, Hong Kong time, empty weeks sent. */
export function defaultDigestSettings(timezone = 'Asia/Hong_Kong'): DigestSettings {
  return { schedule: { day: 'mon', time: '09:00', timezone }, skipEmpty: false };
}

export function digestSettingsOf(config: Config): DigestSettings {
  return { schedule: { day: config.digest.day, time: config.digest.time, timezone: config.timezone }, skipEmpty: config.digest.skipEmpty };
}
