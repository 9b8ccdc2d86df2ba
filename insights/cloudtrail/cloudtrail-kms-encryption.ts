import { defineInsight } from '../../src/engine/define-insight.js';
import { trailOfAnotherAccount } from '../judges/trail-owner.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'cloudtrail-kms-encryption',
  title: 'CloudTrail logs are encrypted with a KMS key',
  resourceType: 'AWS::CloudTrail::Trail',
  severity: 'medium',
  description: 'Checks that each trail encrypts its log files with SSE-KMS (a KmsKeyId is set) rather than the bucket default alone.',
  rationale:
    'With SSE-KMS, reading the audit trail needs both access to the bucket and kms:Decrypt on a key whose policy names the auditors; a reader of the bucket alone learns nothing, and every decryption is itself logged (CIS AWS 4.5).',
  remediation: {
    cli: 'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>  # the key policy must allow cloudtrail.amazonaws.com to GenerateDataKey*',
    console:
      'CloudTrail console > Trails > the trail > General details > Edit > Log file SSE-KMS encryption: Enabled > choose or create the key > Save changes.',
  },
  reads: { self: ['kmsKeyId'] },
  evaluate(trail, { verdict }) {
    const other = trailOfAnotherAccount(trail, verdict);
    if (other !== undefined) return other;
    const key = trail.config.kmsKeyId;
    if (isUnknown(key)) return verdict.unreadable('KMS key of the trail', key);
    return key === null
      ? verdict.fail('the trail does not encrypt its logs with a KMS key', { kmsKeyId: null })
      : verdict.pass(`the trail encrypts its logs with ${key}`);
  },
});
