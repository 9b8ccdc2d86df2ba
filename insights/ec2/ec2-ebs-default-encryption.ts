import { defineInsight } from '../../src/engine/define-insight.js';
import { Type } from '@sinclair/typebox';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'ec2-ebs-default-encryption',
  title: 'EBS encryption by default is enabled in every region',
  resourceType: 'AWS::Account::Region',
  severity: 'medium',
  description:
    'Checks that EBS encryption by default is on in the region, so that every new volume and snapshot copy is encrypted. Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
  rationale: 'Encryption by default removes the chance of creating an unencrypted volume by mistake or through a tool that does not ask (CIS AWS 6.1.1).',
  remediation: {
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>  # optionally: aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key-arn> --region <region>',
    console: 'EC2 console (in the region) > Settings > Data protection and security > EBS encryption > Manage > Enable.',
  },
  reads: { self: ['ebsEncryptionByDefault'] },
  params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
  evaluate(region, { params, settings, verdict }) {
    const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
    if (outside !== undefined) return outside;
    const setting = region.config.ebsEncryptionByDefault;
    if (isUnknown(setting)) return verdict.unreadable('EBS encryption by default', setting);
    if (!setting.enabled) return verdict.fail(`EBS encryption by default is off in ${region.region}`, { ebsEncryptionByDefault: setting });
    return verdict.pass(
      `EBS encryption by default is on in ${region.region}${setting.kmsKeyId === null ? ' with the AWS-managed key aws/ebs' : ` with ${setting.kmsKeyId}`}`,
    );
  },
});
