/**
 * `vigil history`: a finding's transitions (`--finding ID`), the changes in a window (`--since
 * 7d`, the default, with `--account`, `--pack`), or mean time to remediate (`--mttr 90d`).
 * Durations count back from the last recorded scan (of the account, with --account), which the
 * output names: history describes what was recorded.
 */
import type { HistoryOptions } from '../options/history.js';
import { findingHistory } from '../../store/finding-history.js';
import { historyWindow } from '../../store/history-window.js';
import { meanTimeToRemediate } from '../../store/mttr.js';
import { lastScanTime } from '../../store/scan-list.js';
import { findingHistoryTable, mttrTable, windowTable } from '../../output/history-tables.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, withRecordedStore } from '../store-option.js';
import { parseWindowStart, windowSince } from '../window-option.js';
import type { LoadedConfig } from '../../config/load-config.js';

export async function historyCommand(options: HistoryOptions, io: CliIo): Promise<ExitCode> {
  const modes = [options.finding !== undefined && '--finding', options.mttr !== undefined && '--mttr', options.since !== undefined && '--since'].filter(
    (m) => m !== false,
  );
  if (modes.length > 1) return usage(io, `history: give one of --finding, --since and --mttr (not ${modes.join(' and ')})`);
  if (options.finding !== undefined && (options.account !== undefined || options.pack !== undefined))
    return usage(io, 'history --finding: --account and --pack do not apply');
  if (options.mttr !== undefined && options.pack !== undefined)
    return usage(io, 'history --mttr: --pack does not apply (the report has a line per pack control)');
  const start = parseWindowStart(options.mttr !== undefined ? '--mttr' : '--since', options.mttr ?? options.since ?? '7d');
  if (!start.ok) return usage(io, start.message);

  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  const account = accountId(options.account, loaded.config);
  if (!account.ok) return usage(io, account.message);
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const json = (options.format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';
    if (options.finding !== undefined) {
      const found = await findingHistory(store, options.finding);
      if (!found.ok) return usage(io, found.message);
      io.stdout.write(json ? `${JSON.stringify(found.history, null, 2)}\n` : findingHistoryTable(found.history));
      return ExitCode.ok;
    }
    const until = await lastScanTime(store, account.id);
    if (until === undefined)
      return usage(io, `no scan recorded${account.id === undefined ? '' : ` of account ${account.id}`} in the store ${store.description}`);
    const since = windowSince(start.start, until);
    if (options.mttr !== undefined) {
      const report = await meanTimeToRemediate(store, { since, until, ...(account.id !== undefined && { accountId: account.id }) });
      io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : mttrTable(report));
      return ExitCode.ok;
    }
    const window = await historyWindow(store, {
      since,
      until,
      ...(account.id !== undefined && { accountId: account.id }),
      ...(options.pack !== undefined && { pack: options.pack }),
    });
    io.stdout.write(json ? `${JSON.stringify(window, null, 2)}\n` : windowTable(window, until));
    return ExitCode.ok;
  });
}

/** `--account`: an account id, or a name the configuration gives one. */
export function accountId(value: string | undefined, config: LoadedConfig | undefined): { ok: true; id: string | undefined } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, id: undefined };
  if (/^\d{12}$/.test(value)) return { ok: true, id: value };
  const named = config?.config.accounts?.find((account) => account.name === value);
  if (named !== undefined) return { ok: true, id: named.id };
  return { ok: false, message: `--account: '${value}' is neither a 12-digit account id nor the name of an account in the configuration` };
}

function usage(io: CliIo, message: string): ExitCode {
  reportProblems(io, [], [message]);
  return ExitCode.input;
}
