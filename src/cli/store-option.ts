/**
 * The `--store` / `--no-store` / `--config` choice of a command, opened: problems are reported
 * (exit 2 when the store is misnamed or newer than this Vigil, 3 when it cannot be reached).
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { chooseStore } from '../store/store-location.js';
import { openStore, type Store } from '../store/store.js';
import { ExitCode } from './exit-codes.js';
import { reportProblems, type CliIo } from './io.js';

export type OpenedChoice = { ok: true; store: Store | undefined; keepScansDays: number } | { ok: false; code: ExitCode };

/**
 * @param mustExist a command that reads history: a SQLite file that does not exist is an error, not a new store.
 */
export async function openStoreOption(
  io: CliIo,
  options: { store?: string | false; config: LoadedConfig | undefined; mustExist: boolean },
): Promise<OpenedChoice> {
  const chosen = chooseStore({ flag: options.store, config: options.config, workDir: io.workDir, env: process.env });
  if (!chosen.ok) {
    reportProblems(io, [], [chosen.message]);
    return { ok: false, code: ExitCode.input };
  }
  const { choice } = chosen;
  if (choice.kind === 'none') {
    if (options.mustExist) {
      reportProblems(io, [], ['--no-store: this command reads the store']);
      return { ok: false, code: ExitCode.input };
    }
    return { ok: true, store: undefined, keepScansDays: 0 };
  }
  if (options.mustExist && choice.target.engine === 'sqlite' && !existsSync(choice.target.path)) {
    const shown = relative(io.workDir, choice.target.path) || choice.target.path;
    reportProblems(io, [], [`no store at ${shown}: scans are recorded there by vigil scan and vigil demo (or give --store, --config)`]);
    return { ok: false, code: ExitCode.input };
  }
  const opened = await openStore(choice.target);
  if (!opened.ok) {
    io.stderr.write(`vigil: ${opened.problem.message}\n`);
    return { ok: false, code: opened.problem.kind === 'input' ? ExitCode.input : ExitCode.failed };
  }
  return { ok: true, store: opened.store, keepScansDays: choice.keepScansDays };
}

/** `--config FILE` for commands that only need its store settings. */
export async function loadConfigOption(io: CliIo, file: string | undefined): Promise<{ ok: true; config: LoadedConfig | undefined } | { ok: false }> {
  if (file === undefined) return { ok: true, config: undefined };
  const loaded = await loadConfig(file);
  if (!loaded.ok) {
    reportProblems(io, loaded.problems);
    return { ok: false };
  }
  reportProblems(io, loaded.warnings);
  return { ok: true, config: loaded.value };
}

/**
 * Runs `work` on the store a history-reading command names (it must exist already), and closes
 * it after: the open, report and close every such command shares.
 */
export async function withRecordedStore(
  io: CliIo,
  options: { store?: string | false; config: LoadedConfig | undefined },
  work: (store: Store) => Promise<ExitCode>,
): Promise<ExitCode> {
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: options.config, mustExist: true });
  if (!opened.ok) return opened.code;
  // mustExist: a store is always opened, never `--no-store`'s undefined.
  const store = opened.store!;
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
