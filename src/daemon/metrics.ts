/**
 * The daemon's Prometheus metrics (prom-client), each named `vigil_*`, in a registry of its own
 * (never prom-client's global one: two daemons in one test process keep theirs apart). Jobs report
 * what they did; the outbox depth is read from the store at each scrape.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ScanSummary } from '../findings/scan-output.js';
import type { JobKind } from './job.js';

export interface OutboxDepth {
  readonly pending: number;
  readonly sending: number;
  readonly inDoubt: number;
  readonly dead: number;
}

export interface DaemonMetrics {
  readonly registry: Registry;
  scan(outcome: { accountId: string; result: 'complete' | 'degraded' | 'crashed'; seconds: number; summary?: ScanSummary }): void;
  apiCalls(service: string, calls: number, throttles: number): void;
  botActions(bot: string, result: string, count: number): void;
  jobRun(kind: JobKind, job: string, result: 'done' | 'failed' | 'skipped', seconds: number, lagSeconds: number): void;
  lastSuccess(job: string, at: Date): void;
  overrun(job: string): void;
  webhook(result: 'accepted' | 'rejected'): void;
}

export function daemonMetrics(options: { outboxDepth: () => Promise<OutboxDepth> }): DaemonMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  const scans = new Counter({ name: 'vigil_scans_total', help: 'Scans run, by account and result', labelNames: ['account', 'result'], registers: [registry] });
  const scanSeconds = new Histogram({
    name: 'vigil_scan_duration_seconds',
    help: 'How long a scan took, collection included',
    labelNames: ['account'],
    buckets: [10, 30, 60, 120, 300, 600, 1200, 3600],
    registers: [registry],
  });
  const findings = new Gauge({
    name: 'vigil_findings',
    help: 'Evaluations of the last scan of each account, by status',
    labelNames: ['account', 'status'],
    registers: [registry],
  });
  const failing = new Gauge({
    name: 'vigil_findings_failing',
    help: 'Failing findings (not exempt) of the last scan of each account, by severity',
    labelNames: ['account', 'severity'],
    registers: [registry],
  });
  const apiCalls = new Counter({
    name: 'vigil_api_calls_total',
    help: 'AWS API calls the scans made, by service',
    labelNames: ['service'],
    registers: [registry],
  });
  const throttles = new Counter({
    name: 'vigil_api_throttles_total',
    help: 'AWS API calls throttled, by service',
    labelNames: ['service'],
    registers: [registry],
  });
  const botActions = new Counter({
    name: 'vigil_bot_actions_total',
    help: 'Bot actions, by bot and result',
    labelNames: ['bot', 'result'],
    registers: [registry],
  });
  const jobRuns = new Counter({ name: 'vigil_job_runs_total', help: 'Job runs, by kind and result', labelNames: ['kind', 'result'], registers: [registry] });
  const jobSeconds = new Histogram({
    name: 'vigil_job_duration_seconds',
    help: 'How long a job run took',
    labelNames: ['kind'],
    buckets: [1, 5, 15, 60, 300, 900, 3600],
    registers: [registry],
  });
  const jobLag = new Gauge({
    name: 'vigil_job_lag_seconds',
    help: "How late the last run of each job started after its schedule's tick",
    labelNames: ['job'],
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: 'vigil_job_last_success_timestamp_seconds',
    help: 'When each job last succeeded',
    labelNames: ['job'],
    registers: [registry],
  });
  const overruns = new Counter({
    name: 'vigil_job_overruns_total',
    help: 'Ticks that found the previous run of the job still queued or running (reported, not doubled)',
    labelNames: ['job'],
    registers: [registry],
  });
  const webhooks = new Counter({ name: 'vigil_webhook_requests_total', help: 'Webhook requests, by result', labelNames: ['result'], registers: [registry] });
  new Gauge({
    name: 'vigil_outbox_messages',
    help: 'Notifications in the outbox not delivered yet, by state (dead: given up)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await options.outboxDepth();
      this.set({ state: 'pending' }, depth.pending);
      this.set({ state: 'sending' }, depth.sending);
      this.set({ state: 'in-doubt' }, depth.inDoubt);
      this.set({ state: 'dead' }, depth.dead);
    },
  });

  return {
    registry,
    scan({ accountId, result, seconds, summary }) {
      scans.inc({ account: accountId, result });
      scanSeconds.observe({ account: accountId }, seconds);
      if (summary === undefined) return;
      for (const status of ['pass', 'fail', 'error', 'exempt', 'notApplicable'] as const) findings.set({ account: accountId, status }, summary[status]);
      for (const [severity, count] of Object.entries(summary.failingBySeverity)) failing.set({ account: accountId, severity }, count);
    },
    apiCalls(service, calls, throttled) {
      apiCalls.inc({ service }, calls);
      throttles.inc({ service }, throttled);
    },
    botActions: (bot, result, count) => botActions.inc({ bot, result }, count),
    jobRun(kind, job, result, seconds, lagSeconds) {
      jobRuns.inc({ kind, result });
      jobSeconds.observe({ kind }, seconds);
      jobLag.set({ job }, lagSeconds);
    },
    lastSuccess: (job, at) => lastSuccess.set({ job }, at.getTime() / 1000),
    overrun: (job) => overruns.inc({ job }),
    webhook: (result) => webhooks.inc({ result }),
  };
}
