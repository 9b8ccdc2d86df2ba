/** The streams a command writes to, passed in so tests can capture them. */
import type { Writable } from 'node:stream';

export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  /** The scan clock; tests fix it. */
  readonly now: () => Date;
  /** Where the default store (`.vigil/vigil.db`) and relative `--store sqlite:PATH` live: the working directory. */
  readonly workDir: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, now: () => new Date(), workDir: process.cwd() };
}

export { reportProblems } from '../input/report-problems.js';
