/** The exit codes every command shares (DESIGN.md, CLI contract); here, not in the CLI, because use cases in `src/app` report them too. */
export const ExitCode = {
  ok: 0,
  /** Findings at or above --fail-on failed. */
  findings: 1,
  /** Usage or input error: nothing was evaluated or changed. */
  input: 2,
  /** The run itself failed. */
  failed: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
