/**
 * What wakes the scheduler at each tick of a cron in its IANA time zone: node-cron in the daemon,
 * a fake driven by a fake clock in tests. The tick's own scheduled time is passed on (not the
 * moment the callback happened to run), so the period a run belongs to never depends on timer drift.
 */
import { createTask, type ScheduledTask } from 'node-cron';

export interface TickSpec {
  readonly id: string;
  readonly cron: string;
  readonly timeZone: string;
}

export interface Ticker {
  every(spec: TickSpec, onTick: (at: Date) => void): void;
  stop(): Promise<void>;
}

export function cronTicker(): Ticker {
  const tasks: ScheduledTask[] = [];
  return {
    every(spec, onTick) {
      // noOverlap stays off: an overrun is the scheduler's to report, and onTick only queues work.
      const task = createTask(spec.cron, (context) => onTick(context.date), { timezone: spec.timeZone, name: `vigil:${spec.id}` });
      tasks.push(task);
      void task.start();
    },
    async stop() {
      for (const task of tasks.splice(0)) await task.destroy();
    },
  };
}
