/** A daemon over the demo organisation on a fake clock, a SQLite store in a temporary folder and the in-process queue. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { prepareBots } from '../../../src/app/prepare-bots.js';
import { demoConfigFile } from '../../../src/cli/commands/demo.js';
import { createDaemon, type Daemon } from '../../../src/daemon/daemon.js';
import { inProcessQueue } from '../../../src/daemon/in-process-queue.js';
import type { JobQueue } from '../../../src/daemon/job-queue.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { demoServices, type DemoServices } from './demo-services.js';
import { FakeClock } from './fake-clock.js';

export const WEBHOOK_SECRET = 'whsec-test-0123456789';

export interface Harness {
  readonly daemon: Daemon;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly clock: FakeClock;
  readonly services: DemoServices;
  readonly dir: string;
  /** The daemon's log, one parsed JSON line per event. */
  readonly logs: Record<string, unknown>[];
  readonly accounts: readonly string[];
}

export async function daemonHarness(start: string, options: { dir?: string; shutdownSeconds?: number } = {}): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vigil-daemon-'));
  const opened = await openStore({ engine: 'sqlite', path: join(dir, 'vigil.db') });
  if (!opened.ok) throw new Error(opened.problem.message);
  const clock = new FakeClock(start);
  const services = demoServices({ reportDir: join(dir, 'report') });
  const prepared = await prepareBots({ configFile: demoConfigFile(), botDirs: [], insightDirs: [], now: clock.now() });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const queue = inProcessQueue({ clock, retry: { retries: 0, delaySeconds: 60 } });
  const daemon = createDaemon({
    config: prepared.scan.config?.config,
    bots: prepared.bots,
    store: opened.store,
    queue,
    clock,
    ticker: clock,
    services,
    log,
    runner: 'test-daemon',
    shutdownSeconds: options.shutdownSeconds ?? 30,
    webhookSecret: WEBHOOK_SECRET,
  });
  const accounts = (prepared.scan.config?.config.accounts ?? []).map((account) => account.id);
  return { daemon, store: opened.store, queue, clock, services, dir, logs, accounts };
}

export async function closeHarness(harness: Harness, options: { keepDir?: boolean } = {}): Promise<void> {
  await harness.store.close();
  if (options.keepDir !== true) rmSync(harness.dir, { recursive: true, force: true });
}
