/**
 * One scan: collect the account (or every account the configuration reaches) into a temporary
 * snapshot, evaluate it, record it in the store. A scan that throws or is aborted at shutdown is
 * recorded as crashed (the previous complete scan stays the reference); an attempt whose daemon
 * died mid-scan (kill -9) is recorded as crashed by the attempt that takes the period over.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../app/run-scan.js';
import { scanRecording } from '../../app/scan-recording.js';
import { errorMessage } from '../../error-message.js';
import { recordCrashedScan } from '../../store/record-scan.js';
import { Writable } from 'node:stream';
import { defineJob } from './define-job.js';

/** The scan writes no output of its own: what it found is in the store. */
const nowhere = new Writable({ write: (_chunk, _encoding, callback) => callback() });

export default defineJob({
  kind: 'scan',
  async run(data, ctx) {
    const { store, clock, services, signal } = ctx;
    const account = data.accountId ?? 'all';
    const startedAt = clock.now();
    const prepared = await services.prepare(startedAt);
    if (!prepared.ok) throw new Error(`the configuration cannot be used: ${[...prepared.problems.map((p) => p.message), ...prepared.usage].join('; ')}`);
    const packs = prepared.value.plan.packs.map((pack) => pack.id);
    const crashed = (at: Date, error: string) =>
      recordCrashedScan(store, {
        id: randomUUID(),
        startedAt: at.toISOString(),
        finishedAt: clock.now().toISOString(),
        source: 'live',
        sourceFile: null,
        packs,
        error,
      });
    if (ctx.interrupted !== undefined) {
      await crashed(new Date(ctx.interrupted.at), `the daemon ${ctx.interrupted.runner} stopped during this scan (period ${ctx.period}); taken over`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'vigil-daemon-scan-'));
    try {
      const file = join(dir, 'snapshot.jsonl.gz');
      const collected = await services.collect({ accountId: data.accountId, file, prepared: prepared.value, now: () => clock.now(), signal });
      for (const [service, calls] of Object.entries(collected.ok ? collected.calls : {})) ctx.metrics.apiCalls(service, calls.calls, calls.throttles);
      if (!collected.ok || signal.aborted) {
        const reason = collected.ok ? errorMessage(signal.reason) : `the collection failed: ${collected.message}`;
        await crashed(startedAt, reason);
        ctx.metrics.scan({ accountId: account, result: 'crashed', seconds: seconds(startedAt, clock.now()) });
        throw new Error(reason);
      }
      const recording = scanRecording(store, prepared.value, { source: 'live', keepScansDays: services.keepScansDays, now: () => clock.now() });
      // Evaluation and recording are one step: the scan is recorded whole (one transaction) or crashed.
      const outcome = await runScan(prepared.value, file, { includeAll: false, outputs: [], stdout: nowhere, now: () => clock.now(), recording });
      if (!outcome.ok) throw new Error(`the snapshot could not be scanned: ${outcome.problems.map((p) => p.message).join('; ')}`);
      if (outcome.recordError !== undefined) throw new Error(`the scan could not be recorded: ${errorMessage(outcome.recordError)}`);
      const result = collected.degraded ? 'degraded' : 'complete';
      ctx.metrics.scan({ accountId: account, result, seconds: seconds(startedAt, clock.now()), summary: outcome.result.summary });
      const recorded = outcome.recorded;
      return {
        account,
        scan: outcome.result.scan.id,
        result,
        resources: outcome.result.scan.resources,
        failing: outcome.result.summary.fail,
        ...(recorded !== undefined && { opened: recorded.opened, reopened: recorded.reopened, resolved: recorded.resolved }),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

function seconds(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 1000);
}
