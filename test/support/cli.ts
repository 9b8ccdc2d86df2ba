/** Runs the `vigil` CLI in-process with captured output and a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

let defaultWorkDir: string | undefined;

/**
 * The working directory of runs that do not name one: a temporary folder of this test process, so
 * that the default store (`.vigil/vigil.db`) of the scans tests run is never the repository's.
 */
function testWorkDir(): string {
  if (defaultWorkDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
    defaultWorkDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return defaultWorkDir;
}

export async function vigil(args: readonly string[], now = '2026-06-01T12:00:00.000Z', options: { workDir?: string } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr, now: () => new Date(now), workDir: options.workDir ?? testWorkDir() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
