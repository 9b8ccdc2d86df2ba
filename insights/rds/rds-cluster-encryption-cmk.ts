import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { customerManagedKeyParams, outsideTenantScope } from '../judges/customer-managed-key.js';
import { rdsBeingDeleted } from '../../src/analysis/rds-being-deleted.js';
import { judgeStorageKey } from '../judges/rds-storage-encryption.js';

export default defineInsight({
  id: 'rds-cluster-encryption-cmk',
  title: 'RDS DB clusters are encrypted with a customer-managed KMS key',
  resourceType: 'AWS::RDS::DBCluster',
  severity: 'high',
  description:
    'Checks that the storage of RDS DB clusters is encrypted with a customer-managed KMS key: one of the required keys when any are listed, otherwise any customer-managed key owned by the cluster account or by a trusted key account. The AWS-managed key aws/rds fails. It covers the member instances, whose key is the cluster key.',
  rationale:
    'With the AWS-managed key aws/rds, the key policy cannot be changed, access to the data cannot be revoked by disabling the key, and the key cannot be shared with another account. A customer-managed key (for a bank, its own key shared cross-account) keeps control of the data with its owner. Keys owned by an account that is neither the cluster account nor a trusted one fail: a key ARN copied from another tenant is the costliest mistake in a single-tenant fleet.',
  remediation: {
    cli: [
      'aws rds create-db-cluster-snapshot --db-cluster-identifier <db-cluster-id> --db-cluster-snapshot-identifier <snapshot-id>',
      'aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier <snapshot-id> --target-db-cluster-snapshot-identifier <snapshot-id>-cmk --kms-key-id <customer-managed-key-arn>',
      'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-db-cluster-id> --snapshot-identifier <snapshot-id>-cmk --engine <engine> --kms-key-id <customer-managed-key-arn>',
    ].join('\n'),
    console:
      'The key of a cluster cannot be changed in place: RDS console > Databases > the cluster > Actions > Take snapshot > Snapshots > the snapshot > Actions > Copy snapshot > AWS KMS key: the customer-managed key (its full ARN for a cross-account key) > restore the copy as a new cluster, add its instances and switch clients to it.',
  },
  reads: { self: ['status', 'storageEncrypted', 'kmsKeyId'], lookups: { 'AWS::KMS::Key': ['manager', 'aliases'] } },
  params: Type.Object(customerManagedKeyParams, { additionalProperties: false }),
  evaluate(cluster, { params, inventory, account, verdict }) {
    const outside = outsideTenantScope(params, account, verdict);
    if (outside !== undefined) return outside;
    const deleting = rdsBeingDeleted('cluster', cluster.config.status);
    if (deleting !== undefined) return verdict.notApplicable(deleting);
    const { storageEncrypted, kmsKeyId } = cluster.config;
    return judgeStorageKey({ storageEncrypted, kmsKeyId, owner: cluster }, params, inventory, verdict);
  },
});
