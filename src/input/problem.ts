/**
 * A problem in a user's input, located at `file:line:column`. Expected failures are values, not
 * exceptions: loaders return them, the CLI prints them and exits with code 2.
 */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export type Loaded<T> = { ok: true; value: T; warnings: readonly Problem[] } | { ok: false; problems: readonly Problem[] };

export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${prefix}${problem.message}`;
}

export function problem(file: string, line: number, column: number, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file, line, column, message, severity };
}
