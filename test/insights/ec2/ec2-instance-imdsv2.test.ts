import imdsv2 from '../../../insights/ec2/ec2-instance-imdsv2.js';
import { ec2Instance } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const v1 = { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } as const;

testInsight(imdsv2, [
  { name: 'tokens required', resource: ec2Instance({ metadataOptions: { ...v1, httpTokens: 'required' } }), status: 'pass', reason: /IMDSv2/ },
  { name: 'metadata endpoint off', resource: ec2Instance({ metadataOptions: { ...v1, httpEndpoint: 'disabled' } }), status: 'pass', reason: /turned off/ },
  { name: 'IMDSv1 allowed', resource: ec2Instance({ metadataOptions: v1 }), status: 'fail', evidence: { metadataOptions: v1 } },
  { name: 'stopped instance allowing IMDSv1', resource: ec2Instance({ state: 'stopped', metadataOptions: v1 }), status: 'fail' },
  { name: 'terminated instance', resource: ec2Instance({ state: 'terminated', metadataOptions: v1 }), status: 'not-applicable' },
  { name: 'instance shutting down', resource: ec2Instance({ state: 'shutting-down', metadataOptions: v1 }), status: 'not-applicable' },
  { name: 'metadata options unreadable', resource: ec2Instance({ metadataOptions: unknown('UnauthorizedOperation: ec2:DescribeInstances') }), status: 'error' },
]);
