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

/**
 * Spaces calls out to at most `perSecond` per second (a token bucket holding one second's worth):
 * EC2 and RDS throttle describe calls per account and region by rate, not by calls in flight.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(perSecond > 0)) throw new Error(`rate must be positive (got ${perSecond})`);
    this.tokens = perSecond;
    this.last = now();
  }

  /** Resolves when a call may go out; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        await this.sleep(((1 - this.tokens) / this.perSecond) * 1000);
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = turn;
    return turn;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

/** Calls per second per (account, region) of the services that throttle by rate. */
export const DEFAULT_RATES: Readonly<Record<string, number>> = { ec2: 10, rds: 10 };

/** One limiter per (account, service), created on first use with the service's budget. */
export class ServiceBudgets {
  private readonly limiters = new Map<string, ConcurrencyLimiter>();
  private readonly rates = new Map<string, RateLimiter>();
  private readonly table: Readonly<Record<string, number>>;
  private readonly rateTable: Readonly<Record<string, number>>;

  constructor(concurrency: Readonly<Record<string, number>> = {}, rates: Readonly<Record<string, number>> = {}) {
    this.table = { ...DEFAULT_CONCURRENCY, ...concurrency };
    this.rateTable = { ...DEFAULT_RATES, ...rates };
  }

  /** The rate limiter of a rate-budgeted service in an account and region; undefined for the others. */
  rateFor(accountId: string, region: string, service: string): RateLimiter | undefined {
    const perSecond = this.rateTable[service];
    if (perSecond === undefined) return undefined;
    const key = `${accountId}|${region}|${service}`;
    let limiter = this.rates.get(key);
    if (limiter === undefined) {
      limiter = new RateLimiter(perSecond);
      this.rates.set(key, limiter);
    }
    return limiter;
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
