/**
 * The EBS volume collector against a mocked EC2: DescribeVolumes pages (NextToken) shaped as the
 * EC2 API reference documents Volume and VolumeAttachment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeVolumesCommand, EC2Client, type Volume } from '@aws-sdk/client-ec2';
import ec2Volume from '../../../src/collect/collectors/ec2/volume.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector } from '../support/harness.js';
import { $metadata, unauthorized } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const volumeArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/${id}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ECS_TASK = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/ledger/0123456789abcdef0123456789abcdef`;

const V = {
  root: 'vol-0a1b2c3d4e5f60001',
  data: 'vol-0a1b2c3d4e5f60002',
  scratch: 'vol-0a1b2c3d4e5f60003',
  task: 'vol-0a1b2c3d4e5f60004',
};

function volume(id: string, overrides: Partial<Volume> = {}): Volume {
  return {
    VolumeId: id,
    VolumeArn: volumeArn(id),
    Size: 8,
    SnapshotId: 'snap-0123456789abcdef0',
    AvailabilityZone: `${REGION}a`,
    State: 'available',
    CreateTime: new Date('2025-11-03T12:00:00Z'),
    Attachments: [],
    VolumeType: 'gp3',
    Iops: 3000,
    Throughput: 125,
    MultiAttachEnabled: false,
    Encrypted: false,
    ...overrides,
  };
}

let PAGES: Record<string, { volumes: Volume[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      volumes: [
        volume(V.root, {
          State: 'in-use',
          Encrypted: true,
          KmsKeyId: KEY_ARN,
          Attachments: [
            {
              VolumeId: V.root,
              InstanceId: 'i-0a1b2c3d4e5f60001',
              Device: '/dev/xvda',
              State: 'attached',
              AttachTime: new Date('2026-01-15T07:45:13Z'),
              DeleteOnTermination: true,
            },
          ],
          Tags: [
            { Key: 'Name', Value: 'ledger-api-1-root' },
            { Key: 'environment', Value: 'production' },
          ],
        }),
      ],
      next: 'token-2',
    },
    'token-2': { volumes: [volume(V.data, { Size: 500, VolumeType: 'io2', Tags: [{ Key: 'team', Value: 'data' }] })], next: 'token-3' },
    'token-3': {
      volumes: [
        volume(V.scratch, { State: 'deleting', VolumeType: 'st1', Size: 125 }),
        // Managed by ECS for a Fargate task: the attachment names the task, not an instance.
        volume(V.task, {
          State: 'in-use',
          Encrypted: true,
          KmsKeyId: KEY_ARN,
          Attachments: [
            { VolumeId: V.task, AssociatedResource: ECS_TASK, InstanceOwningService: 'ecs.amazonaws.com', State: 'attached', DeleteOnTermination: true },
          ],
        }),
      ],
    },
  };
}

const ec2 = mockClient(EC2Client);

function wire(): void {
  ec2.on(DescribeVolumesCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(500);
    const page = PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return { Volumes: page.volumes, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
}

beforeEach(() => {
  ec2.reset();
  scenario();
  wire();
});

afterEach(() => {
  ec2.reset();
});

describe('EBS volume collector', () => {
  it('reads every page and normalises an attached, encrypted volume exactly', async () => {
    const { resources, coverage } = await runCollector(ec2Volume);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeVolumesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'token-2', 'token-3']);
    expect(resources.map((r) => r.id)).toEqual([V.root, V.data, V.scratch, V.task]);
    expect(byId(resources, V.root)).toEqual({
      arn: volumeArn(V.root),
      type: 'AWS::EC2::Volume',
      accountId: ACCOUNT,
      region: REGION,
      id: V.root,
      name: 'ledger-api-1-root',
      tags: { Name: 'ledger-api-1-root', environment: 'production' },
      createdAt: '2025-11-03T12:00:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        volumeId: V.root,
        state: 'in-use',
        sizeGiB: 8,
        volumeType: 'gp3',
        encrypted: true,
        kmsKeyId: KEY_ARN,
        attachments: [{ instanceId: 'i-0a1b2c3d4e5f60001', device: '/dev/xvda', state: 'attached' }],
      },
    });
  });

  it('an unencrypted volume has no key; a volume without a Name tag is named by its id', async () => {
    const { resources } = await runCollector(ec2Volume);
    expect(byId(resources, V.data)).toMatchObject({
      name: V.data,
      tags: { team: 'data' },
      config: { encrypted: false, kmsKeyId: null, sizeGiB: 500, volumeType: 'io2', attachments: [] },
    });
    expect(byId(resources, V.scratch).config.state).toBe('deleting');
  });

  it('keeps the attachment of a volume an ECS task uses, naming the task', async () => {
    const { resources } = await runCollector(ec2Volume);
    expect(byId(resources, V.task).config.attachments).toEqual([{ instanceId: ECS_TASK, device: '', state: 'attached' }]);
  });

  it('encryption the response leaves out is unknown and in coverage, never "unencrypted"', async () => {
    PAGES['token-2']!.volumes[0] = volume(V.data, { Encrypted: undefined });
    const { resources, coverage } = await runCollector(ec2Volume);
    expect(byId(resources, V.data).config.encrypted).toEqual(unknown('UnexpectedResponse: ec2:DescribeVolumes'));
    expect(coverage).toEqual([
      expect.objectContaining({ resourceArn: volumeArn(V.data), error: { code: 'UnexpectedResponse', message: 'DescribeVolumes returned no Encrypted' } }),
    ]);
  });

  it('UnauthorizedOperation on a later page keeps the volumes already read and records the incomplete list', async () => {
    ec2.on(DescribeVolumesCommand, { NextToken: 'token-2' }).rejects(unauthorized('ec2:DescribeVolumes'));
    const { resources, coverage } = await runCollector(ec2Volume);
    expect(resources.map((r) => r.id)).toEqual([V.root]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'ec2',
        operation: 'DescribeVolumes',
        resourceType: 'AWS::EC2::Volume',
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('ec2:DescribeVolumes') },
        count: 1,
      },
    ]);
  });
});
