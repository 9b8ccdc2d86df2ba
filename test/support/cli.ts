/** Runs the `vigil` CLI in-process with captured output and a fixed clock. */
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

export async function vigil(args: readonly string[], now = '2026-06-01T12:00:00.000Z'): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr, now: () => new Date(now) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
