/**
 * `vigil diff`: what changed between two scans — new, resolved, regressed (failing again after a
 * resolution) and still open findings. By default the last complete scan and the complete scan of
 * the same scope before it; degraded and crashed scans are never a default reference.
 *
 * Each finding's state at a scan is folded from its transitions up to that scan, so any two
 * recorded scans compare, not only the last two.
 */
import type { Kysely } from 'kysely';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import type { Database, LifecycleState, ScanStatus, StoredStatus } from './database.js';
import { isOpen } from './lifecycle.js';
import { isAfter, type ScanPosition } from './scan-order.js';
import { insightKey } from './scan-scope.js';
import { loadScanScopes } from './scan-scopes.js';
import { lastSeenOfRows, summaryColumns, type FindingSummary, type SummaryRow } from './stored-finding.js';
import type { Store } from './store.js';
import { severityRank, type Severity } from '../model/severity.js';

export interface DiffScan {
  readonly id: string;
  readonly observedAt: string;
  readonly status: ScanStatus;
}

export interface DiffFinding extends FindingSummary {
  /** The state at the `from` scan (null: the finding had no state yet). */
  readonly previousState: LifecycleState | null;
}

export interface ScanDiff {
  readonly from: DiffScan;
  readonly to: DiffScan;
  readonly new: readonly DiffFinding[];
  readonly resolved: readonly DiffFinding[];
  readonly regressed: readonly DiffFinding[];
  readonly open: readonly DiffFinding[];
}

export type DiffOutcome = { ok: true; diff: ScanDiff } | { ok: false; message: string };

interface ScanRow extends ScanPosition {
  readonly id: string;
  readonly status: ScanStatus;
  readonly scopeKey: string;
}

export async function diffScans(store: Store, options: { from?: string; to?: string }): Promise<DiffOutcome> {
  const { db } = store;
  const scanById = async (id: string, flag: string): Promise<ScanRow | string> => {
    const rows = await db.selectFrom('scans').select(['id', 'seq', 'observed_at', 'status', 'scope_key']).where('id', 'like', `${id}%`).limit(2).execute();
    if (rows.length === 0) return `${flag}: no scan ${id} in the store ${store.description}`;
    if (rows.length > 1) return `${flag}: more than one scan starts with ${id}; give more of the id`;
    const row = rows[0]!;
    if (row.status === 'crashed') return `${flag}: scan ${row.id} crashed; it has no findings to compare`;
    return toScan(row);
  };
  for (const [flag, id] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (id !== undefined && !/^[0-9a-f-]{6,36}$/.test(id)) return { ok: false, message: `${flag}: '${id}' is not a scan id (see vigil scans list)` };
  }

  let from: ScanRow | undefined;
  let to: ScanRow | undefined;
  if (options.from !== undefined) {
    const found = await scanById(options.from, '--from');
    if (typeof found === 'string') return { ok: false, message: found };
    from = found;
  }
  if (options.to !== undefined) {
    const found = await scanById(options.to, '--to');
    if (typeof found === 'string') return { ok: false, message: found };
    to = found;
  } else {
    let query = db.selectFrom('scans').select(['id', 'seq', 'observed_at', 'status', 'scope_key']).where('status', '=', 'complete');
    if (from !== undefined) query = query.where('scope_key', '=', from.scopeKey);
    const latest = await query.orderBy('observed_at', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (latest === undefined) return { ok: false, message: `no complete scan recorded in the store ${store.description} yet` };
    to = toScan(latest);
  }
  if (from === undefined) {
    const target = to;
    const previous = await db
      .selectFrom('scans')
      .select(['id', 'seq', 'observed_at', 'status', 'scope_key'])
      .where('status', '=', 'complete')
      .where('scope_key', '=', target.scopeKey)
      .where((eb) => eb.or([eb('observed_at', '<', target.observedAt), eb.and([eb('observed_at', '=', target.observedAt), eb('seq', '<', target.seq)])]))
      .orderBy('observed_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous === undefined)
      return { ok: false, message: `scan ${target.id} is the first complete scan of its scope: nothing to compare it with (give --from)` };
    from = toScan(previous);
  }
  if (!isAfter(to, from)) [from, to] = [to, from];

  const scopes = await loadScanScopes(db, [to.id]);
  const scope = scopes.get(to.id)!;
  const accounts = [...scope.regions.keys()];
  const states = await statesAt(db, accounts, from, to);

  // One pass over the states: which list each finding belongs to (none: not a change nor open).
  for (const s of states.values()) {
    if (isOpen(s.to)) {
      if (s.from === 'resolved' || s.from === 'remediated' || (isOpen(s.from) && s.resolvedBetween)) s.list = 'regressed';
      else if (isOpen(s.from)) s.list = 'open';
      else s.list = 'new';
    } else if ((s.to === 'resolved' || s.to === 'remediated') && (isOpen(s.from) || s.from === 'exempt')) s.list = 'resolved';
  }

  // One projection of the listed findings, in scope, read once.
  const rows: SummaryRow[] = [];
  const listed: StatesAt[] = [];
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    for (const row of await db.selectFrom('findings').select(summaryColumns).where('account_id', 'in', ids).execute()) {
      const s = states.get(row.id);
      // Findings of insights the `to` scan did not run, or of regions it did not collect, are not its to compare.
      if (s?.list !== undefined && scope.insights.has(insightKey(row.insight, row.variant)) && scope.regions.get(row.account_id)?.has(row.region) === true) {
        rows.push(row);
        listed.push(s);
      }
    }
  }
  const lists = { new: [] as Listed[], resolved: [] as Listed[], regressed: [] as Listed[], open: [] as Listed[] };
  const lastSeen = await lastSeenOfRows(db, rows);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const s = listed[i]!;
    lists[s.list!].push({ finding: diffFinding(row, lastSeen[i]!, s), order: s.order, rank: severityRank(row.severity as Severity) });
  }
  return {
    ok: true,
    diff: {
      from: { id: from.id, observedAt: from.observedAt, status: from.status },
      to: { id: to.id, observedAt: to.observedAt, status: to.status },
      new: sortBySeverity(lists.new),
      resolved: sortBySeverity(lists.resolved),
      regressed: sortBySeverity(lists.regressed),
      open: sortBySeverity(lists.open),
    },
  };
}

interface StatesAt {
  from: LifecycleState | null;
  to: LifecycleState | null;
  /** Resolved or remediated after `from`, at or before `to`. */
  resolvedBetween: boolean;
  /** The finding's place in the order of first transitions: ties in a sorted list keep it. */
  readonly order: number;
  /** The diff's list the finding goes in, once folded. */
  list?: 'new' | 'resolved' | 'regressed' | 'open';
}

/** A finding of a list, with what it is sorted by. */
interface Listed {
  readonly finding: DiffFinding;
  readonly order: number;
  readonly rank: number;
}

/**
 * The finding as the diff lists it: its summary (stored-finding.ts) in the same key order, with
 * its state and verdict as of `to` and its state at `from`, built in one object per finding.
 */
function diffFinding(row: SummaryRow, lastSeen: string, s: StatesAt): DiffFinding {
  return {
    id: row.id,
    insight: row.insight,
    title: row.title,
    severity: row.severity,
    status: statusAt(s.to, row),
    state: s.to,
    resource: { arn: row.resource_arn, type: row.resource_type, accountId: row.account_id, region: row.region, name: row.resource_name },
    firstSeen: row.first_seen_at,
    lastSeen,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    previousState: s.from,
  };
}

/** Each finding's state at both scans, folded from its transitions. */
async function statesAt(db: Kysely<Database>, accounts: readonly string[], from: ScanPosition, to: ScanPosition): Promise<Map<string, StatesAt>> {
  const states = new Map<string, StatesAt>();
  const atOrBefore = (at: string, seq: number | null, scan: ScanPosition) =>
    at < scan.observedAt || (at === scan.observedAt && (seq === null || seq <= scan.seq));
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    const transitions = await db
      .selectFrom('transitions')
      .select(['finding_id', 'state', 'at', 'scan_seq'])
      .where('account_id', 'in', ids)
      .where('at', '<=', to.observedAt)
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const t of transitions) {
      const seq = t.scan_seq === null ? null : Number(t.scan_seq);
      if (!atOrBefore(t.at, seq, to)) continue;
      const s = states.get(t.finding_id) ?? { from: null, to: null, resolvedBetween: false, order: states.size };
      if (atOrBefore(t.at, seq, from)) s.from = t.state;
      else if (t.state === 'resolved' || t.state === 'remediated') s.resolvedBetween = true;
      s.to = t.state;
      states.set(t.finding_id, s);
    }
  }
  return states;
}

/** The verdict as of the diff's `to`: the stored one when the finding is still in that state. */
function statusAt(state: LifecycleState | null, finding: Pick<FindingSummary, 'state' | 'status'>): StoredStatus {
  if (state === finding.state) return finding.status;
  if (isOpen(state)) return 'fail';
  if (state === 'exempt') return 'exempt';
  return 'absent';
}

function toScan(row: { id: string; seq: number; observed_at: string; status: ScanStatus; scope_key: string }): ScanRow {
  return { id: row.id, seq: Number(row.seq), observedAt: row.observed_at, status: row.status, scopeKey: row.scope_key };
}

/** Most severe first, then by insight and resource, then in the order of first transitions. */
function sortBySeverity(findings: Listed[]): DiffFinding[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  findings.sort(
    (a, b) => b.rank - a.rank || text(a.finding.insight, b.finding.insight) || text(a.finding.resource.arn, b.finding.resource.arn) || a.order - b.order,
  );
  return findings.map((entry) => entry.finding);
}
