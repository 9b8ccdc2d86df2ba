/** `vigil scans list`: the recorded scans, newest first — status, accounts, what each changed. */
import type { ScansListOptions } from '../options/scans-list.js';
import { listScans } from '../../store/scan-list.js';
import { scansTable } from '../../output/history-tables.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, withRecordedStore } from '../store-option.js';
import { accountId } from './history.js';

export async function scansListCommand(options: ScansListOptions, io: CliIo): Promise<ExitCode> {
  const { limit } = options;
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  const account = accountId(options.account, loaded.config);
  if (!account.ok) {
    reportProblems(io, [], [account.message]);
    return ExitCode.input;
  }
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config }, async (store) => {
    const scans = await listScans(store, { limit, ...(account.id !== undefined && { accountId: account.id }) });
    const json = (options.format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';
    io.stdout.write(json ? `${JSON.stringify(scans, null, 2)}\n` : scansTable(scans));
    return ExitCode.ok;
  });
}
