/**
 * `vigil history --since 7d`: the lifecycle changes in a window — opened, reopened, resolved,
 * remediated, exempted — with counts, for all accounts or one, all packs or one.
 */
import type { LifecycleState } from './database.js';
import type { Store } from './store.js';

export interface Change {
  readonly at: string;
  readonly state: LifecycleState;
  readonly by: string | null;
  readonly scan: string | null;
  readonly finding: {
    readonly id: string;
    readonly insight: string;
    readonly title: string;
    readonly severity: string;
    readonly resource: { readonly arn: string; readonly type: string; readonly accountId: string; readonly region: string; readonly name: string };
  };
}

export interface ChangeCounts {
  opened: number;
  reopened: number;
  resolved: number;
  remediated: number;
  exempted: number;
}

export interface HistoryWindow {
  readonly since: string;
  readonly until: string;
  readonly counts: ChangeCounts;
  readonly changes: readonly Change[];
}

export interface WindowFilter {
  readonly since: string;
  readonly until: string;
  readonly accountId?: string;
  readonly pack?: string;
}

const countOf: Record<LifecycleState, keyof ChangeCounts> = {
  open: 'opened',
  reopened: 'reopened',
  resolved: 'resolved',
  remediated: 'remediated',
  exempt: 'exempted',
};

export async function historyWindow(store: Store, filter: WindowFilter): Promise<HistoryWindow> {
  let query = store.db
    .selectFrom('transitions')
    .innerJoin('findings', 'findings.id', 'transitions.finding_id')
    .select([
      'transitions.at',
      'transitions.state',
      'transitions.by',
      'transitions.scan_id',
      'findings.id',
      'findings.insight',
      'findings.title',
      'findings.severity',
      'findings.resource_arn',
      'findings.resource_type',
      'findings.account_id',
      'findings.region',
      'findings.resource_name',
      'findings.controls',
    ])
    .where('transitions.at', '>', filter.since)
    .where('transitions.at', '<=', filter.until);
  if (filter.accountId !== undefined) query = query.where('transitions.account_id', '=', filter.accountId);
  const rows = await query.orderBy('transitions.at').orderBy('transitions.id').execute();
  const counts: ChangeCounts = { opened: 0, reopened: 0, resolved: 0, remediated: 0, exempted: 0 };
  const changes: Change[] = [];
  for (const row of rows) {
    if (filter.pack !== undefined && !(JSON.parse(row.controls) as { pack: string }[]).some((c) => c.pack === filter.pack)) continue;
    counts[countOf[row.state]]++;
    changes.push({
      at: row.at,
      state: row.state,
      by: row.by,
      scan: row.scan_id,
      finding: {
        id: row.id,
        insight: row.insight,
        title: row.title,
        severity: row.severity,
        resource: { arn: row.resource_arn, type: row.resource_type, accountId: row.account_id, region: row.region, name: row.resource_name },
      },
    });
  }
  return { since: filter.since, until: filter.until, counts, changes };
}
