/**
 * A scorecard input from the store's latest complete scan (`vigil scorecard --latest`): the
 * accounts it covered, each control's counts from that day's roll-ups, and the findings the store
 * holds open, exempt or in error for those accounts. The store keeps counts per control, not per
 * evaluation: a pack's counts are summed over its controls (as its trend and its change are, so the
 * three agree), and there is no by-insight view (that needs every verdict: `--findings`).
 */
import type { AccountEntry } from '../src/config/account-entry.js';
import type { Finding } from '../src/findings/finding.js';
import { addCounts, emptyCounts, type Counts } from '../src/findings/score.js';
import type { ResolvedPack } from '../src/packs/load-packs.js';
import { chunks, IDS_PER_STATEMENT } from '../src/store/batches.js';
import { listScans } from '../src/store/scan-list.js';
import type { Store } from '../src/store/store.js';
import { scorecardPack } from './scan-structure.js';
import { controlKey, type ScorecardInput } from './scorecard-input.js';

export type FromStore = { ok: true; input: ScorecardInput } | { ok: false; message: string };

export async function inputFromStore(
  store: Store,
  context: { readonly packs: readonly ResolvedPack[]; readonly accounts: ReadonlyMap<string, AccountEntry> },
): Promise<FromStore> {
  const latest = (await listScans(store, { limit: 200 })).find((scan) => scan.status === 'complete');
  if (latest === undefined) return { ok: false, message: `no complete scan recorded in the store ${store.description} yet` };
  const known = new Map(context.packs.map((pack) => [pack.id, pack]));
  const missing = latest.packs.filter((id) => !known.has(id));
  if (missing.length > 0) return { ok: false, message: `the latest scan ran packs this configuration does not load: ${missing.join(', ')} (give --config)` };

  const day = latest.observedAt.slice(0, 10);
  const counts = new Map<string, { controls: Map<string, Counts>; packs: Map<string, Counts>; insights: Map<string, Counts> }>();
  for (const id of latest.accounts) counts.set(id, { controls: new Map(), packs: new Map(), insights: new Map() });
  const issues: Finding[] = [];
  for (const ids of chunks(latest.accounts, IDS_PER_STATEMENT)) {
    const rollups = await store.db.selectFrom('daily_rollups').selectAll().where('day', '=', day).where('account_id', 'in', ids).execute();
    for (const row of rollups) {
      const account = counts.get(row.account_id);
      if (account === undefined || !latest.packs.includes(row.pack)) continue;
      const c: Counts = {
        pass: Number(row.pass),
        fail: Number(row.fail),
        error: Number(row.error),
        exempt: Number(row.exempt),
        notApplicable: Number(row.not_applicable),
      };
      account.controls.set(controlKey(row.pack, row.control), c);
      const pack = account.packs.get(row.pack) ?? emptyCounts();
      addCounts(pack, c);
      account.packs.set(row.pack, pack);
    }
    const rows = await store.db
      .selectFrom('findings')
      .selectAll()
      .where('account_id', 'in', ids)
      .where((eb) => eb.or([eb('state', 'in', ['open', 'reopened', 'exempt']), eb('status', '=', 'error')]))
      .where('status', 'in', ['fail', 'error', 'exempt'])
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const finding: Finding = {
        id: row.id,
        insight: row.insight,
        title: row.title,
        severity: row.severity as Finding['severity'],
        status: row.status as Finding['status'],
        resource: { arn: row.resource_arn, type: row.resource_type, accountId: row.account_id, region: row.region, name: row.resource_name },
        reason: row.reason,
        evidence: row.evidence === null ? null : (JSON.parse(row.evidence) as Record<string, unknown>),
        controls: JSON.parse(row.controls) as Finding['controls'],
        // The store keeps no fix: the scorecard shows none.
        remediation: { console: '', cli: '', docs: `docs/insights/${row.insight}.md` },
        firstSeen: row.first_seen_at,
        lastSeen: row.last_seen_at,
        ...(row.state !== null && { state: row.state }),
      };
      if (row.exemption !== null) finding.exemption = JSON.parse(row.exemption) as NonNullable<Finding['exemption']>;
      issues.push(finding);
    }
  }

  return {
    ok: true,
    input: {
      scanId: latest.id,
      collectedAt: latest.observedAt,
      accounts: latest.accounts.map((id) => {
        const entry = context.accounts.get(id);
        return {
          id,
          name: entry?.name ?? id,
          ...(entry?.environment !== undefined && { environment: entry.environment }),
          ...(entry?.tenant !== undefined && { tenant: entry.tenant }),
          ...(entry?.owner?.name !== undefined && { owner: entry.owner.name }),
        };
      }),
      packs: latest.packs.map((id) => scorecardPack(known.get(id)!)),
      insights: [],
      counts: counts,
      issues,
      coverage: [],
    },
  };
}
