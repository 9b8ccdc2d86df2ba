/**
 * What the daemon's jobs call outside themselves, passed in: how an account's inventory is
 * collected (live collection in production; the demo organisation or a fake AWS in tests), how a
 * bot runs, the notification transports, and where the report is written.
 */
import type { PreparedScan, Prepared } from '../app/prepare-scan.js';
import type { Transports } from '../notify/transport.js';

export type CollectOutcome =
  | {
      readonly ok: true;
      /** An account or region could not be read: the scan is recorded as degraded, resolving nothing. */
      readonly degraded: boolean;
      /** API calls and throttles by service. */
      readonly calls: Readonly<Record<string, { readonly calls: number; readonly throttles: number }>>;
    }
  | { readonly ok: false; readonly message: string };

export interface CollectRequest {
  /** undefined: every account the configuration reaches. */
  readonly accountId: string | undefined;
  /** The snapshot file to write. */
  readonly file: string;
  readonly prepared: PreparedScan;
  readonly now: () => Date;
  readonly signal: AbortSignal;
}

export interface BotRunRequest {
  readonly botId: string;
  readonly accountId: string | undefined;
  readonly event: { readonly name: string; readonly detail: unknown } | undefined;
  readonly now: Date;
  readonly signal: AbortSignal;
}

export interface BotRunOutcome {
  readonly mode: 'dry-run' | 'enforce';
  /** Actions by result (planned, applied, skipped, failed ...). */
  readonly actions: Readonly<Record<string, number>>;
  /** The circuit breaker's reason, when the run acted on nothing because of its limits. */
  readonly halted?: string;
}

export interface DaemonServices {
  /** Loads the configuration, insights, packs and exemptions as of `now` (each run sees expiries as they are then). */
  prepare(now: Date): Promise<Prepared>;
  collect(request: CollectRequest): Promise<CollectOutcome>;
  /** undefined: no bots runtime is wired in, and the daemon schedules no bot. */
  readonly runBot?: (request: BotRunRequest) => Promise<BotRunOutcome>;
  readonly transports: Transports;
  /** Where the daily report's report.html and report.txt go. */
  readonly reportDir: string;
  /** Raw scans older than this are pruned by store maintenance. */
  readonly keepScansDays: number;
}
