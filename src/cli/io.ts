/** The streams a command writes to, passed in so tests can capture them. */
import type { Writable } from 'node:stream';
import { formatProblem, type Problem } from '../input/problem.js';

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

export function reportProblems(io: CliIo, problems: readonly Problem[], usage: readonly string[] = []): void {
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const message of usage) io.stderr.write(`vigil: ${message}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length + usage.length;
  if (errors > 0) io.stderr.write(`${errors} error${errors === 1 ? '' : 's'}: nothing was evaluated\n`);
}
