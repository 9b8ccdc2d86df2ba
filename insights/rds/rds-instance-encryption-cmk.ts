import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { resolveKmsKeyReference } from '../../src/analysis/kms-key-reference.js';
import { rdsInstanceNotApplicable } from '../../src/analysis/rds-instance-scope.js';
import { isUnknown } from '../../src/model/unknown.js';

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
  lookups: ['AWS::KMS::Key'],
  params: Type.Object(
    {
      requiredKeyArns: Type.Array(Type.String({ pattern: '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$' }), {
        default: [],
        description: 'Key ARNs the instance must use (e.g. the bank key); empty accepts any customer-managed key of a trusted owner.',
      }),
      trustedKeyAccounts: Type.Array(Type.String({ pattern: '^[0-9]{12}$' }), {
        default: [],
        description: 'Accounts besides the instance account whose customer-managed keys are accepted (e.g. the bank that shares its key).',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(db, { params, inventory, verdict }) {
    const skip = rdsInstanceNotApplicable(db, { clusterSetting: 'storage encryption' });
    if (skip !== undefined) return verdict.notApplicable(skip);
    const { storageEncrypted, kmsKeyId } = db.config;
    if (isUnknown(storageEncrypted)) return verdict.unreadable('storage encryption', storageEncrypted);
    if (!storageEncrypted) return verdict.fail('the storage is not encrypted, so no customer-managed key protects it', { storageEncrypted });
    if (isUnknown(kmsKeyId)) return verdict.unreadable('KMS key id', kmsKeyId);

    const ref = resolveKmsKeyReference(kmsKeyId, db, inventory);
    if (ref.kind === 'service-default') {
      return verdict.fail('the storage is encrypted with the AWS-managed key aws/rds', { storageEncrypted, kmsKeyId });
    }
    if (ref.kind === 'aws-managed-alias') {
      return verdict.fail(`the storage is encrypted with the AWS-managed key ${ref.alias}`, { kmsKeyId });
    }
    const keyName = ref.keyArn ?? kmsKeyId;
    const evidence = { kmsKeyId, keyOwnerAccountId: ref.ownerAccountId, keyManager: ref.manager ?? 'unknown' };
    if (ref.manager === 'AWS') return verdict.fail(`the storage is encrypted with the AWS-managed key ${keyName}`, evidence);

    if (params.requiredKeyArns.length > 0) {
      // A key the configuration names is accepted whoever owns it; any other key fails, customer managed or not.
      if (ref.keyArn === undefined) {
        return verdict.error(`the key ${kmsKeyId} cannot be resolved to a key ARN to compare with the required keys`, evidence);
      }
      return params.requiredKeyArns.includes(ref.keyArn)
        ? verdict.pass(`the storage is encrypted with the required key ${ref.keyArn}`)
        : verdict.fail(`the storage is encrypted with ${ref.keyArn}, which is not one of the required keys`, {
            ...evidence,
            requiredKeyArns: params.requiredKeyArns,
          });
    }
    if (ref.crossAccount && !params.trustedKeyAccounts.includes(ref.ownerAccountId)) {
      return verdict.fail(`the storage is encrypted with ${keyName}, a key of account ${ref.ownerAccountId}, which is not a trusted key account`, {
        ...evidence,
        trustedKeyAccounts: params.trustedKeyAccounts,
      });
    }
    if (ref.manager === undefined) {
      // RDS names even aws/rds by its key ARN, so only the key itself tells who manages it.
      return verdict.error(`the key ${keyName} is not in the inventory, so whether it is customer managed or the AWS-managed aws/rds cannot be told`, evidence);
    }
    const owner = ref.crossAccount ? ` owned by trusted account ${ref.ownerAccountId}` : '';
    return verdict.pass(`the storage is encrypted with the customer-managed key ${keyName}${owner}`);
  },
});
