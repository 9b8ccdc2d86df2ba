import { defineInsight } from '../../src/engine/define-insight.js';
import { isUnknown } from '../../src/model/unknown.js';

const GONE = new Set(['deleting', 'deleted']);

export default defineInsight({
  id: 'ec2-ebs-encrypted',
  title: 'EBS volumes are encrypted',
  resourceType: 'AWS::EC2::Volume',
  severity: 'medium',
  description: 'Checks that an EBS volume is encrypted at rest. Volumes being deleted are not applicable.',
  rationale:
    'An unencrypted volume keeps its data readable from its snapshots, which can be copied and shared across accounts; encryption ties every copy to a KMS key whose use is controlled and logged.',
  remediation: {
    cli: 'aws ec2 create-snapshot --volume-id <volume-id> && aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id <key-id> && aws ec2 create-volume --snapshot-id <encrypted-snapshot-id> --availability-zone <az>  # then swap the volumes',
    console:
      'EC2 console > Volumes > the volume > Actions > Create snapshot; Snapshots > Copy snapshot with Encrypt this snapshot; create a volume from the copy and swap it in. Turn on EBS encryption by default for new volumes.',
  },
  reads: { self: ['state', 'encrypted', 'kmsKeyId'] },
  evaluate(volume, { verdict }) {
    const { state, encrypted, kmsKeyId } = volume.config;
    if (GONE.has(state)) return verdict.notApplicable(`the volume is ${state}`);
    if (isUnknown(encrypted)) return verdict.unreadable('encryption status', encrypted);
    return encrypted
      ? verdict.pass(kmsKeyId === null ? 'the volume is encrypted' : `the volume is encrypted with ${kmsKeyId}`)
      : verdict.fail('the volume is not encrypted', { encrypted, state });
  },
});
