// The alert policy as the configuration states it.
import type { Config } from '../config.ts';
import type { AlertPolicy } from '../domain/alertPolicy.ts';

export function alertPolicyOf(config: Config): AlertPolicy {
  return {
    timezone: config.timezone,
    leadDays: config.alerts.leadDays,
    sendAt: config.alerts.sendAt,
    missedGraceDays: config.alerts.missedGraceDays,
    overdueEveryDays: config.alerts.overdueEveryDays,
  };
}
