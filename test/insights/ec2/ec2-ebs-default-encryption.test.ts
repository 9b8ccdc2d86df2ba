import ebsDefaultEncryption from '../../../insights/ec2/ec2-ebs-default-encryption.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(ebsDefaultEncryption, [
  { name: 'on with aws/ebs', resource: accountRegion({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: null } }), status: 'pass', reason: /aws\/ebs/ },
  {
    name: 'on with a customer key',
    resource: accountRegion({ ebsEncryptionByDefault: { enabled: true, kmsKeyId: 'alias/ebs-default' } }),
    status: 'pass',
    reason: /alias\/ebs-default/,
  },
  {
    name: 'off',
    resource: accountRegion({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } }),
    status: 'fail',
    evidence: { ebsEncryptionByDefault: { enabled: false } },
  },
  {
    name: 'off in an allowed region',
    resource: accountRegion({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } }, { region: 'eu-central-1' }),
    settings: { allowedRegions: ['eu-west-1', 'eu-central-1'] },
    status: 'fail',
  },
  {
    name: 'off in a region outside the allowed regions',
    resource: accountRegion({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } }, { region: 'ap-southeast-2' }),
    settings: { allowedRegions: ['eu-west-1', 'eu-central-1'] },
    params: { onlyAllowedRegions: true },
    status: 'not-applicable',
  },
  {
    name: 'setting unreadable',
    resource: accountRegion({ ebsEncryptionByDefault: unknown('UnauthorizedOperation: ec2:GetEbsEncryptionByDefault') }),
    status: 'error',
  },
  {
    name: 'off in a region outside the allowed regions is still judged by default (CIS: every region)',
    resource: accountRegion({ ebsEncryptionByDefault: { enabled: false, kmsKeyId: null } }, { region: 'ap-southeast-2' }),
    settings: { allowedRegions: ['eu-west-1', 'eu-central-1'] },
    status: 'fail',
  },
]);
