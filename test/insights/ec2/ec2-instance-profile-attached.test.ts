import profileAttached from '../../../insights/ec2/ec2-instance-profile-attached.js';
import { ec2Instance } from '../../../src/model/builders.js';
import { testInsight } from '../../support/insight-tester.js';

const PROFILE = 'arn:aws:iam::111111111111:instance-profile/web-server';

testInsight(
  profileAttached,
  [
    {
      name: 'running instance with a profile',
      resource: ec2Instance({ iamInstanceProfileArn: PROFILE }),
      status: 'pass',
      reason: /instance-profile\/web-server/,
    },
    { name: 'stopped instance with a profile', resource: ec2Instance({ state: 'stopped', iamInstanceProfileArn: PROFILE }), status: 'pass' },
    {
      name: 'running instance without a profile',
      resource: ec2Instance({ iamInstanceProfileArn: null }),
      status: 'fail',
      reason: /running instance has no IAM instance profile/,
      evidence: { iamInstanceProfileArn: null },
    },
    { name: 'stopped instance without a profile', resource: ec2Instance({ state: 'stopped', iamInstanceProfileArn: null }), status: 'fail' },
    { name: 'pending instance without a profile', resource: ec2Instance({ state: 'pending', iamInstanceProfileArn: null }), status: 'fail' },
    { name: 'terminated instance', resource: ec2Instance({ state: 'terminated', iamInstanceProfileArn: null }), status: 'not-applicable' },
    { name: 'instance shutting down', resource: ec2Instance({ state: 'shutting-down', iamInstanceProfileArn: null }), status: 'not-applicable' },
  ],
  {
    neverErrors:
      'DescribeInstances returns the instance profile with the instance itself: an instance that could be read always tells whether it has one (null when none), so the field is never unknown',
  },
);
