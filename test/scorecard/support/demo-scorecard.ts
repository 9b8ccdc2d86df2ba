/**
 * The demo organisation scanned once per test file, with every verdict written to a findings file,
 * and the scorecard inputs made from it both ways (the scan's own tallies, and the file).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { demoScan, type DemoScan } from '../../../src/app/demo-scan.js';
import { insightRegistry } from '../../../src/app/insight-registry.js';
import type { ScanOutput } from '../../../src/findings/scan-output.js';
import { inputFromFindings } from '../../../scorecard/input-from-findings.js';
import { inputFromScan } from '../../../scorecard/input-from-scan.js';
import type { ScorecardInput } from '../../../scorecard/scorecard-input.js';

export interface DemoScorecard {
  readonly scan: DemoScan;
  /** Every verdict (`--all`). */
  readonly output: ScanOutput;
  readonly file: string;
  readonly fromScan: ScorecardInput;
  readonly fromFile: ScorecardInput;
  dispose(): void;
}

export async function demoScorecard(): Promise<DemoScorecard> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-scorecard-'));
  const file = join(dir, 'all.json');
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const scanned = await demoScan({ outDir: dir, includeAll: true, outputs: [{ format: 'json', file }], stdout: sink });
  if (!scanned.ok) throw new Error(`demo scan failed: ${JSON.stringify(scanned.problems)}`);
  const output = JSON.parse(readFileSync(file, 'utf8')) as ScanOutput;
  const accounts = scanned.value.prepared.accounts;
  const fromFile = inputFromFindings(output, file, { insights: insightRegistry([]).insights, accounts });
  if (!fromFile.ok) throw new Error(fromFile.problem.message);
  return {
    scan: scanned.value,
    output,
    file,
    fromScan: inputFromScan(scanned.value.result, scanned.value.prepared.plan, output.findings, accounts),
    fromFile: fromFile.input,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
