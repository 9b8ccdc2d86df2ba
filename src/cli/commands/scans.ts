/** `vigil scans list`: the recorded scans, newest first — status, accounts, what each changed. */
import { listScans } from '../../store/scan-list.js';
import { scansTable } from '../../output/history-tables.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { loadConfigOption, openStoreOption } from '../store-option.js';
import { accountId } from './history.js';

export interface ScansListOptions {
  limit: string;
  account?: string;
  format?: 'table' | 'json';
  store?: string;
  config?: string;
}

export async function scansListCommand(options: ScansListOptions, io: CliIo): Promise<ExitCode> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    reportProblems(io, [], ['--limit takes a whole number from 1 to 100000']);
    return ExitCode.input;
  }
  const loaded = await loadConfigOption(io, options.config);
  if (!loaded.ok) return ExitCode.input;
  const account = accountId(options.account, loaded.config);
  if (!account.ok) {
    reportProblems(io, [], [account.message]);
    return ExitCode.input;
  }
  const opened = await openStoreOption(io, { ...(options.store !== undefined && { store: options.store }), config: loaded.config, mustExist: true });
  if (!opened.ok) return opened.code;
  const store = opened.store!;
  try {
    const scans = await listScans(store, { limit, ...(account.id !== undefined && { accountId: account.id }) });
    const json = (options.format ?? (io.stdout.isTTY === true ? 'table' : 'json')) === 'json';
    io.stdout.write(json ? `${JSON.stringify(scans, null, 2)}\n` : scansTable(scans));
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
