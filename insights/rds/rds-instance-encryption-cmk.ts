import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { customerManagedKeyParams, outsideTenantScope } from '../judges/customer-managed-key.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { judgeStorageKey } from '../judges/rds-storage-encryption.js';

export default defineInsight({
  id: 'rds-instance-encryption-cmk',
  title: 'RDS DB instances are encrypted with a customer-managed KMS key',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'high',
  description:
    'Checks that the storage of RDS DB instances is encrypted with a customer-managed KMS key: one of the required keys when any are listed, otherwise any customer-managed key owned by the instance account or by a trusted key account. The AWS-managed key aws/rds fails.',
  rationale:
    'With the AWS-managed key aws/rds, the key policy cannot be changed, access to the data cannot be revoked by disabling the key, and the key cannot be shared with another account. A customer-managed key (for a bank, its own key shared cross-account) keeps control of the data with its owner. Keys owned by an account that is neither the instance account nor a trusted one fail: a key ARN copied from another tenant is the costliest mistake in a single-tenant fleet.',
  remediation: {
    cli: [
      'aws rds create-db-snapshot --db-instance-identifier <db-instance-id> --db-snapshot-identifier <snapshot-id>',
      'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot-id> --target-db-snapshot-identifier <snapshot-id>-cmk --kms-key-id <customer-managed-key-arn>',
      'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-db-instance-id> --db-snapshot-identifier <snapshot-id>-cmk',
    ].join('\n'),
    console:
      'The key of an instance cannot be changed in place: RDS console > Snapshots > take a snapshot > Actions > Copy snapshot > AWS KMS key: the customer-managed key (its full ARN for a cross-account key) > restore the copy as a new instance and switch clients to it.',
  },
  reads: { self: ['status', 'clusterIdentifier', 'storageEncrypted', 'kmsKeyId'], lookups: { 'AWS::KMS::Key': ['manager', 'aliases'] } },
  params: Type.Object(customerManagedKeyParams, { additionalProperties: false }),
  evaluate(db, { params, inventory, account, verdict }) {
    const outside = outsideTenantScope(params, account, verdict);
    if (outside !== undefined) return outside;
    const skip = rdsInstanceNotApplicable(db, { clusterSetting: 'storage encryption' });
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { storageEncrypted, kmsKeyId } = db.config;
    return judgeStorageKey({ storageEncrypted, kmsKeyId, owner: db }, params, inventory, verdict);
  },
});
