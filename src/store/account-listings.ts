/**
 * Per account, a digest of the findings the store lists — open, reopened, exempt or in error:
 * the XOR of the first 128 bits of each one's content digest (which covers its id, verdict and
 * every field), and their count. A scan listing exactly those findings, unchanged, has the same
 * digest: the recorder then skips the account without comparing a single finding. The recorder
 * and a bot's remediation keep it up to date, under the account's lock, as they change rows.
 */
import type { Transaction } from 'kysely';
import type { BulkWriter } from './bulk-write.js';
import type { Database, LifecycleState, StoredStatus } from './database.js';
import { chunks, IDS_PER_STATEMENT } from './batches.js';
import { isActive } from './lifecycle.js';

export class ListingDigest {
  private readonly words = new Uint32Array(4);
  count = 0;

  /** Adds or removes (XOR is its own inverse) a finding by its content digest (base64 SHA-1). */
  toggle(contentDigest: string, sign: 1 | -1): void {
    const bytes = Buffer.from(contentDigest, 'base64');
    for (let i = 0; i < 4; i++) this.words[i]! ^= bytes.readUInt32BE(i * 4);
    this.count += sign;
  }

  get hex(): string {
    return [...this.words].map((word) => word.toString(16).padStart(8, '0')).join('');
  }

  static of(hex: string, count: number): ListingDigest {
    const digest = new ListingDigest();
    for (let i = 0; i < 4; i++) digest.words[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
    digest.count = count;
    return digest;
  }

  equals(other: ListingDigest): boolean {
    return this.count === other.count && this.hex === other.hex;
  }
}

/** Whether a row counts in its account's listing. */
export function isListed(row: { readonly state: LifecycleState | null; readonly status: StoredStatus }): boolean {
  return isActive(row.state) || row.status === 'error';
}

export interface AccountListing {
  readonly digest: ListingDigest;
  /** Every finding row of the account, listed or not (none: whatever a scan lists is new). */
  readonly rows: number;
}

export async function loadListings(trx: Transaction<Database>, accounts: readonly string[]): Promise<Map<string, AccountListing>> {
  const listings = new Map<string, AccountListing>();
  for (const ids of chunks(accounts, IDS_PER_STATEMENT)) {
    for (const row of await trx.selectFrom('account_listings').selectAll().where('account_id', 'in', ids).execute()) {
      listings.set(row.account_id, { digest: ListingDigest.of(row.digest, Number(row.findings)), rows: Number(row.rows) });
    }
  }
  return listings;
}

/** Changes to the listing digests, as rows are written. */
export class ListingChanges {
  private readonly changed = new Map<string, { digest: ListingDigest; rows: number }>();

  constructor(private readonly current: ReadonlyMap<string, AccountListing>) {}

  /** A row of the account goes from `before` (undefined: it did not exist) to `after`. */
  change(
    accountId: string,
    before: { readonly state: LifecycleState | null; readonly status: StoredStatus; readonly content_hash: string } | undefined,
    after: { readonly state: LifecycleState | null; readonly status: StoredStatus; readonly content_hash: string },
  ): void {
    const wasListed = before !== undefined && isListed(before);
    const listed = isListed(after);
    if (before !== undefined && !wasListed && !listed) return;
    if (wasListed && listed && before.content_hash === after.content_hash) return;
    let entry = this.changed.get(accountId);
    if (entry === undefined) {
      const base = this.current.get(accountId);
      entry = base === undefined ? { digest: new ListingDigest(), rows: 0 } : { digest: ListingDigest.of(base.digest.hex, base.digest.count), rows: base.rows };
      this.changed.set(accountId, entry);
    }
    if (before === undefined) entry.rows++;
    if (wasListed) entry.digest.toggle(before.content_hash, -1);
    if (listed) entry.digest.toggle(after.content_hash, 1);
  }

  async write(trx: Transaction<Database>, bulk: BulkWriter): Promise<void> {
    const rows = [...this.changed].map(([accountId, { digest, rows }]) => ({ account_id: accountId, digest: digest.hex, findings: digest.count, rows }));
    await bulk.insert(trx, 'account_listings', rows, { columns: ['account_id'], update: ['digest', 'findings', 'rows'] });
  }
}
