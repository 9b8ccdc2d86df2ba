/**
 * What re-reading a resource live can tell: its state now, that it is gone, or that it could not
 * be read (access denied, throttled out). The last is never "gone" and never "unchanged": a bot
 * acts only on what it could read, so the resource is skipped with the reason.
 */

/** A live read that failed; `unreadable` says why. */
export interface UnreadableLive {
  readonly unreadable: string;
}

export function isUnreadableLive(value: unknown): value is UnreadableLive {
  return typeof value === 'object' && value !== null && typeof (value as { unreadable?: unknown }).unreadable === 'string';
}
