/** Prints input problems and usage errors on a stream, and how many errors stopped the run. */
import type { Writable } from 'node:stream';
import { formatProblem, type Problem } from './problem.js';

export function reportProblems(io: { readonly stderr: Writable }, problems: readonly Problem[], usage: readonly string[] = []): void {
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const message of usage) io.stderr.write(`vigil: ${message}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length + usage.length;
  if (errors > 0) io.stderr.write(`${errors} error${errors === 1 ? '' : 's'}: nothing was evaluated\n`);
}
