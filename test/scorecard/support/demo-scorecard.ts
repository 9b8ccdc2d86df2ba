/**
 * The demo organisation (its last moment) scanned once per test file, with every verdict written to
 * a findings file, and the scorecard inputs made from it both ways (the scan's own tallies, and the file).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { insightRegistry } from '../../../src/app/insight-registry.js';
import { prepareScan, type PreparedScan } from '../../../src/app/prepare-scan.js';
import { runScan } from '../../../src/app/run-scan.js';
import { demoConfigFile } from '../../../src/cli/commands/demo.js';
import { DEMO_MOMENTS } from '../../../src/demo/timeline.js';
import { writeDemoSnapshot } from '../../../src/demo/write-demo-snapshot.js';
import type { ScanResult } from '../../../src/engine/scan.js';
import type { ScanOutput } from '../../../src/findings/scan-output.js';
import { inputFromFindings } from '../../../scorecard/input-from-findings.js';
import { inputFromScan } from '../../../scorecard/input-from-scan.js';
import type { ScorecardInput } from '../../../scorecard/scorecard-input.js';

export interface DemoScorecard {
  readonly prepared: PreparedScan;
  readonly result: ScanResult;
  /** Every verdict (`--all`). */
  readonly output: ScanOutput;
  readonly file: string;
  readonly fromScan: ScorecardInput;
  readonly fromFile: ScorecardInput;
  dispose(): void;
}

export async function demoScorecard(): Promise<DemoScorecard> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-scorecard-'));
  const moment = DEMO_MOMENTS[DEMO_MOMENTS.length - 1]!;
  const snapshot = join(dir, 'demo.jsonl.gz');
  await writeDemoSnapshot(moment, snapshot);
  const now = new Date(moment.collectedAt);
  const prepared = await prepareScan({ configFile: demoConfigFile(), now });
  if (!prepared.ok) throw new Error(`demo config: ${JSON.stringify(prepared.problems)}`);
  const file = join(dir, 'all.json');
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const scanned = await runScan(prepared.value, snapshot, { includeAll: true, outputs: [{ format: 'json', file }], stdout: sink, now: () => now });
  if (!scanned.ok) throw new Error(`demo scan failed: ${JSON.stringify(scanned.problems)}`);
  const output = JSON.parse(readFileSync(file, 'utf8')) as ScanOutput;
  const accounts = prepared.value.accounts;
  const fromFile = inputFromFindings(output, file, { insights: insightRegistry([]).insights, accounts });
  if (!fromFile.ok) throw new Error(fromFile.problem.message);
  return {
    prepared: prepared.value,
    result: scanned.result,
    output,
    file,
    fromScan: inputFromScan(scanned.result, prepared.value.plan, output.findings, accounts),
    fromFile: fromFile.input,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
