import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'kms-key-rotation',
  title: 'Customer-managed KMS keys rotate automatically',
  resourceType: 'AWS::KMS::Key',
  severity: 'medium',
  description:
    'Checks that symmetric customer-managed keys with AWS-generated key material (origin AWS_KMS) have automatic rotation enabled, with a rotation period no longer than the allowed maximum.',
  rationale:
    'Rotation limits how much data one version of key material protects and how long a leaked version stays useful. Imported (BYOK), CloudHSM and external key store keys cannot rotate automatically; their material age is judged by kms-key-imported-material-expiry.',
  remediation: {
    cli: 'aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365',
    console: 'KMS console > Customer managed keys > the key > Key rotation > Automatically rotate this KMS key every year.',
  },
  reads: { self: ['manager', 'origin', 'spec', 'state', 'rotation'] },
  params: Type.Object(
    { maxRotationPeriodDays: Type.Integer({ minimum: 90, maximum: 2560, default: 365, description: 'Longest accepted rotation period' }) },
    { additionalProperties: false },
  ),
  evaluate(key, { params, verdict }) {
    const { manager, origin, spec, state } = key.config;
    if (manager !== 'CUSTOMER') return verdict.notApplicable('AWS-managed keys are rotated by AWS every year');
    if (origin !== 'AWS_KMS') return verdict.notApplicable(`keys of origin ${origin} cannot rotate automatically`);
    if (spec !== 'SYMMETRIC_DEFAULT') return verdict.notApplicable(`${spec} keys cannot rotate automatically`);
    if (state === 'PendingDeletion') return verdict.notApplicable('the key is scheduled for deletion');
    const rotation = key.config.rotation;
    if (isUnknown(rotation)) return verdict.unreadable('rotation status', rotation);
    if (rotation === null || !rotation.enabled) return verdict.fail('automatic rotation is off', { rotation });
    if (rotation.periodDays !== null && rotation.periodDays > params.maxRotationPeriodDays) {
      return verdict.fail(`rotates every ${rotation.periodDays} days, more than ${params.maxRotationPeriodDays}`, { rotation });
    }
    return verdict.pass(`rotates every ${rotation.periodDays ?? 365} days`);
  },
});
