/**
 * Bounds the requests in flight: one limiter per (account, service), taken before `send()`, so that
 * a thousand buckets do not become a thousand concurrent S3 calls and IAM is never asked more than
 * its budget at once. The SDK's retries happen inside `send()`, so a throttled call keeps its slot
 * while it backs off — throttling slows the whole service down, as it should.
 */
import { budgetOf, DEFAULT_CONCURRENCY } from './services.js';

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`concurrency limit must be a positive integer (got ${max})`);
  }

  /** Calls in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once fewer than `max` tasks are running; first come, first served. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next !== undefined) next();
      else this.active--;
    }
  }
}

/** One limiter per (account, service), created on first use with the service's budget. */
export class ServiceBudgets {
  private readonly limiters = new Map<string, ConcurrencyLimiter>();
  private readonly table: Readonly<Record<string, number>>;

  constructor(concurrency: Readonly<Record<string, number>> = {}) {
    this.table = { ...DEFAULT_CONCURRENCY, ...concurrency };
  }

  limiterFor(accountId: string, service: string): ConcurrencyLimiter {
    const key = `${accountId}|${service}`;
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new ConcurrencyLimiter(budgetOf(this.table, service));
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
