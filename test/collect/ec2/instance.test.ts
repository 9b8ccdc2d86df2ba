/**
 * The EC2 instance collector against a mocked EC2: DescribeInstances pages (NextToken) of
 * reservations, shaped as the EC2 API reference documents Reservation and Instance — including the
 * empty pages EC2 may return mid-list — and DescribeInstanceTypes pages of InstanceTypeInfo for
 * the instance storage of the region's distinct types.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  EC2Client,
  type DescribeInstanceTypesRequest,
  type Instance,
  type InstanceTypeInfo,
  type Reservation,
} from '@aws-sdk/client-ec2';
import ec2Instance from '../../../src/collect/collectors/ec2/instance.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector } from '../support/harness.js';
import { $metadata, ec2Error, unauthorized } from '../support/aws-errors.js';

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
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    ...overrides,
  };
}

/** An InstanceTypeInfo as DescribeInstanceTypes returns it (abridged to the parts that vary). */
function typeInfo(
  name: string,
  storage?: { sizeGiB: number; count: number; nvme: 'required' | 'supported' | 'unsupported'; disk?: 'ssd' | 'hdd' },
): InstanceTypeInfo {
  const total = storage === undefined ? 0 : storage.sizeGiB * storage.count;
  return {
    InstanceType: name as InstanceTypeInfo['InstanceType'],
    CurrentGeneration: !name.startsWith('m3.'),
    FreeTierEligible: false,
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: storage !== undefined && storage.nvme === 'unsupported' ? ['ebs', 'instance-store'] : ['ebs'],
    SupportedVirtualizationTypes: ['hvm'],
    BareMetal: false,
    Hypervisor: 'nitro',
    VCpuInfo: { DefaultVCpus: 2, DefaultCores: 1, DefaultThreadsPerCore: 2 },
    MemoryInfo: { SizeInMiB: 8192 },
    InstanceStorageSupported: storage !== undefined,
    ...(storage !== undefined && {
      InstanceStorageInfo: {
        TotalSizeInGB: total,
        Disks: [{ SizeInGB: storage.sizeGiB, Count: storage.count, Type: storage.disk ?? 'ssd' }],
        NvmeSupport: storage.nvme,
        EncryptionSupport: storage.nvme === 'unsupported' ? 'unsupported' : 'required',
      },
    }),
    EbsInfo: { EbsOptimizedSupport: 'default', EncryptionSupport: 'supported', NvmeSupport: 'required' },
    NetworkInfo: { NetworkPerformance: 'Up to 12.5 Gigabit', MaximumNetworkInterfaces: 3, Ipv6Supported: true },
  };
}

/** The types EC2 describes, by name. */
let CATALOGUE: Map<string, InstanceTypeInfo>;
/** How many types the fake puts in a page (EC2 may return fewer than MaxResults). */
let TYPES_PER_PAGE: number;

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
            MetadataOptions: {
              State: 'applied',
              HttpTokens: 'optional',
              HttpPutResponseHopLimit: 1,
              HttpEndpoint: 'disabled',
              HttpProtocolIpv6: 'disabled',
              InstanceMetadataTags: 'disabled',
            },
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
          // An instance-store-backed AMI on a previous-generation type.
          instance(I.legacy, {
            InstanceType: 'm3.medium',
            RootDeviceType: 'instance-store',
            RootDeviceName: '/dev/sda1',
            State: { Code: 80, Name: 'stopped' },
            MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
            Tags: [{ Key: 'Name', Value: '' }],
          }),
          // Terminated an hour ago: no addresses, groups or network left, still listed.
          instance(I.gone, {
            InstanceType: 'm6id.large',
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
  CATALOGUE = new Map(
    [
      typeInfo('m7g.large'),
      typeInfo('c7g.xlarge'),
      typeInfo('m3.medium', { sizeGiB: 4, count: 1, nvme: 'unsupported' }),
      typeInfo('m6id.large', { sizeGiB: 118, count: 1, nvme: 'required' }),
      typeInfo('d3.2xlarge', { sizeGiB: 1980, count: 6, nvme: 'required', disk: 'hdd' }),
    ].map((info) => [info.InstanceType as string, info]),
  );
  TYPES_PER_PAGE = 100;
}

const ec2 = mockClient(EC2Client);

/** The instance types each DescribeInstanceTypes call named. */
function typesAsked(): string[][] {
  return ec2.commandCalls(DescribeInstanceTypesCommand).map((call) => [...(call.args[0].input.InstanceTypes ?? [])]);
}

function wire(): void {
  ec2.on(DescribeInstancesCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return { Reservations: page.reservations, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
  });
  // EC2 answers the named types it knows, in pages; the token is the offset into the answer.
  ec2.on(DescribeInstanceTypesCommand).callsFake((input: DescribeInstanceTypesRequest) => {
    const names = input.InstanceTypes ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(100);
    expect(input.MaxResults).toBe(100);
    const found = names.flatMap((name) => CATALOGUE.get(name) ?? []);
    const from = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('types-', ''));
    const to = from + Math.min(TYPES_PER_PAGE, input.MaxResults ?? 100);
    return { InstanceTypes: found.slice(from, to), ...(to < found.length ? { NextToken: `types-${to}` } : {}), $metadata };
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
        rootDeviceType: 'ebs',
        instanceStorage: null,
      },
    });
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
  });

  it('metadata options the response leaves out or spells unexpectedly are unknown and in coverage', async () => {
    PAGES['first']!.reservations[0]!.Instances![1] = instance(I.batch, { MetadataOptions: undefined });
    PAGES['token-3']!.reservations[0]!.Instances![0] = instance(I.legacy, {
      MetadataOptions: { State: 'pending', HttpTokens: 'sometimes' as 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
    });
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(byId(resources, I.batch).config.metadataOptions).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(byId(resources, I.legacy).config.metadataOptions).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(byId(resources, I.api).config.metadataOptions).toMatchObject({ httpTokens: 'required' });
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeInstances', count: 2, error: expect.objectContaining({ code: 'UnexpectedResponse' }) }),
    ]);
  });

  it('an instance answered without state or launch time is kept: those fields are unknown and coverage names them', async () => {
    PAGES['token-3']!.reservations[0]!.Instances![1] = instance(I.gone, { State: undefined, LaunchTime: undefined });
    const { resources, coverage } = await runCollector(ec2Instance);
    const kept = byId(resources, I.gone);
    expect(kept.config.state).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(kept.config.launchTime).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(kept.config.instanceType).toBe(instance(I.gone).InstanceType);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: instanceArn(I.gone),
        count: 2,
        error: { code: 'UnexpectedResponse', message: 'DescribeInstances returned no State.Name' },
      }),
    ]);
  });

  it('UnauthorizedOperation (EC2’s access denied): no instances, and coverage names the EC2 code', async () => {
    ec2.on(DescribeInstancesCommand).rejects(unauthorized('ec2:DescribeInstances'));
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'ec2',
        operation: 'DescribeInstances',
        region: REGION,
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('ec2:DescribeInstances') },
      }),
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
  });
});

describe('EC2 instance collector: root device and instance storage', () => {
  const storageOf = (resources: Awaited<ReturnType<typeof runCollector<'AWS::EC2::Instance'>>>['resources'], id: string) =>
    byId(resources, id).config.instanceStorage;

  it('reads the root device type and the storage of each instance’s type, asking for each distinct type once', async () => {
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(coverage).toEqual([]);
    expect(typesAsked()).toEqual([['c7g.xlarge', 'm3.medium', 'm6id.large', 'm7g.large']]);
    expect(byId(resources, I.legacy).config).toMatchObject({
      rootDeviceType: 'instance-store',
      instanceStorage: { totalSizeGiB: 4, disks: 1, nvme: 'unsupported' },
    });
    expect(byId(resources, I.gone).config).toMatchObject({ rootDeviceType: 'ebs', instanceStorage: { totalSizeGiB: 118, disks: 1, nvme: 'required' } });
    expect(storageOf(resources, I.batch)).toBeNull();
  });

  it('adds up the disks of a type with several', async () => {
    PAGES['first']!.reservations[0]!.Instances![1] = instance(I.batch, { InstanceType: 'd3.2xlarge' });
    const { resources } = await runCollector(ec2Instance);
    expect(storageOf(resources, I.batch)).toEqual({ totalSizeGiB: 11880, disks: 6, nvme: 'required' });
  });

  it('follows NextToken through every page of instance types', async () => {
    TYPES_PER_PAGE = 1;
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeInstanceTypesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'types-1', 'types-2', 'types-3']);
    expect(storageOf(resources, I.gone)).toEqual({ totalSizeGiB: 118, disks: 1, nvme: 'required' });
    expect(storageOf(resources, I.legacy)).toEqual({ totalSizeGiB: 4, disks: 1, nvme: 'unsupported' });
    expect(storageOf(resources, I.api)).toBeNull();
  });

  it('250 instances of 120 distinct types: two calls of at most 100 names, each type named once', async () => {
    const names = Array.from({ length: 120 }, (_, n) => `m6id.${n + 1}xlarge`);
    for (const [n, name] of names.entries()) CATALOGUE.set(name, typeInfo(name, { sizeGiB: 59 * (n + 1), count: 1, nvme: 'required' }));
    const fleet = Array.from({ length: 250 }, (_, n) =>
      instance(`i-0f${n.toString(16).padStart(15, '0')}`, { InstanceType: names[n % 120] as Instance['InstanceType'] }),
    );
    PAGES = {
      first: { reservations: fleet.slice(0, 125).map((i, n) => reservation(`r-0b${n.toString(16).padStart(15, '0')}`, [i])), next: 'fleet-2' },
      'fleet-2': { reservations: [reservation('r-0c0000000000000001', fleet.slice(125))] },
    };
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(coverage).toEqual([]);
    const asked = typesAsked();
    expect(asked.map((batch) => batch.length)).toEqual([100, 20]);
    expect(new Set(asked.flat()).size).toBe(120);
    expect(asked.flat().sort()).toEqual([...names].sort());
    expect(resources).toHaveLength(250);
    expect(
      resources.every((r) => r.config.instanceStorage !== null && typeof r.config.instanceStorage === 'object' && 'totalSizeGiB' in r.config.instanceStorage),
    ).toBe(true);
    expect(byId(resources, `i-0f${(119).toString(16).padStart(15, '0')}`).config.instanceStorage).toEqual({
      totalSizeGiB: 59 * 120,
      disks: 1,
      nvme: 'required',
    });
  });

  it('UnauthorizedOperation on DescribeInstanceTypes: the storage of every instance is unknown, one coverage entry, the rest intact', async () => {
    ec2.on(DescribeInstanceTypesCommand).rejects(unauthorized('ec2:DescribeInstanceTypes'));
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(resources).toHaveLength(4);
    for (const resource of resources) expect(resource.config.instanceStorage).toEqual(unknown('UnauthorizedOperation: ec2:DescribeInstanceTypes'));
    expect(byId(resources, I.legacy).config.rootDeviceType).toBe('instance-store');
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'ec2',
        operation: 'DescribeInstanceTypes',
        region: REGION,
        count: 1,
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('ec2:DescribeInstanceTypes') },
      }),
    ]);
  });

  it('a batch EC2 refuses (a type name it does not know) leaves only the storage of that batch’s types unknown', async () => {
    const names = Array.from({ length: 101 }, (_, n) => `m6id.${n + 1}xlarge`);
    for (const name of names) CATALOGUE.set(name, typeInfo(name, { sizeGiB: 59, count: 1, nvme: 'required' }));
    const fleet = names.map((name, n) => instance(`i-0e${n.toString(16).padStart(15, '0')}`, { InstanceType: name as Instance['InstanceType'] }));
    PAGES = { first: { reservations: [reservation('r-0d0000000000000001', fleet)] } };
    const inSecondBatch = [...names].sort()[100]!;
    ec2
      .on(DescribeInstanceTypesCommand, { InstanceTypes: [inSecondBatch as Instance['InstanceType'] & string] })
      .rejects(ec2Error('InvalidInstanceType', `The following supplied instance types do not exist: [${inSecondBatch}]`, 400));
    const { resources, coverage } = await runCollector(ec2Instance);
    for (const resource of resources) {
      expect(resource.config.instanceStorage).toEqual(
        resource.config.instanceType === inSecondBatch
          ? unknown('InvalidInstanceType: ec2:DescribeInstanceTypes')
          : { totalSizeGiB: 59, disks: 1, nvme: 'required' },
      );
    }
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeInstanceTypes', count: 1, error: expect.objectContaining({ code: 'InvalidInstanceType' }) }),
    ]);
  });

  it('a type the answer leaves out, or describes without its storage, is unknown and named in coverage', async () => {
    CATALOGUE.delete('m3.medium');
    const m6id = CATALOGUE.get('m6id.large')!;
    CATALOGUE.set('m6id.large', { ...m6id, InstanceStorageInfo: { ...m6id.InstanceStorageInfo, TotalSizeInGB: undefined } });
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(storageOf(resources, I.legacy)).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstanceTypes'));
    expect(storageOf(resources, I.gone)).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstanceTypes'));
    expect(storageOf(resources, I.api)).toBeNull();
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeInstanceTypes', count: 2, error: expect.objectContaining({ code: 'UnexpectedResponse' }) }),
    ]);
  });

  it('a root device type the response leaves out or spells unexpectedly is unknown and in coverage', async () => {
    PAGES['first']!.reservations[0]!.Instances![0] = instance(I.api, { RootDeviceType: undefined });
    PAGES['first']!.reservations[0]!.Instances![1] = instance(I.batch, { RootDeviceType: 'ephemeral' as 'ebs' });
    const { resources, coverage } = await runCollector(ec2Instance);
    expect(byId(resources, I.api).config.rootDeviceType).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(byId(resources, I.batch).config.rootDeviceType).toEqual(unknown('UnexpectedResponse: ec2:DescribeInstances'));
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeInstances', count: 2 })]);
  });

  it('does not describe instance types when no insight reads the storage, nor when the region has no instances', async () => {
    const { resources } = await runCollector(ec2Instance, { fields: ['metadataOptions'] });
    expect(ec2.commandCalls(DescribeInstanceTypesCommand)).toHaveLength(0);
    expect(storageOf(resources, I.api)).toEqual(unknown('NotCollected: ec2:DescribeInstanceTypes'));
    PAGES = { first: { reservations: [] } };
    const empty = await runCollector(ec2Instance);
    expect(empty.resources).toEqual([]);
    expect(ec2.commandCalls(DescribeInstanceTypesCommand)).toHaveLength(0);
  });
});
