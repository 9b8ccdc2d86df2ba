/**
 * `vigil demo`: generates the bundled demo organisation's snapshot, scans it with every shipped
 * pack, the demo configuration and exemptions, writes `findings.json`, `findings.csv` and the
 * auditor's `evidence.jsonl.gz` (every evaluation, passing ones too), and prints the summary. No
 * AWS account is involved.
 *
 * It also plans the shipped bots on the organisation (dry run, nothing applied) into `plan.json`.
 *
 * It also records two days of the organisation in the store (Thursday morning and evening, Friday
 * morning: src/demo/timeline.ts), so that `vigil diff` and `vigil history` have a history to show.
 * The demo's scans have fixed ids: running it again records nothing twice.
 *
 * With the demo configuration's `notify:`, findings carry their owners, and the digests the last
 * scan would send (its new, regressed and due-soon findings; every failure without a store) are
 * written to `notifications/` — Block Kit JSON and .eml files — and never sent (`--no-notify`: not
 * written either).
 */
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { botCandidates, prepareBotScan } from '../../app/bot-candidates.js';
import { planBots, planSummary } from '../../app/plan-bots.js';
import { prepareBots } from '../../app/prepare-bots.js';
import type { Problem } from '../../input/problem.js';
import { tmpdir } from 'node:os';
import type { DemoOptions } from '../options/demo.js';
import { join, relative } from 'node:path';
import { prepareScan, type PreparedScan } from '../../app/prepare-scan.js';
import { writeScorecards } from '../../app/write-scorecards.js';
import { writeDailyReport } from '../../app/write-daily-report.js';
import { inputFromScan } from '../../../scorecard/input-from-scan.js';
import { readFindingsFile } from '../../../scorecard/read-findings.js';
import { storeHistory } from '../../../scorecard/store-history.js';
import type { ScanResult } from '../../engine/scan.js';
import { runScan, type OutputRequest, type RunOptions } from '../../app/run-scan.js';
import { noticeItem } from '../../notify/notice-item.js';
import { writeNoticeFiles } from '../../notify/notice-files.js';
import { ownerOfResource } from '../../notify/owner-of-resource.js';
import { planDigests, type NoticeItem } from '../../notify/plan-digests.js';
import { scanNoticeItems } from '../../notify/scan-notices.js';
import { scanRecording } from '../../app/scan-recording.js';
import { DEMO_MOMENTS, type DemoMoment } from '../../demo/timeline.js';
import { writeDemoSnapshot } from '../../demo/write-demo-snapshot.js';
import { packageRoot } from '../../package-root.js';
import { textSummary } from '../../output/text-summary.js';
import { fixesText } from '../../output/worst-findings.js';
import type { Finding } from '../../findings/finding.js';
import type { RecordedScan } from '../../store/record-scan.js';
import { insightKey } from '../../store/scan-scope.js';
import type { Store } from '../../store/store.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { openStoreOption } from '../store-option.js';
import { shownStore } from '../shown-store.js';
import { errorMessage } from '../../error-message.js';

export function demoConfigFile(): string {
  return join(packageRoot(), 'demo', 'vigil.yaml');
}

export async function demoCommand(options: DemoOptions, io: CliIo): Promise<ExitCode> {
  const today = DEMO_MOMENTS[DEMO_MOMENTS.length - 1]!;
  // The demo's clock is the collection time of its inventory, so the results never drift with the calendar.
  const prepared = await prepareScan({ configFile: demoConfigFile(), now: new Date(today.collectedAt) });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: prepared.value.config, mustExist: false });
  if (!opened.ok) return opened.code;
  const store = opened.store;
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-demo-'));
  try {
    const recorded: RecordedScan[] = [];
    // The earlier moments only feed the history: without a store there is nothing to feed.
    for (const moment of store === undefined ? [] : DEMO_MOMENTS.slice(0, -1)) {
      const outcome = await scanMoment(moment, join(scratch, `${moment.id}.jsonl.gz`), [], io, store);
      if (outcome.code !== undefined) return outcome.code;
      if (outcome.recorded !== undefined) recorded.push(outcome.recorded);
    }

    const snapshot = join(options.outDir, 'demo-snapshot.jsonl.gz');
    const findingsJson = join(options.outDir, 'findings.json');
    const findingsCsv = join(options.outDir, 'findings.csv');
    // For an auditor: every evaluation, passing ones too, one JSON line each.
    const evidence = join(options.outDir, 'evidence.jsonl.gz');
    const outputs: OutputRequest[] = [
      { format: 'json', file: findingsJson },
      { format: 'csv', file: findingsCsv },
      { format: 'jsonl', file: evidence, passing: true },
    ];
    const notify = options.notify ? prepared.value.config?.config.notify : undefined;
    let items: NoticeItem[] | undefined;
    const outcome = await scanMoment(today, snapshot, outputs, io, store, {
      ...(notify !== undefined && { ownerOf: ownerOfResource(notify, prepared.value.accounts) }),
      ...(notify !== undefined &&
        store !== undefined && {
          afterRecorded: async (recording, findingsOf) => {
            items = await scanNoticeItems({
              store,
              scanId: recording.scan.id,
              accounts: prepared.value.accounts,
              findingsOf,
              now: new Date(today.collectedAt),
            });
          },
        }),
    });
    if (outcome.code !== undefined) return outcome.code;
    const { scan, summary } = outcome.result!;
    io.stdout.write(`Vigil demo — Ledgerline, a SaaS provider hosting two banks (inventory of ${today.collectedAt})\n\n`);
    io.stdout.write(textSummary(scan, summary));
    io.stdout.write(fixesText(outcome.worst ?? []));
    const shown = (file: string) => relative(process.cwd(), file) || file;
    io.stdout.write(
      `\nWrote ${shown(snapshot)}, ${shown(findingsJson)}, ${shown(findingsCsv)} and ${shown(evidence)} (every evaluation, passing ones too, as evidence).\n`,
    );

    // The shipped bots, planned (dry run, nothing applied) on the organisation as it is now.
    const planned = await planDemoBots(snapshot, join(options.outDir, 'plan.json'), new Date(today.collectedAt));
    if (!planned.ok) {
      reportProblems(io, planned.problems, planned.usage);
      return ExitCode.failed;
    }
    io.stdout.write(
      `\nBots (dry run, nothing applied): ${shown(join(options.outDir, 'plan.json'))}, sha256 ${planned.sha256}\n${planned.summary.map((line) => `  ${line}\n`).join('')}`,
    );

    // The scorecards (the organisation's and each bank's), from this scan, with the store's trends.
    const written = await readFindingsFile(findingsJson);
    if (!written.ok) {
      reportProblems(io, written.problems);
      return ExitCode.failed;
    }
    const input = inputFromScan(outcome.result!, outcome.prepared!.plan, written.output.findings, outcome.prepared!.accounts);
    const generatedAt = new Date(today.collectedAt);
    const scorecards = await writeScorecards(input, { outDir: options.outDir, generatedAt, ...(store !== undefined && { history: storeHistory(store) }) });
    io.stdout.write(`Wrote ${scorecards.files.map(shown).join(', ')}.\n`);
    // The daily report reads the store's history: without a store there is none to report.
    if (store !== undefined) {
      const report = await writeDailyReport({
        store,
        prepared: outcome.prepared!,
        outDir: options.outDir,
        windowStart: new Date(generatedAt.getTime() - 86_400_000).toISOString(),
        now: generatedAt,
        coverage: outcome.result!.scan.coverage,
      });
      if (!report.ok) {
        io.stderr.write(`vigil: the daily report could not be written: ${report.message}\n`);
        return ExitCode.failed;
      }
      io.stdout.write(`Wrote ${report.files.map(shown).join(' and ')}.\n`);
    }
    if (notify !== undefined) {
      // Without a store there is no history: every failure is new.
      items ??= written.output.findings.filter((finding) => finding.status === 'fail').map((finding) => noticeItem(finding, 'new', prepared.value.accounts));
      const planned = planDigests(items, { notify, period: today.collectedAt.slice(0, 10) });
      const files = await writeNoticeFiles(join(options.outDir, 'notifications'), planned, { from: notify.email?.from ?? 'vigil@localhost' });
      io.stdout.write(`Wrote ${files.length} notifications (not sent) to ${shown(join(options.outDir, 'notifications'))}.\n`);
    }
    if (store !== undefined && outcome.recorded !== undefined) io.stdout.write(historyNote(store, io, [...recorded, outcome.recorded]));
    return exitCodeFor(summary, options.failOn);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await store?.close();
  }
}

interface MomentOutcome {
  code?: ExitCode;
  result?: ScanResult;
  prepared?: PreparedScan;
  recorded?: RecordedScan;
  /** The most severe failing finding of the worst insights, with their fixes. */
  worst?: readonly Finding[];
}

/** Generates, writes and scans the organisation as it was at the moment, recording it in the store. */
async function scanMoment(
  moment: DemoMoment,
  snapshot: string,
  outputs: readonly OutputRequest[],
  io: CliIo,
  store: Store | undefined,
  notify: Pick<RunOptions, 'ownerOf' | 'afterRecorded'> = {},
): Promise<MomentOutcome> {
  const now = new Date(moment.collectedAt);
  const prepared = await prepareScan({ configFile: demoConfigFile(), now });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return { code: ExitCode.input };
  }
  await writeDemoSnapshot(moment, snapshot);
  const plan = prepared.value.plan;
  const scanId = demoScanId(
    moment,
    plan.bindings.map((binding) => insightKey(binding.insight.id, binding.variant)),
  );
  const outcome = await runScan(prepared.value, snapshot, {
    includeAll: false,
    outputs,
    stdout: io.stdout,
    now: () => now,
    ...(store !== undefined && { recording: scanRecording(store, prepared.value, { source: 'demo', keepScansDays: 3650, now: () => now, scanId }) }),
    ...notify,
  });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return { code: ExitCode.failed };
  }
  if (outcome.recordError !== undefined) {
    const error = outcome.recordError;
    io.stderr.write(`vigil: the demo scan could not be recorded in the store ${store?.description}: ${errorMessage(error)}\n`);
    return { code: ExitCode.failed };
  }
  return { result: outcome.result, worst: outcome.worst, prepared: prepared.value, ...(outcome.recorded !== undefined && { recorded: outcome.recorded }) };
}

/** The same moment scanned with the same insights is the same scan, whenever the demo runs. */
function demoScanId(moment: DemoMoment, insights: readonly string[]): string {
  const h = hash('sha256', `vigil-demo\u0000${moment.id}\u0000${[...insights].sort().join('\u0001')}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function historyNote(store: Store, io: CliIo, recorded: readonly RecordedScan[]): string {
  const where = shownStore(io, store);
  const last = recorded[recorded.length - 1]!;
  const moments = DEMO_MOMENTS.map((m) => m.label).join(', ');
  const lines = ['', `History: ${moments} are recorded in ${where}${recorded.every((r) => r.alreadyRecorded) ? ' (recorded by an earlier run)' : ''}.`];
  if (!last.alreadyRecorded) {
    lines.push(`  Since Thursday 18:00: ${last.opened} new, ${last.reopened} reopened, ${last.resolved} resolved, ${last.exempted} exempted.`);
  }
  lines.push('  Try: vigil diff · vigil history --since 2d · vigil history --mttr 7d · vigil scans list');
  return `${lines.join('\n')}\n`;
}

/**
 * The demo organisation has no AWS behind it: its generated state is its live state, so the
 * re-read returns the resource as the snapshot holds it. Every bot plans in dry-run.
 */
async function planDemoBots(
  snapshot: string,
  out: string,
  now: Date,
): Promise<{ ok: true; sha256: string; summary: string[] } | { ok: false; problems: readonly Problem[]; usage: readonly string[] }> {
  const prepared = await prepareBots({ configFile: demoConfigFile(), botDirs: [], insightDirs: [], now });
  if (!prepared.ok) return prepared;
  const dryRun = prepared.bots.map((bot) => ({ ...bot, mode: 'dry-run' as const }));
  const scan = await prepareBotScan(dryRun, { configFile: demoConfigFile(), insightDirs: [], now });
  if (!scan.ok) return scan;
  const candidates = await botCandidates(dryRun, scan.scan, snapshot, now);
  if (!candidates.ok) return { ok: false, problems: candidates.problems, usage: [] };
  const made = await planBots({
    bots: dryRun,
    candidates: candidates.candidates,
    accounts: scan.scan.accounts,
    readLive: (candidate) => Promise.resolve(candidate),
    now,
    createdAt: now,
    enforce: false,
  });
  await writeFile(out, made.text);
  return { ok: true, sha256: made.sha256, summary: planSummary(made.plan) };
}
