/**
 * `npm run bench:startup [-- --runs 7]`: how soon the `vigil` binary answers, as a new process each
 * time (what a user waits for): `vigil --version` and `vigil --help` to exit (target < 300 ms),
 * and a snapshot scan of the demo organisation to its first byte of output and to exit (target
 * < 1 s to the first output). One JSON line: the median and the slowest of the runs, in ms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoConfigFile } from '../src/cli/commands/demo.js';
import { packageRoot } from '../src/package-root.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Number(values.runs);
const bin = join(packageRoot(), 'bin', 'vigil.js');

interface Timing {
  firstOutputMs: number;
  exitMs: number;
}

/** Runs `vigil ARGS` once: the time to its first byte on stdout and to its exit. */
function time(args: readonly string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutputMs: number | undefined;
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => (firstOutputMs ??= performance.now() - started));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) reject(new Error(`vigil ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ firstOutputMs: firstOutputMs ?? exitMs, exitMs });
    });
  });
}

async function measure(args: readonly string[]): Promise<{ firstOutputMs: { median: number; max: number }; exitMs: { median: number; max: number } }> {
  await time(args); // a warm-up run: the file cache, as a user's second call finds it
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(await time(args));
  const summary = (pick: (t: Timing) => number) => {
    const sorted = timings.map(pick).sort((a, b) => a - b);
    return { median: Math.round(sorted[Math.floor(sorted.length / 2)]!), max: Math.round(sorted.at(-1)!) };
  };
  return { firstOutputMs: summary((t) => t.firstOutputMs), exitMs: summary((t) => t.exitMs) };
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-startup-bench-'));
try {
  await time(['demo', '--out-dir', dir, '--no-store']);
  const snapshot = join(dir, 'demo-snapshot.jsonl.gz');
  const version = await measure(['--version']);
  const help = await measure(['--help']);
  const scan = await measure(['scan', '--snapshot', snapshot, '--config', demoConfigFile(), '--format', 'json', '--no-store']);
  console.log(
    JSON.stringify({
      bench: 'startup',
      runs,
      node: process.version,
      versionMs: version.exitMs,
      helpMs: help.exitMs,
      scanFirstOutputMs: scan.firstOutputMs,
      scanExitMs: scan.exitMs,
      targets: { versionMs: 300, helpMs: 300, scanFirstOutputMs: 1000 },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
