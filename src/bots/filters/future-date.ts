/**
 * Whether a tag value names a date still ahead of the run's clock: a plain date counts through the
 * end of that day on the account's wall clock (`2026-12-31` in New York holds until midnight
 * there), a date-time until that instant. Undefined when the value is no ISO date.
 */
import { DateTime } from 'luxon';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function futureDate(value: string, zone: string, now: Date): boolean | undefined {
  const text = value.trim();
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const end = DATE_ONLY.test(text) ? parsed.endOf('day') : parsed;
  return end.toMillis() > now.getTime();
}
