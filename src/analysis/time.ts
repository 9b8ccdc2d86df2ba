/** Date arithmetic for insights, always against the scan clock (`ctx.now`), never `Date.now()`. */

const DAY_MS = 86_400_000;

/** Whole days from `iso` to `now` (negative when `iso` is in the future). */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

/** Whole days from `now` until `iso` (negative when `iso` is past). */
export function daysUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / DAY_MS);
}
