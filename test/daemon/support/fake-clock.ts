/**
 * A clock and a ticker that move only when the test says: `advance` fires, in time order, every
 * timer and every cron tick (in its IANA zone) that falls due, letting the promises each one starts
 * settle before the next.
 */
import { CronExpressionParser } from 'cron-parser';
import type { Clock } from '../../../src/daemon/clock.js';
import type { Ticker, TickSpec } from '../../../src/daemon/ticker.js';

interface Timer {
  at: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeClock implements Clock, Ticker {
  private time: number;
  private readonly timers: Timer[] = [];
  private readonly crons: { spec: TickSpec; onTick: (at: Date) => void; next: number }[] = [];

  constructor(start: string) {
    this.time = Date.parse(start);
  }

  now(): Date {
    return new Date(this.time);
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  every(spec: TickSpec, onTick: (at: Date) => void): void {
    this.crons.push({ spec, onTick, next: this.nextTick(spec, this.time) });
  }

  async stop(): Promise<void> {
    this.crons.length = 0;
  }

  /** Moves time forward by `ms`, firing what falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const timer = this.timers.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
      const cron = this.crons.filter((c) => c.next <= end).sort((a, b) => a.next - b.next)[0];
      const at = Math.min(timer?.at ?? Infinity, cron?.next ?? Infinity);
      if (at === Infinity) break;
      this.time = Math.max(this.time, at);
      if (timer !== undefined && timer.at === at) {
        timer.cancelled = true;
        this.timers.splice(this.timers.indexOf(timer), 1);
        timer.fn();
      } else if (cron !== undefined) {
        const tick = cron.next;
        cron.next = this.nextTick(cron.spec, tick);
        cron.onTick(new Date(tick));
      }
    }
    this.time = end;
    await settle();
  }

  private nextTick(spec: TickSpec, after: number): number {
    return CronExpressionParser.parse(spec.cron, { tz: spec.timeZone, currentDate: new Date(after) })
      .next()
      .getTime();
  }
}

/** Lets pending promise chains (store queries included) run. */
export async function settle(): Promise<void> {
  for (let n = 0; n < 20; n++) await new Promise<void>((resolve) => setImmediate(resolve));
}
