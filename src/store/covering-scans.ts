/**
 * The complete scans that covered a finding: the newer ones a late scan must defer to, and the
 * latest one that saw a finding unchanged — the store does not write a finding a scan saw
 * unchanged, so its last seen is the last complete scan that covered it since it was written.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import { isAfter, type ScanPosition } from './scan-order.js';
import { covers, type FindingCell, type ScanScope } from './scan-scope.js';
import { loadScanScopes } from './scan-scopes.js';

export interface ScanRef extends ScanPosition {
  readonly id: string;
}

type Handle = Kysely<Database> | Transaction<Database>;

const PAGE = 16;

export class CoveringScans {
  private readonly scopes = new Map<string, ScanScope>();
  private loaded = 0;

  private constructor(
    private readonly db: Handle,
    /** Newest first. */
    readonly scans: readonly ScanRef[],
  ) {}

  /** Complete scans of any of the accounts after `after` (if given) and before `before` (if given). */
  static async load(db: Handle, accounts: readonly string[], window: { after?: ScanPosition; before?: ScanPosition }): Promise<CoveringScans> {
    const byId = new Map<string, ScanRef>();
    for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
      let query = db
        .selectFrom('scans')
        .select(['id', 'seq', 'observed_at'])
        .where('status', '=', 'complete')
        .where('id', 'in', (eb) => eb.selectFrom('scan_regions').select('scan_id').where('account_id', 'in', ids));
      const { after, before } = window;
      if (after !== undefined) {
        query = query.where((eb) =>
          eb.or([eb('observed_at', '>', after.observedAt), eb.and([eb('observed_at', '=', after.observedAt), eb('seq', '>', after.seq)])]),
        );
      }
      if (before !== undefined) {
        query = query.where((eb) =>
          eb.or([eb('observed_at', '<', before.observedAt), eb.and([eb('observed_at', '=', before.observedAt), eb('seq', '<', before.seq)])]),
        );
      }
      for (const row of await query.execute()) byId.set(row.id, { id: row.id, seq: Number(row.seq), observedAt: row.observed_at });
    }
    const scans = [...byId.values()].sort((a, b) => (isAfter(a, b) ? -1 : isAfter(b, a) ? 1 : 0));
    return new CoveringScans(db, scans);
  }

  get size(): number {
    return this.scans.length;
  }

  /** The newest scan covering the cell after `after`. */
  async latestCovering(cell: FindingCell, after: ScanPosition): Promise<ScanRef | undefined> {
    for (let i = 0; i < this.scans.length; i++) {
      const scan = this.scans[i]!;
      if (!isAfter(scan, after)) return undefined;
      if (covers(await this.scopeAt(i), cell)) return scan;
    }
    return undefined;
  }

  /** The oldest scan covering the cell (of those loaded). */
  async earliestCovering(cell: FindingCell): Promise<ScanRef | undefined> {
    for (let i = this.scans.length - 1; i >= 0; i--) {
      if (covers(await this.scopeAt(i), cell)) return this.scans[i];
    }
    return undefined;
  }

  private async scopeAt(index: number): Promise<ScanScope> {
    while (index >= this.loaded) {
      const page = this.scans.slice(this.loaded, this.loaded + PAGE);
      const scopes = await loadScanScopes(
        this.db,
        page.map((scan) => scan.id),
      );
      for (const [id, scope] of scopes) this.scopes.set(id, scope);
      this.loaded += page.length;
    }
    return this.scopes.get(this.scans[index]!.id)!;
  }
}
