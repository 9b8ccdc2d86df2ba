/**
 * Time windows (`{ days: Mon-Fri, from: "07:00", to: "19:00" }`) read in an IANA time zone: the
 * question is only ever "is this instant inside?", answered from the wall clock of that zone, so a
 * missed run, a restart or a DST change cannot leave a resource in the wrong state — the next run
 * reconciles it. A window whose `to` is not after `from` runs past midnight into the next day.
 */
import { DateTime, IANAZone } from 'luxon';
import type { TimeWindow } from '../bot-schema.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** ISO weekdays (1 = Monday) that `Mon-Fri,Sun` names. */
export function windowDays(days: string): ReadonlySet<number> {
  const result = new Set<number>();
  for (const part of days.split(',')) {
    const [from, to = from] = part.split('-') as [string, string?];
    const start = DAY_NAMES.indexOf(from as (typeof DAY_NAMES)[number]);
    const end = DAY_NAMES.indexOf(to as (typeof DAY_NAMES)[number]);
    for (let day = start; ; day = (day + 1) % 7) {
      result.add(day + 1);
      if (day === end) break;
    }
  }
  return result;
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether `now` falls inside any of the windows, on the wall clock of `zone`. */
export function insideWindows(windows: readonly TimeWindow[], zone: string, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  return windows.some((window) => {
    const days = windowDays(window.days);
    const from = minutes(window.from);
    const to = minutes(window.to);
    if (from < to) return days.has(local.weekday) && minute >= from && minute < to;
    // Past midnight: the evening part on a listed day, the morning part on the day after one.
    const yesterday = local.weekday === 1 ? 7 : local.weekday - 1;
    return (days.has(local.weekday) && minute >= from) || (days.has(yesterday) && minute < to);
  });
}
