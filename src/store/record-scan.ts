/**
 * Records a scan: its scope, and what it changed in each finding's lifecycle — and only that.
 * The scan's observations go to a temporary table; the database returns the findings that are
 * new or changed, and the active ones the scan did not list. A finding the scan saw unchanged is
 * not written (its last seen is the last complete scan that covered it, covering-scans.ts), so a
 * second identical scan writes its own row and little else.
 *
 * The rules (lifecycle.ts for the states):
 *  - a finding absent from the scan is resolved only if the scan covered it (scan-scope.ts) and
 *    the scan is complete: a degraded scan opens and updates, it never resolves;
 *  - an error verdict neither opens nor resolves;
 *  - the accounts' locks are held for the whole recording, so scans of the same account are
 *    applied one after the other; a scan older than one already applied (a late scan) changes
 *    nothing the newer one covered, except to add a finding nobody had seen — opened at the late
 *    scan, resolved at the newer one that did not list it.
 */
import { sql, type Transaction } from 'kysely';
import type { Finding } from '../findings/finding.js';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import { CoveringScans, type ScanRef } from './covering-scans.js';
import { ListingChanges, ListingDigest, loadListings } from './account-listings.js';
import { writeRollups, type RollupCounts } from './daily-rollups.js';
import { pruneStore } from './retention.js';
import type { Database, ExemptionEventsTable, FindingsTable, LifecycleState, ObservedTable, ScanStatus, TransitionsTable } from './database.js';
import { cellOfFinding, cellOfRow, findingRow, lastSeenOf, lifecycleColumns, type LifecycleRow } from './finding-row.js';
import { isActive, nextLifecycle } from './lifecycle.js';
import { lockNames, tryLockName } from './locks.js';
import type { ObservedFinding } from './scan-observations.js';
import { isAfter } from './scan-order.js';
import { covers, scopeKey, type ScanScope } from './scan-scope.js';
import { saveScanScope } from './scan-scopes.js';
import type { Store } from './store.js';

export interface ScanToRecord {
  readonly id: string;
  /** When the inventory was collected: every observation of the scan is dated so. */
  readonly observedAt: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly status: Exclude<ScanStatus, 'crashed'>;
  readonly source: string;
  readonly sourceFile: string | null;
  readonly scope: ScanScope;
  readonly packs: readonly string[];
  readonly resources: number;
  readonly evaluations: number;
  /** The findings the scan listed: fail, error, exempt. */
  readonly listed: readonly ObservedFinding[];
  /** Ids of findings seen passing, and not applicable (a scan with --all). */
  readonly passed: readonly string[];
  readonly notApplicable: readonly string[];
  /** The scan's listed findings with these ids (read back from its spool). */
  readonly findingsOf: (ids: ReadonlySet<string>) => AsyncIterable<Finding>;
  /** The parameter variant the finding's insight ran with ('' when it ran with one set). */
  readonly variantOf: (finding: Finding) => string;
  readonly rollups: readonly RollupCounts[];
  readonly recordedAt: string;
  /** Raw scans older than this many days (before the recorded scan's time) are pruned. */
  readonly keepScansDays: number;
}

export interface RecordedScan {
  readonly seq: number;
  readonly previousScan: string | null;
  /** The scan id was recorded before: nothing was written. */
  readonly alreadyRecorded: boolean;
  readonly opened: number;
  readonly reopened: number;
  readonly resolved: number;
  readonly exempted: number;
  /** Finding rows written (inserted or changed). */
  readonly written: number;
  /** Observations a newer scan had already overtaken. */
  readonly late: number;
  /** Roll-up rows written (a control's counts that changed for the day). */
  readonly rollups: number;
  /** Accounts whose listed findings were exactly the store's: skipped without comparing a finding. */
  readonly unchangedAccounts: number;
}

type Transition = Omit<TransitionsTable, 'id'>;
type Candidate = { id: string; status: ObservedTable['status']; digest: string | null; row: LifecycleRow | undefined };

const ACTIVE_STATES: readonly LifecycleState[] = ['open', 'reopened', 'exempt'];
const KEEP_ON_CONFLICT = new Set(['id', 'first_seen_at', 'first_seen_scan']);

export async function recordScan(store: Store, scan: ScanToRecord): Promise<RecordedScan> {
  const accounts = [...scan.scope.regions.keys()].sort();
  return store.transaction(async (trx) => {
    await lockNames(
      trx,
      store.engine,
      accounts.map((account) => `account:${account}`),
    );

    const already = await trx.selectFrom('scans').select(['seq', 'previous_scan']).where('id', '=', scan.id).executeTakeFirst();
    if (already !== undefined) {
      return {
        seq: Number(already.seq),
        previousScan: already.previous_scan,
        alreadyRecorded: true,
        opened: 0,
        reopened: 0,
        resolved: 0,
        exempted: 0,
        written: 0,
        late: 0,
        rollups: 0,
        unchangedAccounts: 0,
      };
    }

    const key = scopeKey(scan.scope);
    const previous = await trx
      .selectFrom('scans')
      .select('id')
      .where('scope_key', '=', key)
      .where('status', '=', 'complete')
      .where('observed_at', '<=', scan.observedAt)
      .orderBy('observed_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const inserted = await trx
      .insertInto('scans')
      .values({
        id: scan.id,
        observed_at: scan.observedAt,
        started_at: scan.startedAt,
        finished_at: scan.finishedAt,
        recorded_at: scan.recordedAt,
        status: scan.status,
        source: scan.source,
        source_file: scan.sourceFile,
        scope_key: key,
        accounts: JSON.stringify(accounts),
        packs: JSON.stringify(scan.packs),
        resources: scan.resources,
        evaluations: scan.evaluations,
        findings: scan.listed.length + scan.passed.length + scan.notApplicable.length,
        opened: 0,
        reopened: 0,
        resolved: 0,
        exempted: 0,
        previous_scan: previous?.id ?? null,
        error: null,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const self: ScanRef = { id: scan.id, observedAt: scan.observedAt, seq: Number(inserted.seq) };
    await saveScanScope(trx, store.bulk, scan.id, scan.scope);

    // Complete scans of these accounts newer than this one: what they covered, they have decided.
    const newer = await CoveringScans.load(trx, accounts, { after: self });
    const overtaken = async (row: LifecycleRow) =>
      isAfter(lastSeenOf(row), self) || (newer.size > 0 && (await newer.latestCovering(cellOfRow(row), self)) !== undefined);

    // An account whose listed findings are exactly the store's, unchanged, has nothing to compare —
    // unless the scan is degraded, whose findings are written as seen whatever they are.
    const stored = await loadListings(trx, accounts);
    const listings = new ListingChanges(stored);
    const listedBy = new Map<string, ListingDigest>();
    for (const o of scan.listed) {
      let digest = listedBy.get(o.accountId);
      if (digest === undefined) listedBy.set(o.accountId, (digest = new ListingDigest()));
      digest.toggle(o.digest, 1);
    }
    const none = new ListingDigest();
    const unchanged = new Set(scan.status === 'complete' ? accounts.filter((a) => (listedBy.get(a) ?? none).equals(stored.get(a)?.digest ?? none)) : []);
    // An account of which the store has no finding at all: whatever the scan lists is new.
    const fresh = new Set(accounts.filter((a) => !unchanged.has(a) && (stored.get(a)?.rows ?? 0) === 0));
    const changedAccounts = accounts.filter((a) => !unchanged.has(a) && !fresh.has(a));

    if (changedAccounts.length > 0) await stageObservations(trx, store, changedAccounts, scan, new Set([...unchanged, ...fresh]));
    const counters = { opened: 0, reopened: 0, resolved: 0, exempted: 0 };
    const transitions: Transition[] = [];
    const exemptionEvents: Omit<ExemptionEventsTable, 'id'>[] = [];
    let late = 0;
    let written = 0;
    const transition = (row: { id: string; account_id: string }, state: LifecycleState, at: ScanRef, by: string | null) => {
      transitions.push({ finding_id: row.id, account_id: row.account_id, state, at: at.observedAt, scan_id: at.id, scan_seq: at.seq, by });
      if (at.id !== scan.id) return;
      if (state === 'open') counters.opened++;
      else if (state === 'reopened') counters.reopened++;
      else if (state === 'resolved') counters.resolved++;
      else if (state === 'exempt') counters.exempted++;
    };

    // A degraded scan proves presence, not absence: the findings it listed were seen then.
    if (scan.status === 'degraded' && changedAccounts.length > 0) {
      await trx
        .updateTable('findings')
        .set({ last_seen_at: self.observedAt, last_seen_scan: self.id, last_seen_seq: self.seq })
        .where('id', 'in', (eb) => eb.selectFrom('vigil_observed').select('id').where('status', 'in', ['fail', 'error', 'exempt']))
        .where((eb) =>
          eb.or([eb('last_seen_at', '<', self.observedAt), eb.and([eb('last_seen_at', '=', self.observedAt), eb('last_seen_seq', '<', self.seq)])]),
        )
        .execute();
    }

    // The open findings the scan did not list, as they were before it wrote anything.
    const unlisted = scan.status === 'complete' ? await absentRows(trx, changedAccounts) : [];

    // 1. What the scan listed that is new or changed, or seen passing while open.
    const needContent = new Map<string, Candidate>();
    const passedRows: LifecycleRow[] = [];
    const passedBefore = new Map<string, LifecycleRow>();
    const freshListed: Candidate[] = scan.listed
      .filter((o) => fresh.has(o.accountId))
      .map((o) => ({ id: o.id, status: o.status, digest: o.digest, row: undefined }));
    for (const candidate of [...freshListed, ...(changedAccounts.length === 0 ? [] : await changedObservations(trx))]) {
      const { row } = candidate;
      if (row === undefined) {
        needContent.set(candidate.id, candidate);
        continue;
      }
      if (await overtaken(row)) {
        late++;
        continue;
      }
      const step = nextLifecycle(row.state, candidate.status);
      if (candidate.status === 'pass' || candidate.status === 'not-applicable') {
        if (step.transition !== undefined || row.status === 'error') {
          passedBefore.set(row.id, row);
          passedRows.push({ ...row, status: candidate.status, state: step.state });
          if (step.transition !== undefined) transition(row, step.transition, self, 'owner');
        }
      } else needContent.set(candidate.id, candidate);
    }

    // 2. New and changed findings, read back from the scan's findings.
    const upserts: FindingsTable[] = [];
    if (needContent.size > 0) {
      for await (const finding of scan.findingsOf(new Set(needContent.keys()))) {
        const candidate = needContent.get(finding.id);
        if (candidate === undefined) continue;
        needContent.delete(finding.id);
        const before = candidate.row;
        const variant = before?.variant ?? scan.variantOf(finding);
        const step = nextLifecycle(before?.state ?? null, candidate.status);
        let row = findingRow(finding, {
          variant,
          digest: candidate.digest ?? '',
          state: step.state,
          seen: self,
          firstSeen: before === undefined ? { at: self.observedAt, scan: self.id } : { at: before.first_seen_at, scan: before.first_seen_scan },
          resolved:
            before !== undefined && step.transition === undefined && before.resolved_at !== null
              ? { at: before.resolved_at, by: before.resolved_by ?? 'owner', scan: before.resolved_scan ?? '' }
              : undefined,
        });
        if (step.transition !== undefined)
          transition(row, step.transition, self, step.transition === 'exempt' ? (finding.exemption?.approvedBy ?? null) : null);
        if (before === undefined && isActive(step.state) && newer.size > 0) {
          // Seen by a late scan only: a newer scan that covered it did not list it.
          const newerScan = await newer.earliestCovering(cellOfFinding(finding, variant));
          if (newerScan !== undefined) {
            late++;
            row = { ...row, state: 'resolved', status: 'absent', resolved_at: newerScan.observedAt, resolved_by: 'owner', resolved_scan: newerScan.id };
            transition(row, 'resolved', newerScan, 'owner');
          }
        }
        listings.change(row.account_id, before, row);
        const wasExempt = before?.status === 'exempt';
        if (finding.status === 'exempt' && !wasExempt) exemptionEvents.push(exemptionEvent(finding, self, 'applied'));
        if (finding.status === 'fail' && wasExempt) exemptionEvents.push(exemptionEvent(finding, self, 'lapsed', before.exemption));
        upserts.push(row);
      }
    }
    if (needContent.size > 0) throw new Error(`recordScan: ${needContent.size} listed findings are missing from the scan's findings`);
    if (upserts.length > 0) {
      const update = (Object.keys(upserts[0]!) as (keyof FindingsTable)[]).filter((column) => !KEEP_ON_CONFLICT.has(column));
      await store.bulk.insert(trx, 'findings', upserts, { columns: ['id'], update });
      written += upserts.length;
    }

    // Seen passing: resolved by its owner (a bot's fix is recorded as remediated by the bot).
    for (const row of passedRows) listings.change(row.account_id, passedBefore.get(row.id), row);
    written += await updateLifecycles(trx, passedRows, (row) => ({
      status: row.status,
      state: row.state,
      last_seen_at: self.observedAt,
      last_seen_scan: self.id,
      last_seen_seq: self.seq,
      ...(row.state === 'resolved' && { resolved_at: self.observedAt, resolved_by: 'owner', resolved_scan: self.id }),
    }));

    // 3. Absent: resolved, if the scan covered it and is complete.
    if (scan.status === 'complete') {
      const absent: LifecycleRow[] = [];
      for (const row of unlisted) {
        if (covers(scan.scope, cellOfRow(row)) && !(await overtaken(row))) absent.push(row);
      }
      // Last seen: the last complete scan that covered it (and so listed it unchanged) before this one.
      const earliest = absent.reduce<string | undefined>((min, row) => (min === undefined || row.last_seen_at < min ? row.last_seen_at : min), undefined);
      const before = earliest === undefined ? undefined : await CoveringScans.load(trx, accounts, { after: { observedAt: earliest, seq: -1 }, before: self });
      const resolvedRows: (LifecycleRow & { seenAt: ScanRef })[] = [];
      for (const row of absent) {
        const step = nextLifecycle(row.state, 'absent');
        const lastCovering = await before?.latestCovering(cellOfRow(row), lastSeenOf(row));
        const seenAt = lastCovering ?? { id: row.last_seen_scan, observedAt: row.last_seen_at, seq: Number(row.last_seen_seq) };
        if (step.transition !== undefined) transition(row, step.transition, self, 'owner');
        listings.change(row.account_id, row, { ...row, state: step.state, status: 'absent' });
        resolvedRows.push({ ...row, state: step.state, status: 'absent', seenAt });
      }
      written += await updateLifecycles(trx, resolvedRows, (row) => ({
        status: 'absent',
        state: row.state,
        last_seen_at: row.seenAt.observedAt,
        last_seen_scan: row.seenAt.id,
        last_seen_seq: row.seenAt.seq,
        ...(row.state === 'resolved' && { resolved_at: self.observedAt, resolved_by: 'owner', resolved_scan: self.id }),
      }));
    }

    await listings.write(trx, store.bulk);
    await store.bulk.insert(trx, 'transitions', transitions);
    await store.bulk.insert(trx, 'exemption_events', exemptionEvents);
    await trx.updateTable('scans').set(counters).where('id', '=', scan.id).execute();
    const rollups = await writeRollups(trx, store.bulk, self, scan.rollups);
    // One writer prunes at a time; the others leave it to the next scan.
    if (await tryLockName(trx, store.engine, 'prune')) await pruneStore(trx, scan.observedAt, scan.keepScansDays);

    return {
      seq: self.seq,
      previousScan: previous?.id ?? null,
      alreadyRecorded: false,
      ...counters,
      written,
      late,
      rollups,
      unchangedAccounts: unchanged.size,
    };
  });
}

/**
 * Puts the scan's observations in a temporary table: what it listed, and the passing findings the
 * store holds open (or in error) — the only passing ones that change anything.
 */
async function stageObservations(
  trx: Transaction<Database>,
  store: Store,
  accounts: readonly string[],
  scan: ScanToRecord,
  skipped: ReadonlySet<string>,
): Promise<void> {
  if (store.engine === 'postgres') {
    await trx.schema
      .createTable('vigil_observed')
      .temporary()
      .onCommit('drop')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('digest', 'text')
      .execute();
  } else {
    await trx.schema
      .createTable('vigil_observed')
      .temporary()
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('digest', 'text')
      .execute();
    await trx.deleteFrom('vigil_observed').execute();
  }
  const staged: ObservedTable[] = [];
  for (const o of scan.listed) if (!skipped.has(o.accountId)) staged.push({ id: o.id, status: o.status, digest: o.digest });
  if (scan.passed.length + scan.notApplicable.length > 0) {
    const active = new Set<string>();
    for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
      const rows = await trx
        .selectFrom('findings')
        .select('id')
        .where('account_id', 'in', ids)
        .where((eb) => eb.or([eb('state', 'in', ACTIVE_STATES), eb('status', '=', 'error')]))
        .execute();
      for (const row of rows) active.add(row.id);
    }
    for (const id of scan.passed) if (active.has(id)) staged.push({ id, status: 'pass', digest: null });
    for (const id of scan.notApplicable) if (active.has(id)) staged.push({ id, status: 'not-applicable', digest: null });
  }
  await store.bulk.insert(trx, 'vigil_observed', staged, { columns: ['id'], update: 'nothing' });
  // PostgreSQL plans the joins below with the table's real size.
  if (store.engine === 'postgres') await sql`analyze vigil_observed`.execute(trx);
}

/** Observed findings that are new, changed, or passing while the store holds them open. */
async function changedObservations(trx: Transaction<Database>): Promise<Candidate[]> {
  const fresh = await trx
    .selectFrom('vigil_observed as o')
    .select(['o.id', 'o.status', 'o.digest'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('findings as f').select('f.id').whereRef('f.id', '=', 'o.id'))))
    .execute();
  const changed = await trx
    .selectFrom('vigil_observed as o')
    .innerJoin('findings as f', 'f.id', 'o.id')
    .select(['o.status as observed_status', 'o.digest as observed_digest', ...lifecycleColumns.map((column) => `f.${column}` as const)])
    .where((eb) =>
      eb.or([
        eb('o.status', 'in', ['pass', 'not-applicable']),
        eb('f.content_hash', '<>', eb.ref('o.digest')),
        eb('f.status', '<>', eb.ref('o.status')),
        eb.and([eb('o.status', '=', 'fail'), eb.or([eb('f.state', 'is', null), eb('f.state', 'not in', ['open', 'reopened'])])]),
        eb.and([eb('o.status', '=', 'exempt'), eb.or([eb('f.state', 'is', null), eb('f.state', '<>', 'exempt')])]),
      ]),
    )
    .execute();
  return [
    ...fresh.map((o) => ({ id: o.id, status: o.status, digest: o.digest, row: undefined })),
    ...changed.map(({ observed_status, observed_digest, ...row }) => ({ id: row.id, status: observed_status, digest: observed_digest, row })),
  ];
}

/** The accounts' open, reopened, exempt and error findings the scan did not list. */
async function absentRows(trx: Transaction<Database>, accounts: readonly string[]): Promise<LifecycleRow[]> {
  const rows: LifecycleRow[] = [];
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    rows.push(
      ...(await trx
        .selectFrom('findings as f')
        .select(lifecycleColumns.map((column) => `f.${column}` as const))
        .where('f.account_id', 'in', ids)
        // open, reopened or exempt, or in error: what a covering scan's silence changes
        .where((eb) => eb.or([eb('f.state', 'in', ACTIVE_STATES), eb('f.status', '=', 'error')]))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('vigil_observed as o').select('o.id').whereRef('o.id', '=', 'f.id'))))
        .execute()),
    );
  }
  return rows;
}

/** Updates rows that share the same new values in one statement per list of ids; returns rows updated. */
async function updateLifecycles<R extends { id: string }>(
  trx: Transaction<Database>,
  rows: readonly R[],
  values: (row: R) => Partial<Omit<FindingsTable, 'id'>>,
): Promise<number> {
  const groups = new Map<string, { values: Partial<Omit<FindingsTable, 'id'>>; ids: string[] }>();
  for (const row of rows) {
    const set = values(row);
    const key = JSON.stringify(set);
    const group = groups.get(key) ?? { values: set, ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    for (const ids of chunks(group.ids, IDS_PER_STATEMENT)) await trx.updateTable('findings').set(group.values).where('id', 'in', ids).execute();
  }
  return rows.length;
}

function exemptionEvent(finding: Finding, scan: ScanRef, event: 'applied' | 'lapsed', lapsed?: string | null): Omit<ExemptionEventsTable, 'id'> {
  // A lapsed exemption is the one the finding had; an applied one, the finding's own.
  const exemption = lapsed === undefined ? finding.exemption : lapsed === null ? undefined : (JSON.parse(lapsed) as Finding['exemption']);
  return {
    at: scan.observedAt,
    scan_id: scan.id,
    finding_id: finding.id,
    insight: finding.insight,
    resource_arn: finding.resource.arn,
    event,
    reason: exemption?.reason ?? null,
    approved_by: exemption?.approvedBy ?? null,
    expires: exemption?.expires ?? null,
  };
}

export interface FindingLifecycle {
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Absent when the finding has no lifecycle (it never failed). */
  readonly state: LifecycleState | undefined;
}

/**
 * The lifecycle of the findings of these accounts as the store has it now, for a scan's output:
 * first seen, state, and last seen (the scan's own time for what it listed, unless a newer scan saw it).
 */
export async function findingLifecycles(store: Store, accounts: readonly string[], observedAt: string): Promise<Map<string, FindingLifecycle>> {
  const lifecycles = new Map<string, FindingLifecycle>();
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    const rows = await store.db.selectFrom('findings').select(['id', 'first_seen_at', 'last_seen_at', 'state']).where('account_id', 'in', ids).execute();
    for (const row of rows) {
      lifecycles.set(row.id, {
        firstSeen: row.first_seen_at,
        lastSeen: row.last_seen_at > observedAt ? row.last_seen_at : observedAt,
        state: row.state ?? undefined,
      });
    }
  }
  return lifecycles;
}

export interface CrashedScan {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly source: string;
  readonly sourceFile: string | null;
  readonly packs: readonly string[];
  readonly error: string;
}

/** A scan that crashed is recorded as such — listed, never a reference, changing no finding. */
export async function recordCrashedScan(store: Store, scan: CrashedScan): Promise<void> {
  await store.transaction(async (trx) => {
    await trx
      .insertInto('scans')
      .values({
        id: scan.id,
        observed_at: scan.startedAt,
        started_at: scan.startedAt,
        finished_at: scan.finishedAt,
        recorded_at: scan.finishedAt,
        status: 'crashed',
        source: scan.source,
        source_file: scan.sourceFile,
        scope_key: '',
        accounts: '[]',
        packs: JSON.stringify(scan.packs),
        resources: 0,
        evaluations: 0,
        findings: 0,
        opened: 0,
        reopened: 0,
        resolved: 0,
        exempted: 0,
        previous_scan: null,
        error: scan.error,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  });
}
