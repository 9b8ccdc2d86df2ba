/**
 * The daemon's time: what time it is, and a callback after a delay (jitter, retry back-off). Passed
 * in, so tests move time by hand instead of sleeping.
 */
export interface Clock {
  now(): Date;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
