/**
 * `vigil diff [--from SCAN] [--to SCAN]`: new, resolved, regressed and still open findings between
 * two scans; by default the last complete scan and the complete scan of the same scope before it.
 * `--format json` prints `{ from, to, new, resolved, regressed, open }`: the scan ids, then the lists.
 */
import type { DiffOptions } from '../options/diff.js';
import { diffScans } from '../../store/scan-diff.js';
import { diffTable } from '../../output/history-tables.js';
import { writeDiffJson } from '../../output/diff-json.js';
import { stdoutTarget } from '../../output/output-target.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, withRecordedStore } from '../store-option.js';

export async function diffCommand(options: DiffOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const outcome = await diffScans(store, { ...(options.from !== undefined && { from: options.from }), ...(options.to !== undefined && { to: options.to }) });
    if (!outcome.ok) {
      reportProblems(io, [], [outcome.message]);
      return ExitCode.input;
    }
    const { diff } = outcome;
    const json = (options.format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';
    if (json) await writeDiffJson(stdoutTarget(io.stdout), diff);
    else io.stdout.write(diffTable(diff));
    return ExitCode.ok;
  });
}
