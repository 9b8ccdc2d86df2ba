/** Whether a region's recorder records a type — the `--source auto` decision — as a table of recorders. */
import { describe, expect, it } from 'vitest';
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import { recorderRecords } from '../../../src/collect/config-source/recorder-coverage.js';
import type { ResourceType } from '../../../src/model/resource-types.js';

const ROLE = 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig';
const recorder = (recordingGroup: ConfigurationRecorder['recordingGroup'], extra: Partial<ConfigurationRecorder> = {}): ConfigurationRecorder => ({
  name: 'default',
  roleARN: ROLE,
  recordingGroup,
  ...extra,
});
const recording: ConfigurationRecorderStatus = { name: 'default', recording: true, lastStatus: 'Success' };

const cases: { name: string; recorder: ConfigurationRecorder; status?: ConfigurationRecorderStatus; type: ResourceType; records: boolean }[] = [
  { name: 'all supported', recorder: recorder({ allSupported: true, includeGlobalResourceTypes: false }), type: 'AWS::S3::Bucket', records: true },
  {
    name: 'all supported, strategy ALL_SUPPORTED_RESOURCE_TYPES',
    recorder: recorder({ allSupported: true, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } }),
    type: 'AWS::KMS::Key',
    records: true,
  },
  {
    name: 'all supported leaves out IAM without global types',
    recorder: recorder({ allSupported: true, includeGlobalResourceTypes: false }),
    type: 'AWS::IAM::Role',
    records: false,
  },
  {
    name: 'all supported with global types',
    recorder: recorder({ allSupported: true, includeGlobalResourceTypes: true }),
    type: 'AWS::IAM::Role',
    records: true,
  },
  {
    name: 'inclusion list naming the type',
    recorder: recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } }),
    type: 'AWS::S3::Bucket',
    records: true,
  },
  {
    name: 'inclusion list not naming it',
    recorder: recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } }),
    type: 'AWS::KMS::Key',
    records: false,
  },
  {
    name: 'exclusion list naming it',
    recorder: recorder({
      allSupported: false,
      exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::SecurityGroup'] },
      recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
    }),
    type: 'AWS::EC2::SecurityGroup',
    records: false,
  },
  {
    name: 'exclusion list not naming it',
    recorder: recorder({
      allSupported: false,
      exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::SecurityGroup'] },
      recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
    }),
    type: 'AWS::RDS::DBInstance',
    records: true,
  },
  {
    name: 'stopped recorder',
    recorder: recorder({ allSupported: true }),
    status: { name: 'default', recording: false, lastStatus: 'Success' },
    type: 'AWS::S3::Bucket',
    records: false,
  },
  {
    name: 'failing recorder',
    recorder: recorder({ allSupported: true }),
    status: { name: 'default', recording: true, lastStatus: 'Failure' },
    type: 'AWS::S3::Bucket',
    records: false,
  },
  {
    name: 'service-linked recorder of another service',
    recorder: recorder({ allSupported: true }, { servicePrincipal: 'securityhub.amazonaws.com' }),
    type: 'AWS::S3::Bucket',
    records: false,
  },
  { name: 'no recording group', recorder: recorder(undefined), type: 'AWS::S3::Bucket', records: false },
];

describe('recorderRecords', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.type} ${c.records ? 'recorded' : 'not recorded'}`, () => {
      expect(recorderRecords([c.recorder], [c.status ?? recording], c.type)).toBe(c.records);
    });
  }

  it('no recorder, or a recorder without status, records nothing', () => {
    expect(recorderRecords([], [], 'AWS::S3::Bucket')).toBe(false);
    expect(recorderRecords([recorder({ allSupported: true })], [], 'AWS::S3::Bucket')).toBe(false);
  });
});
