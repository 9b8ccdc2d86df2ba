/**
 * The store's tables as Kysely types: the one description of every row the store reads or
 * writes, shared by both engines. Times are ISO 8601 UTC text (`2026-11-20T06:00:00.000Z`), which
 * sorts as it counts on SQLite and PostgreSQL alike; JSON columns are text.
 */
import type { Generated } from 'kysely';
import type { LifecycleState } from '../findings/lifecycle-state.js';

export type { LifecycleState };

export type Engine = 'sqlite' | 'postgres';

/** How a scan ended: only a complete scan may conclude that an absent finding was resolved. */
export type ScanStatus = 'complete' | 'degraded' | 'crashed';

/**
 * The verdict a scan last gave the finding, or `absent`: a scan that covered it did not list it
 * (it passed, no longer applied, or its resource is gone).
 */
export type StoredStatus = 'pass' | 'fail' | 'error' | 'not-applicable' | 'exempt' | 'absent';

export interface ScansTable {
  /** Order of recording; with `observed_at` it orders scans (see scan-order.ts). */
  seq: Generated<number>;
  id: string;
  /** When the inventory was collected: the time every observation of the scan is dated. */
  observed_at: string;
  started_at: string;
  finished_at: string;
  recorded_at: string;
  status: ScanStatus;
  /** `snapshot`, `live` or `demo`. */
  source: string;
  /** The snapshot file, for snapshot scans. */
  source_file: string | null;
  /** Same accounts, regions and insights: scans to compare with each other. */
  scope_key: string;
  /** JSON: account ids. */
  accounts: string;
  /** JSON: pack ids. */
  packs: string;
  resources: number;
  evaluations: number;
  /** Findings the scan wrote (fail, error, exempt; with --all also pass and not-applicable). */
  findings: number;
  opened: number;
  reopened: number;
  resolved: number;
  exempted: number;
  /** The last complete scan of the same scope recorded before this one. */
  previous_scan: string | null;
  /** Why a crashed scan crashed. */
  error: string | null;
}

/** The account-regions a scan collected (`global` for global services). */
export interface ScanRegionsTable {
  scan_id: string;
  account_id: string;
  region: string;
}

/** The insights a scan ran: id and parameter variant ('' when the insight ran with one set). */
export interface ScanInsightsTable {
  scan_id: string;
  insight: string;
  variant: string;
}

/** Listings that failed in a scan: resources of the type in the account may be missing. */
export interface ScanGapsTable {
  scan_id: string;
  account_id: string;
  resource_type: string;
}

export interface FindingsTable {
  id: string;
  insight: string;
  variant: string;
  account_id: string;
  region: string;
  resource_type: string;
  resource_arn: string;
  resource_name: string;
  title: string;
  severity: string;
  status: StoredStatus;
  state: LifecycleState | null;
  reason: string;
  /** JSON: the evidence of the last verdict, or null. */
  evidence: string | null;
  /** JSON: [{ pack, control }]. */
  controls: string;
  /** JSON: the exemption that made it exempt, or null. */
  exemption: string | null;
  /** Digest of the finding as last written: an unchanged finding is not written again. */
  content_hash: string;
  first_seen_at: string;
  first_seen_scan: string;
  /** The last observation that was written (an unchanged one is implied by the scans that covered it). */
  last_seen_at: string;
  last_seen_scan: string;
  /** seq of that scan (with last_seen_at, the order a later scan is compared with). */
  last_seen_seq: number;
  resolved_at: string | null;
  /** `owner` when it passed without a bot, else the bot's id. */
  resolved_by: string | null;
  resolved_scan: string | null;
}

/** Per account: the digest of the findings the store lists (account-listings.ts). */
export interface AccountListingsTable {
  account_id: string;
  /** 128 bits, hexadecimal. */
  digest: string;
  /** Findings listed (open, reopened, exempt, or in error). */
  findings: number;
  /** Finding rows of the account, listed or not. */
  rows: number;
}

/** Every change of a finding's lifecycle state. */
export interface TransitionsTable {
  id: Generated<number>;
  finding_id: string;
  account_id: string;
  state: LifecycleState;
  at: string;
  /** The scan that saw it; null for a bot's remediation. */
  scan_id: string | null;
  scan_seq: number | null;
  by: string | null;
}

/** Per day, account and pack control: the verdict counts of the day's last scan. Kept 400 days. */
export interface DailyRollupsTable {
  day: string;
  account_id: string;
  pack: string;
  control: string;
  pass: number;
  fail: number;
  error: number;
  exempt: number;
  not_applicable: number;
  scan_id: string;
  scan_observed_at: string;
  scan_seq: number;
}

/** Bots' audit trail: append-only, each record chained to the one before by its hash. */
export interface AuditRecordsTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  resource_arn: string;
  finding_id: string | null;
  mode: string;
  /** JSON: before/after and whatever the action reports. */
  detail: string;
  /** The bot run and the plan it applied (null on records written before version 3, which keep them in `detail`). */
  run_id: string | null;
  plan_hash: string | null;
  account_id: string | null;
  region: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain's head: the one row appends lock, so two writers never chain to the same record. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type PlanState = 'pending' | 'applied' | 'discarded';

/** What a bot would do (dry run), kept until applied or discarded. */
export interface PlansTable {
  id: string;
  bot: string;
  action: string;
  resource_arn: string;
  created_at: string;
  state: PlanState;
  /** JSON: the calls the action would make. */
  body: string;
  applied_at: string | null;
  audit_seq: number | null;
}

export type ScheduledOpState = 'pending' | 'claimed' | 'done' | 'cancelled';

/** mark-for-op: an action due on a resource at a later time. */
export interface ScheduledOpsTable {
  id: Generated<number>;
  bot: string;
  action: string;
  resource_arn: string;
  reason: string;
  created_at: string;
  due_at: string;
  state: ScheduledOpState;
  claim_token: string | null;
  claimed_at: string | null;
  done_at: string | null;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'in-doubt' | 'dead';

/** Notifications to send: each at most once per key, retried until sent or given up. */
export interface OutboxTable {
  id: Generated<number>;
  /** The same key enqueued twice is one message. */
  dedupe_key: string;
  channel: string;
  /** JSON. */
  payload: string;
  created_at: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  lease_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  /** JSON: what the transport answered on delivery (Slack: the channel and ts), or null. */
  receipt: string | null;
}

/**
 * What was told to whom: per subject (a finding id, or a finding's due date), channel and
 * recipient, the last notice that told it — for the quiet period and for threading a reply.
 */
export interface NotifiedTable {
  subject: string;
  channel: string;
  recipient: string;
  outbox_key: string;
  at: string;
}

/** When an exemption began or stopped covering a finding. */
export interface ExemptionEventsTable {
  id: Generated<number>;
  at: string;
  scan_id: string;
  finding_id: string;
  insight: string;
  resource_arn: string;
  event: 'applied' | 'lapsed';
  reason: string | null;
  approved_by: string | null;
  expires: string | null;
}

/**
 * A scan's observations while it is recorded: a temporary table of the recording transaction, so
 * the database compares them with the findings and returns only what changed.
 */
export interface ObservedTable {
  id: string;
  status: 'pass' | 'fail' | 'error' | 'not-applicable' | 'exempt';
  digest: string | null;
}

export type JobRunState = 'running' | 'done' | 'failed';

/** One period of one daemon job (scan:123456789012 at 2026-12-08T04:00:00.000Z): done once, whoever ran it. */
export interface JobRunsTable {
  job: string;
  /** The schedule's tick the run belongs to (ISO), or the event's id. */
  period: string;
  state: JobRunState;
  attempts: number;
  started_at: string;
  finished_at: string | null;
  /** The daemon that last ran it (host and process), for messages. */
  runner: string;
  error: string | null;
}

export interface Database {
  scans: ScansTable;
  scan_regions: ScanRegionsTable;
  scan_insights: ScanInsightsTable;
  scan_gaps: ScanGapsTable;
  findings: FindingsTable;
  account_listings: AccountListingsTable;
  transitions: TransitionsTable;
  daily_rollups: DailyRollupsTable;
  audit_records: AuditRecordsTable;
  audit_head: AuditHeadTable;
  plans: PlansTable;
  scheduled_ops: ScheduledOpsTable;
  outbox: OutboxTable;
  notified: NotifiedTable;
  exemption_events: ExemptionEventsTable;
  vigil_observed: ObservedTable;
  job_runs: JobRunsTable;
}
