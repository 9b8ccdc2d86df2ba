/** `vigil scan --snapshot FILE` (or `--live`): evaluates a snapshot and writes findings. */
import type { ScanCommandOptions } from '../options/scan.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { runScan, type OutputFormat } from '../../app/run-scan.js';
import { scanRecording } from '../../app/scan-recording.js';
import { historyLine } from '../../output/history-line.js';
import { openStoreOption } from '../store-option.js';
import { shownStore } from '../shown-store.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { runCollection } from '../../app/run-collection.js';
import { selectionOf } from '../../app/live-collection.js';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { recordCrashedScan } from '../../store/record-scan.js';
import type { PreparedScan } from '../../app/prepare-scan.js';
import type { Store } from '../../store/store.js';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { errorMessage } from '../../error-message.js';
import { configuredTransports } from '../../notify/configured-transports.js';
import { notifierLine, scanNotifier, type ScanNotifier } from '../../app/scan-notifier.js';

export async function scanCommand(options: ScanCommandOptions, io: CliIo): Promise<ExitCode> {
  const now = io.now();
  const prepared = await prepareScan({
    ...(options.config !== undefined && { configFile: options.config }),
    packIds: options.pack,
    insightIds: options.insight,
    insightDirs: options.insights,
    ...(options.exemptions !== undefined && { exemptionsFile: options.exemptions }),
    now,
  });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  reportProblems(io, prepared.value.warnings);

  // Exactly one source: a snapshot file, or live accounts collected into a temporary one.
  if ((options.snapshot === undefined) === !options.live) {
    reportProblems(io, [], ['scan: give --snapshot FILE or --live (not both)']);
    return ExitCode.input;
  }
  // Delivery is checked before anything is scanned: a missing token is a usage error, not a lost message.
  const notify = prepared.value.config?.config.notify;
  const transports = notify !== undefined && options.notify ? configuredTransports(notify, process.env) : undefined;
  if (transports !== undefined && !transports.ok) {
    reportProblems(io, [], [transports.message]);
    return ExitCode.input;
  }
  // The store is opened (and migrated) before anything is collected or evaluated.
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: prepared.value.config, mustExist: false });
  if (!opened.ok) return opened.code;
  try {
    const notifier =
      notify === undefined
        ? undefined
        : scanNotifier(prepared.value, { notify, store: opened.store, transports: transports?.ok === true ? transports.transports : undefined, now: io.now });
    return await scanInto(
      options,
      io,
      prepared.value,
      opened.store === undefined ? undefined : { store: opened.store, keepScansDays: opened.keepScansDays },
      notifier,
    );
  } finally {
    await opened.store?.close();
  }
}

async function scanInto(
  options: ScanCommandOptions,
  io: CliIo,
  prepared: PreparedScan,
  history: { store: Store; keepScansDays: number } | undefined,
  notifier: ScanNotifier | undefined,
): Promise<ExitCode> {
  const startedAt = io.now();
  let snapshot = options.snapshot;
  let degraded = false;
  let temporary: string | undefined;
  if (options.live) {
    temporary = options.keepSnapshot ?? join(mkdtempSync(join(tmpdir(), 'vigil-live-')), 'snapshot.jsonl.gz');
    const collected = await runCollection(
      {
        ...(options.config !== undefined && { config: options.config }),
        account: options.account,
        ...(options.regions !== undefined && { regions: options.regions }),
        source: options.source,
        out: temporary,
        ...(options.profile !== undefined && { profile: options.profile }),
        concurrency: options.concurrency,
        ...(options.log !== undefined && { log: options.log }),
        pack: options.pack,
        insight: options.insight,
      },
      io,
      selectionOf(prepared.plan),
    );
    if (collected.code === ExitCode.failed && !existsSync(temporary) && history !== undefined) {
      // Nothing was collected: a crashed scan in the history, changing no finding.
      await recordCrashedScan(history.store, {
        id: randomUUID(),
        startedAt: startedAt.toISOString(),
        finishedAt: io.now().toISOString(),
        source: 'live',
        sourceFile: null,
        packs: prepared.plan.packs.map((pack) => pack.id),
        error: 'the collection failed (see above)',
      });
    }
    if (collected.code === ExitCode.input || (collected.code === ExitCode.failed && !existsSync(temporary))) return collected.code;
    degraded = collected.degraded;
    snapshot = temporary;
  }
  const format: OutputFormat = options.format ?? (options.out === undefined && io.stdout.isTTY === true ? 'table' : 'json');
  // What is pushed to Security Hub is the same findings as ASFF, written aside first.
  const pushDir = options.pushSecurityHub ? mkdtempSync(join(tmpdir(), 'vigil-asff-')) : undefined;
  const pushFile = pushDir === undefined ? undefined : join(pushDir, 'findings.asff.jsonl');
  try {
    return await evaluate(options, io, prepared, history, { snapshot: snapshot!, format, degraded, temporary, pushFile, notifier });
  } finally {
    if (pushDir !== undefined) rmSync(pushDir, { recursive: true, force: true });
  }
}

async function evaluate(
  options: ScanCommandOptions,
  io: CliIo,
  prepared: PreparedScan,
  history: { store: Store; keepScansDays: number } | undefined,
  run: {
    snapshot: string;
    format: OutputFormat;
    degraded: boolean;
    temporary: string | undefined;
    pushFile: string | undefined;
    notifier: ScanNotifier | undefined;
  },
): Promise<ExitCode> {
  const { snapshot, format, degraded, temporary, pushFile, notifier } = run;
  const outcome = await runScan(prepared, snapshot, {
    includeAll: options.all,
    outputs: [{ format, file: options.out }, ...(pushFile === undefined ? [] : [{ format: 'asff' as const, file: pushFile }])],
    stdout: io.stdout,
    now: io.now,
    ...(history !== undefined && {
      recording: scanRecording(history.store, prepared, { source: options.live ? 'live' : 'snapshot', keepScansDays: history.keepScansDays, now: io.now }),
    }),
    ...(notifier !== undefined && { ownerOf: notifier.ownerOf }),
    ...(notifier?.afterRecorded !== undefined && { afterRecorded: notifier.afterRecorded }),
  });
  if (temporary !== undefined && options.keepSnapshot === undefined) rmSync(dirname(temporary), { recursive: true, force: true });
  if (!outcome.ok) {
    reportProblems(io, outcome.problems);
    return ExitCode.input;
  }
  reportProblems(io, outcome.warnings);
  if (outcome.recordError !== undefined) {
    const error = outcome.recordError;
    io.stderr.write(`vigil: the scan could not be recorded in the store ${history?.store.description}: ${errorMessage(error)}\n`);
    return ExitCode.failed;
  }
  if (outcome.recorded !== undefined && format === 'table' && options.out === undefined) {
    io.stdout.write(`\n${historyLine(outcome.recorded, shownStore(io, history!.store))}`);
  }
  if (notifier !== undefined) {
    const notified = await notifier.finish();
    if (!notified.ok) {
      io.stderr.write(`vigil: the owners' notifications could not be queued or delivered: ${errorMessage(notified.error)}\n`);
      return ExitCode.failed;
    }
    io.stderr.write(notifierLine(notified, options.notify));
  }
  if (pushFile !== undefined && !(await pushed(pushFile, io))) return ExitCode.failed;
  // A collection that could not reach every account is a degraded run, whatever was found.
  if (degraded) return ExitCode.failed;
  return exitCodeFor(outcome.result.summary, options.failOn);
}

/** Sends the ASFF findings to Security Hub; false when some were refused (each named on stderr). */
async function pushed(file: string, io: CliIo): Promise<boolean> {
  const [{ pushToSecurityHub, asffFindingsIn }, { SecurityHubClient }] = await Promise.all([
    import('../../output/push-security-hub.js'),
    import('@aws-sdk/client-securityhub'),
  ]);
  const clients = new Map<string, InstanceType<typeof SecurityHubClient>>();
  // One try per SDK call: the push retries throttled calls itself, with its own back-off.
  const clientFor = (_accountId: string, region: string) => {
    let client = clients.get(region);
    if (client === undefined) clients.set(region, (client = new SecurityHubClient({ region, maxAttempts: 1 })));
    return client;
  };
  try {
    const report = await pushToSecurityHub(asffFindingsIn(file), { clientFor });
    for (const failure of report.failed) io.stderr.write(`vigil: Security Hub did not import ${failure.id}: ${failure.code}: ${failure.message}\n`);
    io.stderr.write(`Security Hub: ${report.imported} findings imported, ${report.failed.length} refused, in ${report.calls} BatchImportFindings calls\n`);
    return report.failed.length === 0;
  } finally {
    for (const client of clients.values()) client.destroy();
  }
}
