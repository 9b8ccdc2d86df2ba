/**
 * Records a scan: its scope, and what it changed in each finding's lifecycle — and only that.
 * A finding the scan saw unchanged is not written (its last seen is the last complete scan that
 * covered it, covering-scans.ts), so a second identical scan writes its own row and little else.
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
import type { Transaction } from 'kysely';
import type { Finding } from '../findings/finding.js';
import { chunks, IDS_PER_STATEMENT, rowsPerStatement } from './batches.js';
import { CoveringScans, type ScanRef } from './covering-scans.js';
import { writeRollups, ROLLUP_DAYS, type RollupCounts } from './daily-rollups.js';
import type { Database, ExemptionEventsTable, FindingsTable, LifecycleState, ScanStatus, StoredStatus, TransitionsTable } from './database.js';
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
  readonly observations: readonly ObservedFinding[];
  /** The scan's findings with these ids (read back from its spool). */
  readonly findingsOf: (ids: ReadonlySet<string>) => AsyncIterable<Finding>;
  /** The parameter variant the finding's insight ran with ('' when it ran with one set). */
  readonly variantOf: (finding: Finding) => string;
  readonly rollups: readonly RollupCounts[];
  readonly recordedAt: string;
  /** Raw scans older than this many days (before the recorded scan's time) are pruned. */
  readonly keepScansDays: number;
}

export interface FindingLifecycle {
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Absent when the finding has no lifecycle (it never failed). */
  readonly state: LifecycleState | undefined;
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
  /** Lifecycle of the findings the scan listed, by id (those without a row are new and passing). */
  readonly lifecycle: ReadonlyMap<string, FindingLifecycle>;
}

type Transition = Omit<TransitionsTable, 'id'>;

interface Counters {
  opened: number;
  reopened: number;
  resolved: number;
  exempted: number;
}

const ACTIVE_STATES: readonly LifecycleState[] = ['open', 'reopened', 'exempt'];

export async function recordScan(store: Store, scan: ScanToRecord): Promise<RecordedScan> {
  const accounts = [...scan.scope.regions.keys()].sort();
  return store.transaction(async (trx) => {
    await lockNames(trx, store.engine, accounts.map((account) => `account:${account}`));

    const already = await trx.selectFrom('scans').select(['seq', 'previous_scan']).where('id', '=', scan.id).executeTakeFirst();
    if (already !== undefined) {
      return { ...emptyResult(Number(already.seq), already.previous_scan), lifecycle: await currentLifecycle(trx, scan) };
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
        findings: scan.observations.length,
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
    await saveScanScope(trx, scan.id, scan.scope);

    // Complete scans of these accounts newer than this one: what they covered, they have decided.
    const newer = await CoveringScans.load(trx, accounts, { after: self });
    const rows = await activeRows(trx, accounts);
    const counters: Counters = { opened: 0, reopened: 0, resolved: 0, exempted: 0 };
    const transitions: Transition[] = [];
    const exemptionEvents: Omit<ExemptionEventsTable, 'id'>[] = [];
    const lifecycle = new Map<string, FindingLifecycle>();
    const seen = new Set<string>();
    let late = 0;
    let written = 0;

    // Rows of findings listed but not active (resolved, remediated): a fail reopens them.
    const missing = scan.observations.filter((o) => !rows.has(o.id) && o.status !== 'pass' && o.status !== 'not-applicable').map((o) => o.id);
    for (const row of await rowsById(trx, missing)) rows.set(row.id, row);

    const note = (row: LifecycleRow | FindingsTable) =>
      lifecycle.set(row.id, {
        firstSeen: row.first_seen_at,
        lastSeen: row.last_seen_at > scan.observedAt ? row.last_seen_at : scan.observedAt,
        state: row.state ?? undefined,
      });
    const transition = (row: { id: string; account_id: string }, state: LifecycleState, at: ScanRef, by: string | null) => {
      transitions.push({ finding_id: row.id, account_id: row.account_id, state, at: at.observedAt, scan_id: at.id, scan_seq: at.seq, by });
      if (at.id !== scan.id) return;
      if (state === 'open') counters.opened++;
      else if (state === 'reopened') counters.reopened++;
      else if (state === 'resolved') counters.resolved++;
      else if (state === 'exempt') counters.exempted++;
    };

    // 1. What the scan listed. Rows needing the finding's content are written in step 2.
    const needContent = new Map<string, ObservedFinding>();
    const passedRows: LifecycleRow[] = [];
    const touchedRows: LifecycleRow[] = [];
    for (const observed of scan.observations) {
      seen.add(observed.id);
      const row = rows.get(observed.id);
      if (row === undefined) {
        if (observed.status !== 'pass' && observed.status !== 'not-applicable') needContent.set(observed.id, observed);
        continue;
      }
      if (isAfter(lastSeenOf(row), self) || (await newer.latestCovering(cellOfRow(row), self)) !== undefined) {
        late++;
        note(row);
        continue;
      }
      const step = nextLifecycle(row.state, observed.status);
      if (observed.status === 'pass' || observed.status === 'not-applicable') {
        if (step.transition !== undefined || row.status === 'error') passedRows.push({ ...row, status: observed.status, state: step.state });
        else note(row);
        continue;
      }
      if (step.transition !== undefined || observed.digest !== row.content_hash || observed.status !== row.status) needContent.set(observed.id, observed);
      else if (scan.status === 'degraded') touchedRows.push(row);
      else note(row);
    }

    // 2. New and changed findings, read back from the scan's findings.
    const upserts: FindingsTable[] = [];
    const flushUpserts = async () => {
      written += upserts.length;
      for (const batch of chunks(upserts.splice(0), rowsPerStatement(25))) await upsertFindings(trx, batch);
    };
    if (needContent.size > 0) {
      for await (const finding of scan.findingsOf(new Set(needContent.keys()))) {
        const observed = needContent.get(finding.id);
        if (observed === undefined) continue;
        needContent.delete(finding.id);
        const before = rows.get(finding.id);
        const variant = before?.variant ?? scan.variantOf(finding);
        const step = nextLifecycle(before?.state ?? null, observed.status);
        const by = step.transition === 'exempt' ? (finding.exemption?.approvedBy ?? null) : null;
        let row = findingRow(finding, {
          variant,
          digest: observed.digest ?? '',
          state: step.state,
          seen: self,
          firstSeen: before === undefined ? { at: self.observedAt, scan: self.id } : { at: before.first_seen_at, scan: before.first_seen_scan },
          resolved:
            before !== undefined && step.transition === undefined && before.resolved_at !== null
              ? { at: before.resolved_at, by: before.resolved_by ?? 'owner', scan: before.resolved_scan ?? '' }
              : undefined,
        });
        if (step.transition !== undefined) transition(row, step.transition, self, by);
        if (before === undefined && isActive(step.state)) {
          // Seen by a late scan only: a newer scan that covered it did not list it.
          const overtaken = await newer.earliestCovering(cellOfFinding(finding, variant));
          if (overtaken !== undefined) {
            late++;
            row = { ...row, state: 'resolved', status: 'absent', resolved_at: overtaken.observedAt, resolved_by: 'owner', resolved_scan: overtaken.id };
            transition(row, 'resolved', overtaken, 'owner');
          }
        }
        const wasExempt = before?.status === 'exempt';
        if (finding.status === 'exempt' && !wasExempt) exemptionEvents.push(exemptionEvent(finding, self, 'applied'));
        if (finding.status === 'fail' && wasExempt) exemptionEvents.push(exemptionEvent(finding, self, 'lapsed', before.exemption));
        upserts.push(row);
        note(row);
        if (upserts.length >= 5_000) await flushUpserts();
      }
    }
    if (needContent.size > 0) throw new Error(`recordScan: ${needContent.size} listed findings are missing from the scan's findings`);
    await flushUpserts();

    // Seen passing: resolved by its owner (a bot's fix is recorded as remediated by the bot).
    for (const row of passedRows) {
      if (row.state === 'resolved') transition(row, 'resolved', self, 'owner');
    }
    written += await updateLifecycles(trx, passedRows, (row) => ({
      status: row.status,
      state: row.state,
      last_seen_at: self.observedAt,
      last_seen_scan: self.id,
      last_seen_seq: self.seq,
      ...(row.state === 'resolved' && { resolved_at: self.observedAt, resolved_by: 'owner', resolved_scan: self.id }),
    }));
    for (const row of passedRows) note({ ...row, last_seen_at: self.observedAt });

    // A degraded scan proves presence, not absence: it writes when it saw what it saw.
    written += await updateLifecycles(trx, touchedRows, () => ({ last_seen_at: self.observedAt, last_seen_scan: self.id, last_seen_seq: self.seq }));
    for (const row of touchedRows) note({ ...row, last_seen_at: self.observedAt });

    // 3. Absent: resolved, if the scan covered it and is complete.
    if (scan.status === 'complete') {
      const absent: LifecycleRow[] = [];
      for (const row of rows.values()) {
        if (seen.has(row.id) || !(isActive(row.state) || row.status === 'error')) continue;
        if (!covers(scan.scope, cellOfRow(row))) continue;
        if (isAfter(lastSeenOf(row), self) || (await newer.latestCovering(cellOfRow(row), self)) !== undefined) continue;
        absent.push(row);
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
        resolvedRows.push({ ...row, state: step.state, status: 'absent', seenAt });
      }
      written += await updateLifecycles(trx, resolvedRows, (row) => ({
        status: 'absent' as StoredStatus,
        state: row.state,
        last_seen_at: row.seenAt.observedAt,
        last_seen_scan: row.seenAt.id,
        last_seen_seq: row.seenAt.seq,
        ...(row.state === 'resolved' && { resolved_at: self.observedAt, resolved_by: 'owner', resolved_scan: self.id }),
      }));
    }

    for (const batch of chunks(transitions, rowsPerStatement(7))) await trx.insertInto('transitions').values(batch).execute();
    for (const batch of chunks(exemptionEvents, rowsPerStatement(10))) await trx.insertInto('exemption_events').values(batch).execute();
    await trx
      .updateTable('scans')
      .set({ opened: counters.opened, reopened: counters.reopened, resolved: counters.resolved, exempted: counters.exempted })
      .where('id', '=', scan.id)
      .execute();
    const rollups = await writeRollups(trx, self, scan.rollups);
    // One writer prunes at a time; the others leave it to the next scan.
    if (await tryLockName(trx, store.engine, 'prune')) await prune(trx, scan.observedAt, scan.keepScansDays);

    return { seq: self.seq, previousScan: previous?.id ?? null, alreadyRecorded: false, ...counters, written, late, rollups, lifecycle };
  });
}

function emptyResult(seq: number, previousScan: string | null): Omit<RecordedScan, 'lifecycle'> {
  return { seq, previousScan, alreadyRecorded: true, opened: 0, reopened: 0, resolved: 0, exempted: 0, written: 0, late: 0, rollups: 0 };
}

/** Rows whose absence from a covering scan changes something: open, reopened or exempt findings, and errors. */
async function activeRows(trx: Transaction<Database>, accounts: readonly string[]): Promise<Map<string, LifecycleRow>> {
  const rows = new Map<string, LifecycleRow>();
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    const found = await trx
      .selectFrom('findings')
      .select(lifecycleColumns)
      .where('account_id', 'in', ids)
      .where((eb) => eb.or([eb('state', 'in', ACTIVE_STATES), eb('status', '=', 'error')]))
      .execute();
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}

async function rowsById(trx: Transaction<Database>, ids: readonly string[]): Promise<LifecycleRow[]> {
  const rows: LifecycleRow[] = [];
  for (const batch of chunks(ids, IDS_PER_STATEMENT)) rows.push(...(await trx.selectFrom('findings').select(lifecycleColumns).where('id', 'in', batch).execute()));
  return rows;
}

async function upsertFindings(trx: Transaction<Database>, rows: FindingsTable[]): Promise<void> {
  await trx
    .insertInto('findings')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        insight: eb.ref('excluded.insight'),
        variant: eb.ref('excluded.variant'),
        account_id: eb.ref('excluded.account_id'),
        region: eb.ref('excluded.region'),
        resource_type: eb.ref('excluded.resource_type'),
        resource_arn: eb.ref('excluded.resource_arn'),
        resource_name: eb.ref('excluded.resource_name'),
        title: eb.ref('excluded.title'),
        severity: eb.ref('excluded.severity'),
        status: eb.ref('excluded.status'),
        state: eb.ref('excluded.state'),
        reason: eb.ref('excluded.reason'),
        evidence: eb.ref('excluded.evidence'),
        controls: eb.ref('excluded.controls'),
        exemption: eb.ref('excluded.exemption'),
        content_hash: eb.ref('excluded.content_hash'),
        last_seen_at: eb.ref('excluded.last_seen_at'),
        last_seen_scan: eb.ref('excluded.last_seen_scan'),
        last_seen_seq: eb.ref('excluded.last_seen_seq'),
        resolved_at: eb.ref('excluded.resolved_at'),
        resolved_by: eb.ref('excluded.resolved_by'),
        resolved_scan: eb.ref('excluded.resolved_scan'),
      })),
    )
    .execute();
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

/** The lifecycle of an already recorded scan's findings, as the store has it now. */
async function currentLifecycle(trx: Transaction<Database>, scan: ScanToRecord): Promise<Map<string, FindingLifecycle>> {
  const lifecycle = new Map<string, FindingLifecycle>();
  const ids = scan.observations.map((o) => o.id);
  for (const row of await rowsById(trx, ids)) {
    lifecycle.set(row.id, { firstSeen: row.first_seen_at, lastSeen: row.last_seen_at > scan.observedAt ? row.last_seen_at : scan.observedAt, state: row.state ?? undefined });
  }
  return lifecycle;
}

/** Raw scans (and their scopes) past the retention, roll-ups past 400 days. */
async function prune(trx: Transaction<Database>, observedAt: string, keepScansDays: number): Promise<void> {
  const day = 86_400_000;
  const scansBefore = new Date(Date.parse(observedAt) - keepScansDays * day).toISOString();
  const old = trx.selectFrom('scans').select('id').where('observed_at', '<', scansBefore);
  await trx.deleteFrom('scan_regions').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scan_insights').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scan_gaps').where('scan_id', 'in', old).execute();
  await trx.deleteFrom('scans').where('observed_at', '<', scansBefore).execute();
  const rollupsBefore = new Date(Date.parse(observedAt) - ROLLUP_DAYS * day).toISOString().slice(0, 10);
  await trx.deleteFrom('daily_rollups').where('day', '<', rollupsBefore).execute();
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
