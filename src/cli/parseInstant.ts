// --at values: an ISO instant with an offset or Z. A bare date is refused: which hour of which zone it
// meant would be a guess.
import { UsageError } from './UsageError.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(value: string, option: string, usage: string): Date {
  const at = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`${option} must be an ISO instant with offset, e.g. 2024-12-24T09:00:00+08:00, not "${value}"`, usage);
  }
  return at;
}
