/**
 * A live collection as `vigil collect` and `vigil scan --live` run it: the accounts of the
 * configuration (or the current credentials) into a snapshot file, with progress on stderr and
 * the API calls it took.
 */
import type { Writable } from 'node:stream';
import { loadConfig } from '../config/load-config.js';
import { collectLive, selectionOf } from './live-collection.js';
import { prepareScan } from './prepare-scan.js';
import { jsonCollectLog, progressCollectLog, textCollectLog, type CollectLog } from '../collect/progress/collect-log.js';
import type { VigilConfig } from '../config/config-schema.js';
import type { ResourceType } from '../model/resource-types.js';
import type { CallSummary } from '../collect/aws/call-stats.js';
import { ExitCode } from '../exit-code.js';
import { reportProblems } from '../input/report-problems.js';

export interface CollectionRequest {
  config?: string;
  account: string[];
  regions?: string;
  source: 'api' | 'config' | 'auto';
  out: string;
  profile?: string;
  /** Accounts collected at once (checked at the CLI boundary). */
  concurrency: number;
  /** Progress as JSON lines or text lines; default: the progress display on a terminal, JSON otherwise. */
  log?: 'json' | 'text';
  pack: string[];
  insight: string[];
}

/** The streams a collection reports on. */
export interface CollectionIo {
  readonly stderr: Writable & { isTTY?: boolean };
  readonly now: () => Date;
}

export interface CollectOutcome {
  code: ExitCode;
  degraded: boolean;
}

export function parseRegions(value: string | undefined): { regions: string[] | undefined } | { error: string } {
  if (value === undefined || value === 'all') return { regions: undefined };
  const regions = value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const bad = regions.filter((r) => !/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$/.test(r));
  if (regions.length === 0 || bad.length > 0) return { error: `--regions: not a region: ${bad.join(', ') || value}` };
  return { regions };
}

/**
 * @param planned what the caller's own scan plan reads (`scan --live` has planned already); else
 *   `--pack` / `--insight` are planned here, and without them every field is collected.
 */
export async function runCollection(
  options: CollectionRequest,
  io: CollectionIo,
  planned?: ReadonlyMap<ResourceType, ReadonlySet<string>>,
): Promise<CollectOutcome> {
  const usage: string[] = [];
  const { concurrency } = options;
  const regions = parseRegions(options.regions);
  if ('error' in regions) usage.push(regions.error);

  let config: VigilConfig | undefined;
  if (options.config !== undefined) {
    const loaded = await loadConfig(options.config);
    if (!loaded.ok) {
      reportProblems(io, loaded.problems, usage);
      return { code: ExitCode.input, degraded: false };
    }
    config = loaded.value.config;
  }
  // Only the collectors the selected insights need run (a kms-key-rotation scan never calls S3).
  let selection = planned;
  if (selection === undefined && (options.pack.length > 0 || options.insight.length > 0)) {
    const prepared = await prepareScan({
      ...(options.config !== undefined && { configFile: options.config }),
      packIds: options.pack,
      insightIds: options.insight,
      now: io.now(),
    });
    if (!prepared.ok) {
      reportProblems(io, prepared.problems, [...usage, ...prepared.usage]);
      return { code: ExitCode.input, degraded: false };
    }
    selection = selectionOf(prepared.value.plan);
  }
  if (usage.length > 0 || 'error' in regions) {
    reportProblems(io, [], usage);
    return { code: ExitCode.input, degraded: false };
  }

  // --log decides; without it, the progress display on a terminal and JSON lines otherwise.
  const format = options.log ?? (io.stderr.isTTY === true ? 'progress' : 'json');
  let statsOf = () => ({ calls: 0, throttles: 0 });
  // One event per collector in each region only when asked: tens of thousands in an organisation.
  const level = process.env['VIGIL_LOG_LEVEL'] === 'debug' ? 'debug' : 'info';
  const log: CollectLog =
    format === 'json'
      ? jsonCollectLog(io.stderr, { level })
      : format === 'text'
        ? textCollectLog(io.stderr, { level })
        : progressCollectLog(io.stderr, () => statsOf());
  const result = await collectLive({
    config,
    accounts: options.account,
    regions: regions.regions,
    ...(options.profile !== undefined && { profile: options.profile }),
    concurrency,
    selection,
    out: options.out,
    source: options.source,
    log,
    clock: io.now,
    onClients: (clients) => {
      statsOf = () => clients.stats.total();
    },
  });
  if (!result.ok) {
    if (result.usage !== undefined) {
      reportProblems(io, [], result.usage);
      return { code: ExitCode.input, degraded: false };
    }
    io.stderr.write(`vigil: collection failed: ${result.failure?.code}: ${result.failure?.message}\n`);
    return { code: ExitCode.failed, degraded: true };
  }
  const { collected } = result;
  const failedAccounts = collected.accounts.filter((a) => a.scanned === false);
  // Each coverage entry is one kind of failure (account, region, operation, error), counted per read.
  const entries = collected.coverage.list();
  const unreadable = entries.reduce((sum, entry) => sum + (entry.count ?? 1), 0);
  io.stderr.write(
    `vigil: wrote ${result.resources} resource${result.resources === 1 ? '' : 's'} from ${collected.accounts.length - failedAccounts.length} of ${collected.accounts.length} account${collected.accounts.length === 1 ? '' : 's'} to ${options.out}` +
      `${unreadable > 0 ? `; ${unreadable} unreadable, in ${entries.length} coverage entr${entries.length === 1 ? 'y' : 'ies'} (unknown, never a pass)` : ''}\n`,
  );
  io.stderr.write(`${callSummaryLine(result.clients.stats.byService(), result.resources)}\n`);
  result.clients.destroy();
  const degraded = failedAccounts.length > 0;
  return { code: degraded ? ExitCode.failed : ExitCode.ok, degraded };
}

/** `vigil: 7,434 API calls (1.49 per resource; 0 retries, 0 throttles): s3 5,012 · ec2 904 · ...`, busiest service first. */
export function callSummaryLine(byService: Readonly<Record<string, CallSummary>>, resources: number): string {
  const services = Object.entries(byService).sort(([a, x], [b, y]) => y.calls - x.calls || a.localeCompare(b));
  const total = services.reduce((sum, [, s]) => ({ calls: sum.calls + s.calls, retries: sum.retries + s.retries, throttles: sum.throttles + s.throttles }), {
    calls: 0,
    retries: 0,
    throttles: 0,
  });
  const count = (n: number) => n.toLocaleString('en-US');
  const perResource = resources > 0 ? `${(total.calls / resources).toFixed(2)} per resource; ` : '';
  const list = services.map(([service, s]) => `${service} ${count(s.calls)}`).join(' · ');
  return `vigil: ${count(total.calls)} API call${total.calls === 1 ? '' : 's'} (${perResource}${count(total.retries)} retries, ${count(total.throttles)} throttles)${list === '' ? '' : `: ${list}`}`;
}
