/**
 * The same security groups through both sources: DescribeSecurityGroups (mocked EC2) and their
 * configuration items (mocked AWS Config) give equal resources but for where and when they were
 * read. Config records everything the model holds for a group.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DescribeSecurityGroupsCommand, EC2Client, type SecurityGroup } from '@aws-sdk/client-ec2';
import ec2SecurityGroup from '../../../src/collect/collectors/ec2/security-group.js';
import { configCollector } from '../../../src/collect/config-source/config-collectors.js';
import { unknown } from '../../../src/model/unknown.js';
import { notInConfig, notInConfigFields } from '../../../src/collect/config-source/normaliser.js';
import { ACCOUNT, byId, runCollector } from '../support/harness.js';
import { $metadata, answerSelect, CAPTURED_AT, configItem, withoutProvenance } from './config-items.js';

const REGION = 'eu-west-1';
const PEER_ACCOUNT = '444455556666';
const sgArn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`;
const G = { web: 'sg-0a1b2c3d4e5f60001', database: 'sg-0a1b2c3d4e5f60002', default: 'sg-0a1b2c3d4e5f60003', monitoring: 'sg-0a1b2c3d4e5f60004' };

/** The groups as DescribeSecurityGroups returns them. */
const API_GROUPS: SecurityGroup[] = [
  {
    GroupId: G.web,
    GroupName: 'web-public',
    Description: 'Public HTTPS and the app port range',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-0a1b2c3d',
    SecurityGroupArn: sgArn(G.web),
    Tags: [
      { Key: 'Name', Value: 'web-public-sg' },
      { Key: 'owner', Value: 'platform' },
    ],
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS from anywhere' }],
        Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'HTTPS from anywhere' }],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 8000,
        ToPort: 8100,
        IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '192.168.0.0/16' }],
        Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234::/48' }],
        PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0', Description: 'office networks' }],
        UserIdGroupPairs: [],
      },
    ],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
  },
  {
    GroupId: G.database,
    GroupName: 'ledger-db',
    Description: 'managed by terraform',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-0a1b2c3d',
    SecurityGroupArn: sgArn(G.database),
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [
          { UserId: ACCOUNT, GroupId: G.web },
          { UserId: PEER_ACCOUNT, GroupId: 'sg-0c0c0c0c0c0c0c0c0', VpcId: 'vpc-0d0d0d0d', VpcPeeringConnectionId: 'pcx-0e0e0e0e', PeeringStatus: 'active' },
        ],
      },
    ],
    IpPermissionsEgress: [],
  },
  {
    GroupId: G.default,
    GroupName: 'default',
    Description: 'default VPC security group',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-0a1b2c3d',
    SecurityGroupArn: sgArn(G.default),
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ UserId: ACCOUNT, GroupId: G.default }] }],
    IpPermissionsEgress: [
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], PrefixListIds: [], UserIdGroupPairs: [] },
    ],
  },
  {
    GroupId: G.monitoring,
    GroupName: 'monitoring',
    Description: '',
    OwnerId: ACCOUNT,
    SecurityGroupArn: sgArn(G.monitoring),
    // Echo requests (ICMP type 8, any code) and protocol 50 (ESP), which has no ports.
    IpPermissions: [
      { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: '50', IpRanges: [{ CidrIp: '192.0.2.10/32' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ],
    IpPermissionsEgress: [],
  },
];

const ALL_EGRESS_V4 = {
  ipProtocol: '-1',
  ipv6Ranges: [],
  prefixListIds: [],
  userIdGroupPairs: [],
  ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
  ipRanges: ['0.0.0.0/0'],
};

/** The same groups as their configuration items record them (Java's camelCase; IPv4 both as ipv4Ranges and ipRanges). */
const CONFIG_GROUPS: Record<string, { configuration: Record<string, unknown>; tags: Record<string, string> }> = {
  [G.web]: {
    tags: { Name: 'web-public-sg', owner: 'platform' },
    configuration: {
      ownerId: ACCOUNT,
      groupName: 'web-public',
      groupId: G.web,
      description: 'Public HTTPS and the app port range',
      ipPermissions: [
        {
          fromPort: 443,
          ipProtocol: 'tcp',
          ipv6Ranges: [{ cidrIpv6: '::/0', description: 'HTTPS from anywhere' }],
          prefixListIds: [],
          toPort: 443,
          userIdGroupPairs: [],
          ipv4Ranges: [{ cidrIp: '0.0.0.0/0', description: 'HTTPS from anywhere' }],
          ipRanges: ['0.0.0.0/0'],
        },
        {
          fromPort: 8000,
          ipProtocol: 'tcp',
          ipv6Ranges: [{ cidrIpv6: '2001:db8:1234::/48' }],
          prefixListIds: [{ description: 'office networks', prefixListId: 'pl-0123456789abcdef0' }],
          toPort: 8100,
          userIdGroupPairs: [],
          ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }, { cidrIp: '192.168.0.0/16' }],
          ipRanges: ['10.0.0.0/8', '192.168.0.0/16'],
        },
      ],
      ipPermissionsEgress: [ALL_EGRESS_V4],
      vpcId: 'vpc-0a1b2c3d',
      tags: [
        { key: 'Name', value: 'web-public-sg' },
        { key: 'owner', value: 'platform' },
      ],
    },
  },
  [G.database]: {
    tags: {},
    configuration: {
      ownerId: ACCOUNT,
      groupName: 'ledger-db',
      groupId: G.database,
      description: 'managed by terraform',
      ipPermissions: [
        {
          fromPort: 5432,
          ipProtocol: 'tcp',
          ipv6Ranges: [],
          prefixListIds: [],
          toPort: 5432,
          userIdGroupPairs: [
            { groupId: G.web, userId: ACCOUNT },
            { groupId: 'sg-0c0c0c0c0c0c0c0c0', peeringStatus: 'active', userId: PEER_ACCOUNT, vpcId: 'vpc-0d0d0d0d', vpcPeeringConnectionId: 'pcx-0e0e0e0e' },
          ],
          ipv4Ranges: [],
          ipRanges: [],
        },
      ],
      ipPermissionsEgress: [],
      vpcId: 'vpc-0a1b2c3d',
      tags: [],
    },
  },
  [G.default]: {
    tags: {},
    configuration: {
      ownerId: ACCOUNT,
      groupName: 'default',
      groupId: G.default,
      description: 'default VPC security group',
      ipPermissions: [
        { ipProtocol: '-1', ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [{ groupId: G.default, userId: ACCOUNT }], ipv4Ranges: [], ipRanges: [] },
      ],
      ipPermissionsEgress: [{ ...ALL_EGRESS_V4, ipv6Ranges: [{ cidrIpv6: '::/0' }] }],
      vpcId: 'vpc-0a1b2c3d',
      tags: [],
    },
  },
  [G.monitoring]: {
    tags: {},
    configuration: {
      ownerId: ACCOUNT,
      groupName: 'monitoring',
      groupId: G.monitoring,
      description: '',
      ipPermissions: [
        {
          fromPort: 8,
          ipProtocol: 'icmp',
          ipv6Ranges: [],
          prefixListIds: [],
          toPort: -1,
          userIdGroupPairs: [],
          ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }],
          ipRanges: ['10.0.0.0/8'],
        },
        // An item written before ipv4Ranges existed: only the plain list.
        { ipProtocol: '50', ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ipRanges: ['192.0.2.10/32'] },
      ],
      ipPermissionsEgress: [],
      vpcId: null,
      tags: [],
    },
  },
};

const ec2 = mockClient(EC2Client);
const config = mockClient(ConfigServiceClient);
let ITEMS: string[];

beforeEach(() => {
  ec2.reset();
  config.reset();
  ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: API_GROUPS, $metadata });
  ITEMS = Object.entries(CONFIG_GROUPS).map(([id, group]) =>
    configItem({
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: id,
      resourceName: String(group.configuration['groupName']),
      arn: sgArn(id),
      awsRegion: REGION,
      configuration: group.configuration,
      tags: group.tags,
    }),
  );
  answerSelect(config, (region, type) => (region === REGION && type === 'AWS::EC2::SecurityGroup' ? ITEMS : []));
});

afterEach(() => {
  ec2.reset();
  config.reset();
});

describe('security group: API and Config give the same resource', () => {
  it('equal but for source and observedAt, every group', async () => {
    const api = await runCollector(ec2SecurityGroup);
    const fromConfig = await runCollector(configCollector('AWS::EC2::SecurityGroup'));
    expect(api.coverage).toEqual([]);
    expect(fromConfig.coverage).toEqual([]);
    expect(fromConfig.resources.map((r) => r.id)).toEqual(api.resources.map((r) => r.id));
    for (const apiGroup of api.resources) {
      const configGroup = byId(fromConfig.resources, apiGroup.id);
      expect(configGroup).toMatchObject({ source: 'config', observedAt: CAPTURED_AT });
      expect(withoutProvenance(configGroup)).toStrictEqual(withoutProvenance(apiGroup));
    }
  });

  it('a rule the model cannot hold leaves that direction unknown and names it in coverage', async () => {
    const broken = structuredClone(CONFIG_GROUPS[G.web]!.configuration);
    (broken['ipPermissions'] as Record<string, unknown>[])[1]!['ipProtocol'] = null;
    ITEMS[0] = configItem({ resourceType: 'AWS::EC2::SecurityGroup', resourceId: G.web, arn: sgArn(G.web), awsRegion: REGION, configuration: broken });
    const { resources, coverage } = await runCollector(configCollector('AWS::EC2::SecurityGroup'));
    expect(byId(resources, G.web).config.ingress).toEqual(unknown('UnexpectedConfigItem: config:SelectResourceConfig'));
    expect(byId(resources, G.web).config.egress).toHaveLength(1);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: sgArn(G.web),
        error: { code: 'UnexpectedConfigItem', message: `inbound rules of ${G.web}: a rule without IpProtocol` },
      }),
    ]);
  });

  it('an item without its owner keeps the group, the owner NotInConfig', async () => {
    const broken = { ...CONFIG_GROUPS[G.default]!.configuration, ownerId: null };
    ITEMS[2] = configItem({ resourceType: 'AWS::EC2::SecurityGroup', resourceId: G.default, arn: sgArn(G.default), awsRegion: REGION, configuration: broken });
    const { resources } = await runCollector(configCollector('AWS::EC2::SecurityGroup'));
    const kept = byId(resources, G.default);
    expect(kept.config.ownerId).toEqual(notInConfig('ownerId'));
    expect(notInConfigFields(kept)).toEqual(['ownerId']);
  });
});
