/** `vigil history --finding ID`: a finding and every transition of its lifecycle. */
import type { Store } from './store.js';
import type { LifecycleState } from './database.js';
import { storedFinding, type StoredFinding } from './stored-finding.js';

export interface TransitionView {
  readonly state: LifecycleState;
  readonly at: string;
  /** The scan that saw it; null for a bot's remediation. */
  readonly scan: string | null;
  /** Who: `owner` or a bot's id for a resolution, the approver for an exemption; null when nobody in particular. */
  readonly by: string | null;
}

export interface FindingHistory {
  readonly finding: StoredFinding;
  readonly transitions: readonly TransitionView[];
}

export type FindingLookup = { ok: true; history: FindingHistory } | { ok: false; message: string };

/** The finding with this id, or with this unique id prefix (at least 6 characters). */
export async function findingHistory(store: Store, id: string): Promise<FindingLookup> {
  if (!/^[0-9a-f]{6,32}$/.test(id))
    return { ok: false, message: `--finding: '${id}' is not a finding id (32 hexadecimal digits, or a unique prefix of 6 or more)` };
  const rows = await store.db.selectFrom('findings').selectAll().where('id', 'like', `${id}%`).limit(2).execute();
  if (rows.length === 0) return { ok: false, message: `--finding: no finding ${id} in the store ${store.description}` };
  if (rows.length > 1) return { ok: false, message: `--finding: more than one finding starts with ${id}; give more of the id` };
  const finding = await storedFinding(store.db, rows[0]!);
  const transitions = await store.db
    .selectFrom('transitions')
    .select(['state', 'at', 'scan_id', 'by'])
    .where('finding_id', '=', rows[0]!.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { ok: true, history: { finding, transitions: transitions.map((t) => ({ state: t.state, at: t.at, scan: t.scan_id, by: t.by })) } };
}
