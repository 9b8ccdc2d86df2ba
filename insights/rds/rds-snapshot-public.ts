import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'rds-snapshot-public',
  title: 'RDS DB snapshots are not public',
  resourceType: 'AWS::RDS::DBSnapshot',
  severity: 'critical',
  description:
    'Checks that the restore attribute of manual RDS DB snapshots does not contain "all", which lets every AWS account copy the snapshot and restore the database from it.',
  rationale:
    'A public snapshot is a full copy of the database that anyone with an AWS account can restore, outside every control of this account. Automated snapshots cannot be shared, and snapshots other accounts share with this one are theirs to fix.',
  remediation: {
    cli: 'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot-id> --attribute-name restore --values-to-remove all',
    console: 'RDS console > Snapshots > Manual > the snapshot > Actions > Share snapshot > DB snapshot visibility: Private > Save.',
  },
  reads: { self: ['snapshotType', 'restoreAccounts', 'encrypted'] },
  evaluate(snapshot, { verdict }) {
    const { snapshotType, restoreAccounts, encrypted } = snapshot.config;
    if (snapshotType === 'automated') return verdict.notApplicable('automated snapshots cannot be shared');
    if (snapshotType === 'shared' || snapshotType === 'public') {
      return verdict.notApplicable(`a ${snapshotType} snapshot of another account: its owner controls who may restore it`);
    }
    if (isUnknown(restoreAccounts)) {
      // RDS refuses to make an encrypted snapshot public, so encryption alone proves it is not.
      if (encrypted === true) return verdict.pass('the snapshot is encrypted, and RDS does not allow encrypted snapshots to be public');
      return verdict.unreadable('restore attribute', restoreAccounts);
    }
    if (restoreAccounts.includes('all')) {
      return verdict.fail('the snapshot is public: any AWS account can restore it', { restoreAccounts });
    }
    const shared = restoreAccounts.length === 0 ? '' : `; shared with ${restoreAccounts.join(', ')}`;
    return verdict.pass(`the snapshot is not public${shared}`);
  },
});
