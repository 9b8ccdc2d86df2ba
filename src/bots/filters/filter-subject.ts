/** What a bot filter looks at: one resource as read, its account, its findings, the run's clock. */
import type { AccountEntry } from '../../config/account-entry.js';
import type { FindingStatus } from '../../findings/finding.js';
import type { Resource } from '../../model/resource.js';

export interface FilterSubject {
  readonly resource: Resource;
  readonly account: AccountEntry;
  /** insight id → the status of its finding on this resource (after exemptions). */
  readonly findings: ReadonlyMap<string, FindingStatus>;
  /** The run's clock (`--now`), never `Date.now()`. */
  readonly now: Date;
}
