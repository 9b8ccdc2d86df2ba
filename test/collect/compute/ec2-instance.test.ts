/**
 * The EC2 instance collector against a mocked EC2: DescribeInstances pages (NextToken) of
 * reservations, shaped as the EC2 API reference documents Reservation and Instance — including the
 * empty pages EC2 may return mid-list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeInstancesCommand, EC2Client, type Instance, type Reservation } from '@aws-sdk/client-ec2';
import ec2Instance from '../../../src/collect/collectors/compute/ec2-instance.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, expectValid, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, unauthorized } from './aws-errors.js';

const REGION = 'eu-west-1';
const instanceArn = (id: string, region = REGION) => `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`;
const PROFILE_ARN = `arn:aws:iam::${ACCOUNT}:instance-profile/ledger-api`;

const I = {
  api: 'i-0a1b2c3d4e5f60001',
  batch: 'i-0a1b2c3d4e5f60002',
  legacy: 'i-0a1b2c3d4e5f60003',
  gone: 'i-0a1b2c3d4e5f60004',
};

function instance(id: string, overrides: Partial<Instance> = {}): Instance {
  return {
    InstanceId: id,
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 'm7g.large',
    State: { Code: 16, Name: 'running' },
    PrivateDnsName: 'ip-10-0-1-17.eu-west-1.compute.internal',
    PrivateIpAddress: '10.0.1.17',
    SubnetId: 'subnet-0a1b2c3d',
    VpcId: 'vpc-0a1b2c3d',
    LaunchTime: new Date('2026-01-15T07:45:12Z'),
    Placement: { AvailabilityZone: `${REGION}a`, Tenancy: 'default' },
    Architecture: 'arm64',
    RootDeviceType: 'ebs',
    RootDeviceName: '/dev/xvda',
    SecurityGroups: [{ GroupId: 'sg-0a1b2c3d4e5f60001', GroupName: 'web-public' }],
    MetadataOptions: { State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
    ...overrides,
  };
}

function reservation(id: string, instances: Instance[]): Reservation {
  return { ReservationId: id, OwnerId: ACCOUNT, Groups: [], Instances: instances };
}

let PAGES: Record<string, { reservations: Reservation[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      reservations: [
        reservation('r-0aaa0000000000001', [
          instance(I.api, {
            PublicIpAddress: '203.0.113.25',
            IamInstanceProfile: { Arn: PROFILE_ARN, Id: 'AIPAJ2EXAMPLE' },
            SecurityGroups: [
              { GroupId: 'sg-0a1b2c3d4e5f60001', GroupName: 'web-public' },
              { GroupId: 'sg-0a1b2c3d4e5f60002', GroupName: 'ledger-db' },
            ],
            Tags: [
              { Key: 'Name', Value: 'ledger-api-1' },
              { Key: 'environment', Value: 'production' },
            ],
          }),
          // No Name tag; the metadata service turned off; IMDSv1 still allowed.
          instance(I.batch, {
            InstanceType: 'c7g.xlarge',
            MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'disabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
            Tags: [{ Key: 'team', Value: 'data' }],
          }),
        ]),
      ],
      next: 'token-2',
    },
    // EC2 may answer a page with no reservations and a token: the list goes on.
    'token-2': { reservations: [], next: 'token-3' },
    'token-3': {
      reservations: [
        reservation('r-0aaa0000000000002', [
          instance(I.legacy, {
            State: { Code: 80, Name: 'stopped' },
            MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
            Tags: [{ Key: 'Name', Value: '' }],
          }),
          // Terminated an hour ago: no addresses, groups or network left, still listed.
          instance(I.gone, {
            State: { Code: 48, Name: 'terminated' },
            PrivateIpAddress: undefined,
            PrivateDnsName: '',
            SubnetId: undefined,
            VpcId: undefined,
            SecurityGroups: [],
            StateTransitionReason: 'User initiated (2026-03-01 08:05:11 GMT)',
          }),
        ]),
      ],
    },
  };
}

const ec2 = mockClient(EC2Client);

function wire(): void {
  ec2.on(DescribeInstancesCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return { Reservations: page.reservations, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
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

describe('EC2 instance collector', () => {
  it('reads every page of reservations and normalises a fully configured instance exactly', async () => {
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeInstancesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'token-2', 'token-3']);
    expect(resources.map((r) => r.id)).toEqual([I.api, I.batch, I.legacy, I.gone]);
    expect(byId(resources, I.api)).toEqual({
      arn: instanceArn(I.api),
      type: 'AWS::EC2::Instance',
      accountId: ACCOUNT,
      region: REGION,
      id: I.api,
      name: 'ledger-api-1',
      tags: { Name: 'ledger-api-1', environment: 'production' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        instanceId: I.api,
        instanceType: 'm7g.large',
        state: 'running',
        publicIpAddress: '203.0.113.25',
        privateIpAddress: '10.0.1.17',
        metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 2 },
        securityGroupIds: ['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002'],
        iamInstanceProfileArn: PROFILE_ARN,
        launchTime: '2026-01-15T07:45:12.000Z',
        vpcId: 'vpc-0a1b2c3d',
        subnetId: 'subnet-0a1b2c3d',
      },
    });
    expectValid(resources);
  });

  it('names an instance without a Name tag (or with a blank one) by its id', async () => {
    const { resources } = await runCollector(ec2Instance);
    expect(byId(resources, I.batch).name).toBe(I.batch);
    expect(byId(resources, I.batch).tags).toEqual({ team: 'data' });
    expect(byId(resources, I.legacy).name).toBe(I.legacy);
    expect(byId(resources, I.gone).tags).toEqual({});
  });

  it('records the metadata service as turned off, with its other settings', async () => {
    const { resources } = await runCollector(ec2Instance);
    expect(byId(resources, I.batch).config).toMatchObject({
      metadataOptions: { httpTokens: 'optional', httpEndpoint: 'disabled', httpPutResponseHopLimit: 1 },
      publicIpAddress: null,
      iamInstanceProfileArn: null,
    });
    expect(byId(resources, I.legacy).config).toMatchObject({ state: 'stopped', metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled' } });
  });

  it('keeps a terminated instance, with what is left of it', async () => {
    const { resources } = await runCollector(ec2Instance);
    expect(byId(resources, I.gone).config).toMatchObject({
      state: 'terminated',
      privateIpAddress: null,
      publicIpAddress: null,
      vpcId: null,
      subnetId: null,
      securityGroupIds: [],
    });
    expectValid(resources);
  });

  it('metadata options the response leaves out or spells unexpectedly are unknown and in coverage', async () => {
    PAGES['first']!.reservations[0]!.Instances![1] = instance(I.batch, { MetadataOptions: undefined });
    PAGES['token-3']!.reservations[0]!.Instances![0] = instance(I.legacy, { MetadataOptions: { State: 'pending', HttpTokens: 'sometimes' as 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 } });
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(byId(resources, I.batch).config.metadataOptions).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(byId(resources, I.legacy).config.metadataOptions).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(byId(resources, I.api).config.metadataOptions).toMatchObject({ httpTokens: 'required' });
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeInstances', count: 2, error: expect.objectContaining({ code: 'UnexpectedResponse' }) })]);
    expectValid(resources);
  });

  it('an instance without type, state or launch time cannot be modelled: it is left out and named in coverage', async () => {
    PAGES['token-3']!.reservations[0]!.Instances![1] = instance(I.gone, { State: undefined, LaunchTime: undefined });
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(resources.map((r) => r.id)).not.toContain(I.gone);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: instanceArn(I.gone),
        error: { code: 'UnexpectedResponse', message: `DescribeInstances returned no State.Name, LaunchTime for ${I.gone}; it is left out` },
      }),
    ]);
  });

  it('UnauthorizedOperation (EC2’s access denied): no instances, and coverage names the EC2 code', async () => {
    ec2.on(DescribeInstancesCommand).rejects(unauthorized('ec2:DescribeInstances'));
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({ service: 'ec2', operation: 'DescribeInstances', region: REGION, error: { code: 'UnauthorizedOperation', message: expect.stringContaining('ec2:DescribeInstances') } }),
    ]);
  });

  it('collects every region with that region’s client', async () => {
    ec2.on(DescribeInstancesCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      return { Reservations: [reservation('r-1', [instance(region === REGION ? I.api : I.batch)])], $metadata };
    });
    const { resources } = await runCollector(ec2Instance, { regions: [REGION, 'us-east-1'] });
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      [REGION, instanceArn(I.api)],
      ['us-east-1', instanceArn(I.batch, 'us-east-1')],
    ]);
    expectValid(resources);
  });

  it('sends exactly the operations it declares', async () => {
    await runCollector(ec2Instance, { fields: ['metadataOptions'] });
    expect([...new Set(sentOperations(ec2.send.getCalls()))].sort()).toEqual(ec2Instance.operations.map((op) => op.operation).sort());
  });
});
