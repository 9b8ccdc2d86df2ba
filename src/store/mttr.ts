/**
 * Mean time to remediate over a window, the figure SOC 2 auditors ask for: for each finding
 * resolved or remediated in the window, the time from the start of that failing period (its first
 * transition after the previous resolution) to the resolution; per severity, account and pack
 * control.
 */
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import type { Store } from './store.js';

export interface MttrFigure {
  /** Findings resolved or remediated in the window. */
  readonly resolved: number;
  readonly meanDays: number;
  readonly medianDays: number;
}

export interface MttrReport {
  readonly since: string;
  readonly until: string;
  readonly overall: MttrFigure | null;
  readonly bySeverity: readonly (MttrFigure & { readonly severity: string })[];
  readonly byAccount: readonly (MttrFigure & { readonly accountId: string })[];
  readonly byControl: readonly (MttrFigure & { readonly pack: string; readonly control: string })[];
}

const DAY_MS = 86_400_000;

export async function meanTimeToRemediate(store: Store, window: { since: string; until: string; accountId?: string }): Promise<MttrReport> {
  let query = store.db
    .selectFrom('transitions')
    .select(['finding_id'])
    .where('state', 'in', ['resolved', 'remediated'])
    .where('at', '>', window.since)
    .where('at', '<=', window.until);
  if (window.accountId !== undefined) query = query.where('account_id', '=', window.accountId);
  const ids = [...new Set((await query.execute()).map((row) => row.finding_id))];

  const durations: { severity: string; accountId: string; controls: { pack: string; control: string }[]; days: number }[] = [];
  for (const batch of chunks(ids, IDS_PER_STATEMENT)) {
    const findings = new Map(
      (await store.db.selectFrom('findings').select(['id', 'severity', 'account_id', 'controls']).where('id', 'in', batch).execute()).map((row) => [
        row.id,
        row,
      ]),
    );
    const transitions = await store.db
      .selectFrom('transitions')
      .select(['finding_id', 'state', 'at'])
      .where('finding_id', 'in', batch)
      .where('at', '<=', window.until)
      .orderBy('finding_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    let periodStart: string | undefined;
    let current: string | undefined;
    for (const t of transitions) {
      if (t.finding_id !== current) {
        current = t.finding_id;
        periodStart = undefined;
      }
      if (t.state === 'resolved' || t.state === 'remediated') {
        const finding = findings.get(t.finding_id);
        if (periodStart !== undefined && t.at > window.since && finding !== undefined) {
          durations.push({
            severity: finding.severity,
            accountId: finding.account_id,
            controls: JSON.parse(finding.controls) as { pack: string; control: string }[],
            days: (Date.parse(t.at) - Date.parse(periodStart)) / DAY_MS,
          });
        }
        periodStart = undefined;
      } else periodStart ??= t.at;
    }
  }

  const group = <K extends string>(keyOf: (d: (typeof durations)[number]) => K[]): Map<K, number[]> => {
    const groups = new Map<K, number[]>();
    for (const d of durations) {
      for (const key of keyOf(d)) {
        const list = groups.get(key);
        if (list === undefined) groups.set(key, [d.days]);
        else list.push(d.days);
      }
    }
    return groups;
  };
  const sorted = <T>(entries: [string, number[]][], make: (key: string, figure: MttrFigure) => T) =>
    entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, days]) => make(key, figure(days)));
  return {
    since: window.since,
    until: window.until,
    overall: durations.length === 0 ? null : figure(durations.map((d) => d.days)),
    bySeverity: sorted([...group((d) => [d.severity])], (severity, f) => ({ severity, ...f })),
    byAccount: sorted([...group((d) => [d.accountId])], (accountId, f) => ({ accountId, ...f })),
    byControl: sorted([...group((d) => d.controls.map((c) => `${c.pack}\u0000${c.control}`))], (key, f) => {
      const [pack, control] = key.split('\u0000') as [string, string];
      return { pack, control, ...f };
    }),
  };
}

function figure(days: readonly number[]): MttrFigure {
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const mean = sorted.reduce((sum, d) => sum + d, 0) / sorted.length;
  return { resolved: sorted.length, meanDays: round(mean), medianDays: round(median) };
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}
