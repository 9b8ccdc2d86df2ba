import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter, RateLimiter, ServiceBudgets } from '../../../src/collect/aws/limiter.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('never runs more than its limit at once, and starts waiting tasks first come, first served', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(3);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(limiter.inFlight).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.inFlight).toBe(0);
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(/positive integer/);
    expect(() => new ConcurrencyLimiter(1.5)).toThrow(/positive integer/);
  });
});

describe('ServiceBudgets', () => {
  it('keeps one limiter per (account, service), IAM at 4 in flight by default, others configurable', () => {
    const budgets = new ServiceBudgets({ s3: 3 });
    const iam = budgets.limiterFor('111111111111', 'iam');
    expect(iam.max).toBe(4);
    expect(budgets.limiterFor('111111111111', 'iam')).toBe(iam);
    expect(budgets.limiterFor('222222222222', 'iam')).not.toBe(iam);
    expect(budgets.limiterFor('111111111111', 's3').max).toBe(3);
    expect(budgets.limiterFor('111111111111', 'rds').max).toBe(10);
  });

  it('bounds IAM calls of one account at 4 while another account runs its own 4', async () => {
    const budgets = new ServiceBudgets();
    const gate = deferred();
    let peakA = 0;
    let peakB = 0;
    let a = 0;
    let b = 0;
    const tasks = Array.from({ length: 10 }, (_, i) => {
      const account = i % 2 === 0 ? 'A' : 'B';
      return budgets.limiterFor(account, 'iam').run(async () => {
        if (account === 'A') peakA = Math.max(peakA, ++a);
        else peakB = Math.max(peakB, ++b);
        await gate.promise;
        if (account === 'A') a--;
        else b--;
      });
    });
    await tick();
    expect([a, b]).toEqual([4, 4]);
    gate.resolve();
    await Promise.all(tasks);
    expect([peakA, peakB]).toEqual([4, 4]);
  });
});

describe('RateLimiter', () => {
  it("lets a second's worth of calls through at once, then spaces them at the rate", async () => {
    let clock = 0;
    const slept: number[] = [];
    const limiter = new RateLimiter(
      10,
      () => clock,
      (ms) => {
        slept.push(Math.round(ms));
        clock += ms;
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 10; i++) await limiter.take();
    expect(slept).toEqual([]);
    await limiter.take();
    await limiter.take();
    expect(slept).toEqual([100, 100]);
    clock += 1000;
    await limiter.take();
    expect(slept).toHaveLength(2);
  });

  it('applies to the rate-budgeted services only, per account and region', () => {
    const budgets = new ServiceBudgets();
    expect(budgets.rateFor('111111111111', 'eu-west-1', 'ec2')?.perSecond).toBe(10);
    expect(budgets.rateFor('111111111111', 'eu-west-1', 'rds')).toBe(budgets.rateFor('111111111111', 'eu-west-1', 'rds'));
    expect(budgets.rateFor('111111111111', 'us-east-1', 'rds')).not.toBe(budgets.rateFor('111111111111', 'eu-west-1', 'rds'));
    expect(budgets.rateFor('111111111111', 'eu-west-1', 's3')).toBeUndefined();
  });
});
