/**
 * The daemon, composed: the queue takes work and the runner runs it; the ticker wakes the
 * scheduler at each schedule's tick; missed ticks are caught up once on start; HTTP serves health,
 * readiness, metrics and the deployment webhook. `shutdown` stops taking work and gives the
 * current step until the deadline before aborting it. Everything that talks to the outside is
 * passed in, so a test runs it on a fake clock.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { LoadedBot } from '../bots/loaded-bot.js';
import type { VigilConfig } from '../config/config-schema.js';
import { errorMessage } from '../error-message.js';
import { outboxMessages } from '../store/outbox.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { daemonHealth, type Health } from './health.js';
import { daemonHttp, type DeploymentComplete } from './http-server.js';
import type { JobRequest } from './job.js';
import type { JobQueue } from './job-queue.js';
import { jobRunner } from './job-runner.js';
import { daemonMetrics, type DaemonMetrics } from './metrics.js';
import { Scheduler } from './scheduler.js';
import { afterScan, daemonSchedules, type Schedule } from './schedules.js';
import type { DaemonServices } from './services.js';
import type { Ticker } from './ticker.js';
import { WebhookVerifier } from './webhook-signature.js';

export const DEPLOYMENT_COMPLETE = 'deployment-complete';

/** After the deadline, how long an aborted step gets to record itself as crashed. */
const ABORT_GRACE_MS = 5_000;

export interface DaemonDeps {
  readonly config: VigilConfig | undefined;
  readonly bots: readonly LoadedBot[];
  readonly store: Store;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly ticker: Ticker;
  readonly services: DaemonServices;
  readonly log: Logger;
  /** This daemon in job runs and logs. */
  readonly runner: string;
  readonly shutdownSeconds: number;
  /** The webhook's secret; undefined: webhook requests are refused. */
  readonly webhookSecret: string | undefined;
}

export interface Daemon {
  readonly schedules: readonly Schedule[];
  readonly scheduler: Scheduler;
  readonly metrics: DaemonMetrics;
  readonly http: FastifyInstance;
  /** Takes work, catches up, starts the ticks. */
  start(): Promise<void>;
  /** Runs what is due now (and what follows it) and resolves when all of it has run: `--once`. Resolves with the runs that failed. */
  once(): Promise<readonly string[]>;
  /** Stops taking work; the current steps finish or are aborted by the deadline. Resolves with the jobs still running after it. */
  shutdown(): Promise<readonly string[]>;
  health(): Promise<Health>;
}

export function createDaemon(deps: DaemonDeps): Daemon {
  const { store, queue, clock, log } = deps;
  // Without a bots runtime no bot is scheduled, rather than failing at every tick.
  const bots = deps.services.runBot === undefined ? [] : deps.bots;
  const schedules = daemonSchedules(deps.config, bots);
  const metrics = daemonMetrics({ outboxDepth: () => outboxDepth(store) });
  const scheduler = new Scheduler({ queue, store, clock, metrics, log });
  const touched = new Set<string>();
  const failed = new Set<string>();
  let startedAt = clock.now();
  let ready = false;

  const queueJob = async (job: JobRequest) => {
    touched.add(job.key);
    return scheduler.queue(job);
  };
  const runner = jobRunner({
    store,
    clock,
    services: deps.services,
    metrics,
    log,
    runner: deps.runner,
    onFailed: (job) => failed.add(`${job.key}@${job.period}`),
    followUps: async (job) => {
      for (const next of afterScan(bots, job)) await queueJob(next);
    },
  });
  const health = () => daemonHealth({ store, schedules, startedAt, now: clock.now(), overruns: scheduler.overruns });
  const eventBots = bots.filter((bot) => bot.steps.some((step) => step.when.event === DEPLOYMENT_COMPLETE));
  const deploymentComplete = async (event: DeploymentComplete): Promise<string[]> => {
    const queued: string[] = [];
    for (const bot of eventBots) {
      const job: JobRequest = {
        key: `bot:${bot.id}:event:${event.accountId}`,
        period: `event:${DEPLOYMENT_COMPLETE}:${event.deployment}`,
        data: { kind: 'bot', botId: bot.id, accountId: event.accountId, event: { name: DEPLOYMENT_COMPLETE, detail: event } },
      };
      const outcome = await queueJob(job);
      log.info({ event: 'webhook.deployment-complete', accountId: event.accountId, deployment: event.deployment, job: job.key, outcome });
      if (outcome === 'queued') queued.push(job.key);
    }
    return queued;
  };
  const http = daemonHttp({
    health,
    ready: () => ready,
    registry: metrics.registry,
    verifier: deps.webhookSecret === undefined || deps.webhookSecret === '' ? undefined : new WebhookVerifier(deps.webhookSecret),
    now: () => clock.now(),
    deploymentComplete,
    onWebhook: (result, reason) => {
      metrics.webhook(result);
      if (result === 'rejected') log.warn({ event: 'webhook.rejected', reason });
    },
  });
  const onQueueError = (error: unknown) => log.error({ event: 'queue.error', error: errorMessage(error) });

  return {
    schedules,
    scheduler,
    metrics,
    http,
    health,
    async start() {
      startedAt = clock.now();
      await queue.work(runner);
      for (const job of await scheduler.catchUp(schedules, { jitter: true })) touched.add(job.key);
      for (const schedule of schedules) {
        deps.ticker.every(schedule, (at) => {
          scheduler.tick(schedule, at).catch(onQueueError);
        });
      }
      ready = true;
      if (bots.length < deps.bots.length)
        log.warn({ event: 'bots.unscheduled', reason: 'no bots runtime is wired into this daemon', bots: deps.bots.map((b) => b.id) });
      log.info({ event: 'daemon.started', queue: queue.kind, store: store.engine, schedules: schedules.map((s) => `${s.id}: ${s.cron} (${s.timeZone})`) });
    },
    async once() {
      startedAt = clock.now();
      await queue.work(runner);
      // Scans (and the bots that follow them) first, then the rest: the report reads what they recorded.
      const scans = schedules.filter((schedule) => schedule.id === 'scan');
      for (const phase of [scans, schedules.filter((schedule) => !scans.includes(schedule))]) {
        for (const job of await scheduler.catchUp(phase, { jitter: false })) touched.add(job.key);
        // Follow-ups are queued while the first jobs run: wait until nothing is left.
        let seen = -1;
        while (seen !== touched.size) {
          seen = touched.size;
          await queue.idle([...touched]);
        }
      }
      return [...failed];
    },
    async shutdown() {
      ready = false;
      log.info({ event: 'daemon.stopping', deadlineSeconds: deps.shutdownSeconds });
      await deps.ticker.stop();
      const late = await queue.stop(deps.shutdownSeconds * 1000, ABORT_GRACE_MS);
      await http.close();
      if (late.length > 0) log.error({ event: 'daemon.stopped-late', running: late });
      else log.info({ event: 'daemon.stopped' });
      return late;
    },
  };
}

async function outboxDepth(store: Store): Promise<{ pending: number; sending: number; inDoubt: number; dead: number }> {
  const count = async (state: 'pending' | 'sending' | 'in-doubt' | 'dead') => (await outboxMessages(store, state)).length;
  return { pending: await count('pending'), sending: await count('sending'), inDoubt: await count('in-doubt'), dead: await count('dead') };
}
