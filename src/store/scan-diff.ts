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
import { findingSummaries, summaryColumns, type FindingSummary } from './stored-finding.js';
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

  const buckets = { new: [] as string[], resolved: [] as string[], regressed: [] as string[], open: [] as string[] };
  for (const [id, s] of states) {
    if (isOpen(s.to)) {
      if (s.from === 'resolved' || s.from === 'remediated' || (isOpen(s.from) && s.resolvedBetween)) buckets.regressed.push(id);
      else if (isOpen(s.from)) buckets.open.push(id);
      else buckets.new.push(id);
    } else if ((s.to === 'resolved' || s.to === 'remediated') && (isOpen(s.from) || s.from === 'exempt')) buckets.resolved.push(id);
  }

  const wanted = new Set([...buckets.new, ...buckets.resolved, ...buckets.regressed, ...buckets.open]);
  const rows = [];
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    for (const row of await db.selectFrom('findings').select(summaryColumns).where('account_id', 'in', ids).execute()) {
      // Findings of insights the `to` scan did not run, or of regions it did not collect, are not its to compare.
      if (wanted.has(row.id) && scope.insights.has(insightKey(row.insight, row.variant)) && scope.regions.get(row.account_id)?.has(row.region) === true)
        rows.push(row);
    }
  }
  const findings = new Map((await findingSummaries(db, rows)).map((finding) => [finding.id, finding]));
  const list = (ids: readonly string[]): DiffFinding[] =>
    sortBySeverity(
      ids.flatMap((id) => {
        const finding = findings.get(id);
        const s = states.get(id)!;
        if (finding === undefined) return [];
        const state = s.to;
        return [{ ...finding, state, status: statusAt(state, finding), previousState: s.from }];
      }),
    );
  return {
    ok: true,
    diff: {
      from: { id: from.id, observedAt: from.observedAt, status: from.status },
      to: { id: to.id, observedAt: to.observedAt, status: to.status },
      new: list(buckets.new),
      resolved: list(buckets.resolved),
      regressed: list(buckets.regressed),
      open: list(buckets.open),
    },
  };
}

interface StatesAt {
  from: LifecycleState | null;
  to: LifecycleState | null;
  /** Resolved or remediated after `from`, at or before `to`. */
  resolvedBetween: boolean;
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
      const s = states.get(t.finding_id) ?? { from: null, to: null, resolvedBetween: false };
      if (atOrBefore(t.at, seq, from)) s.from = t.state;
      else if (t.state === 'resolved' || t.state === 'remediated') s.resolvedBetween = true;
      s.to = t.state;
      states.set(t.finding_id, s);
    }
  }
  return states;
}

/** The verdict as of the diff's `to`: the stored one when the finding is still in that state. */
function statusAt(state: LifecycleState | null, finding: FindingSummary): StoredStatus {
  if (state === finding.state) return finding.status;
  if (isOpen(state)) return 'fail';
  if (state === 'exempt') return 'exempt';
  return 'absent';
}

function toScan(row: { id: string; seq: number; observed_at: string; status: ScanStatus; scope_key: string }): ScanRow {
  return { id: row.id, seq: Number(row.seq), observedAt: row.observed_at, status: row.status, scopeKey: row.scope_key };
}

/** Most severe first, then by insight and resource. */
function sortBySeverity<T extends FindingSummary>(findings: T[]): T[] {
  const rank = new Map(findings.map((f) => [f, severityRank(f.severity as Severity)]));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort((a, b) => rank.get(b)! - rank.get(a)! || text(a.insight, b.insight) || text(a.resource.arn, b.resource.arn));
}
