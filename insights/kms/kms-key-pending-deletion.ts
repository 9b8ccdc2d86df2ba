import { defineInsight } from '../../src/engine/define-insight.js';
import { daysUntil } from '../../src/analysis/time.js';

/** Key states other than scheduled deletion, each with what it means for the key's users. */
const otherStates: ReadonlyMap<string, string> = new Map([
  ['Enabled', 'in use'],
  ['Disabled', 'unusable until re-enabled, but recoverable'],
  ['PendingImport', 'awaiting imported key material, judged by kms-key-imported-material-expiry'],
  ['Unavailable', 'its custom key store is disconnected'],
  ['Creating', 'being created'],
  ['Updating', 'being updated'],
]);

function deletionOn(deletionDate: string, now: Date): string {
  const days = daysUntil(deletionDate, now);
  return days < 0 ? `on ${deletionDate}, a date already past` : `on ${deletionDate} (in ${days} days)`;
}

export default defineInsight({
  id: 'kms-key-pending-deletion',
  title: 'Customer-managed KMS keys are not scheduled for deletion',
  resourceType: 'AWS::KMS::Key',
  severity: 'high',
  description:
    'Checks that customer-managed KMS keys are not scheduled for deletion (state PendingDeletion, or PendingReplicaDeletion for a multi-Region primary key). Disabled keys pass: they are recoverable, and the state is named in the verdict.',
  rationale:
    'Once the waiting period ends, KMS deletes the key and nothing encrypted under it can ever be decrypted again: backups, snapshots and databases are lost for good. A scheduled deletion must be caught within the waiting period (7 to 30 days), while it can still be cancelled.',
  remediation: {
    cli: 'aws kms cancel-key-deletion --key-id <key-id>\naws kms enable-key --key-id <key-id>',
    console:
      'KMS console > Customer managed keys > the key > Key actions > Cancel key deletion, then Key actions > Enable (cancelling leaves the key disabled).',
  },
  reads: { self: ['manager', 'state', 'deletionDate'] },
  evaluate(key, { now, verdict }) {
    const { manager, state, deletionDate } = key.config;
    if (manager !== 'CUSTOMER') return verdict.notApplicable('AWS-managed keys cannot be scheduled for deletion');
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') {
      const when = deletionDate === null ? 'on a date KMS did not report' : deletionOn(deletionDate, now);
      const replicas = state === 'PendingReplicaDeletion' ? ', once its replica keys are deleted,' : '';
      return verdict.fail(`the key is scheduled for deletion${replicas} ${when}`, { state, deletionDate });
    }
    const meaning = otherStates.get(state);
    // A state KMS may add later could be a deletion state: it is never assumed safe.
    if (meaning === undefined) return verdict.error(`the key state ${state} is not one Vigil knows`, { state });
    return verdict.pass(`the key is not scheduled for deletion (state ${state}: ${meaning})`);
  },
});
