import { defineInsight } from '../../src/engine/define-insight.js';
import { isInstanceGone } from '../../src/analysis/instance-state.js';

export default defineInsight({
  id: 'ec2-instance-profile-attached',
  title: 'EC2 instances use an IAM instance profile',
  resourceType: 'AWS::EC2::Instance',
  severity: 'medium',
  description:
    'Checks that the instance has an IAM instance profile (an IAM role) attached. Stopped instances are judged, as they start again with the same profile; terminated instances and those shutting down are not applicable.',
  rationale:
    'An instance without a role gets to AWS with access keys stored on it, which do not rotate, leak with images, backups and logs, and stay valid after the instance is gone; a role hands the instance short-lived credentials that rotate on their own (CIS AWS 2.16).',
  remediation: {
    cli: 'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<instance-profile>',
    console:
      'EC2 console > Instances > the instance > Actions > Security > Modify IAM role: choose a role with the permissions the workload needs, then remove access keys stored on the instance.',
  },
  reads: { self: ['state', 'iamInstanceProfileArn'] },
  evaluate(instance, { verdict }) {
    const { state, iamInstanceProfileArn } = instance.config;
    if (isInstanceGone(state)) return verdict.notApplicable(`the instance is ${state}`);
    if (iamInstanceProfileArn === null) return verdict.fail(`the ${state} instance has no IAM instance profile`, { state, iamInstanceProfileArn });
    return verdict.pass(`the instance uses the instance profile ${iamInstanceProfileArn}`);
  },
});
