/**
 * The security group collector against a mocked EC2: DescribeSecurityGroups pages (NextToken)
 * shaped as the EC2 API reference documents SecurityGroup and IpPermission; errors as EC2 raises
 * them (UnauthorizedOperation, not AccessDenied).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeSecurityGroupsCommand, EC2Client, type SecurityGroup } from '@aws-sdk/client-ec2';
import ec2SecurityGroup from '../../../src/collect/collectors/ec2/security-group.js';
import { rules } from '../../../src/collect/collectors/ec2/security-group-rules.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector } from '../support/harness.js';
import { $metadata, ec2Error, unauthorized } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const NETWORK_ACCOUNT = '999988887777';
const PEER_ACCOUNT = '444455556666';
const sgArn = (id: string, owner = ACCOUNT) => `arn:aws:ec2:${REGION}:${owner}:security-group/${id}`;

const G = {
  web: 'sg-0a1b2c3d4e5f60001',
  database: 'sg-0a1b2c3d4e5f60002',
  default: 'sg-0a1b2c3d4e5f60003',
  shared: 'sg-0f9e8d7c6b5a40001',
  monitoring: 'sg-0a1b2c3d4e5f60004',
};

const ALL_EGRESS = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }];

function group(id: string, overrides: Partial<SecurityGroup> = {}): SecurityGroup {
  return {
    GroupId: id,
    GroupName: `group-${id}`,
    Description: 'managed by terraform',
    OwnerId: ACCOUNT,
    VpcId: 'vpc-0a1b2c3d',
    SecurityGroupArn: sgArn(id, overrides.OwnerId ?? ACCOUNT),
    IpPermissions: [],
    IpPermissionsEgress: ALL_EGRESS,
    ...overrides,
  };
}

let PAGES: Record<string, { groups: SecurityGroup[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      groups: [
        group(G.web, {
          GroupName: 'web-public',
          Description: 'Public HTTPS and the app port range',
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
            // A port range open to one IPv6 block and through a managed prefix list.
            {
              IpProtocol: 'tcp',
              FromPort: 8000,
              ToPort: 8100,
              IpRanges: [],
              Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234::/48' }],
              PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0', Description: 'office networks' }],
              UserIdGroupPairs: [],
            },
          ],
          IpPermissionsEgress: ALL_EGRESS,
        }),
        group(G.database, {
          GroupName: 'ledger-db',
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 5432,
              ToPort: 5432,
              UserIdGroupPairs: [
                { UserId: ACCOUNT, GroupId: G.web },
                // A group in a peered VPC of another account.
                {
                  UserId: PEER_ACCOUNT,
                  GroupId: 'sg-0c0c0c0c0c0c0c0c0',
                  VpcId: 'vpc-0d0d0d0d',
                  VpcPeeringConnectionId: 'pcx-0e0e0e0e',
                  PeeringStatus: 'active',
                },
              ],
            },
          ],
          // No egress at all.
          IpPermissionsEgress: [],
        }),
      ],
      next: 'token-2',
    },
    'token-2': {
      groups: [
        group(G.default, {
          GroupName: 'default',
          Description: 'default VPC security group',
          IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ UserId: ACCOUNT, GroupId: G.default }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] }],
        }),
      ],
      next: 'token-3',
    },
    'token-3': {
      groups: [
        // Shared into this account's subnets from the network account's VPC.
        group(G.shared, { GroupName: 'shared-endpoints', OwnerId: NETWORK_ACCOUNT, VpcId: 'vpc-0ffff0000' }),
        group(G.monitoring, {
          GroupName: 'monitoring',
          VpcId: undefined,
          // Echo requests (ICMP type 8, any code) and protocol 50 (ESP), which has no ports.
          IpPermissions: [
            { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
            { IpProtocol: '50', IpRanges: [{ CidrIp: '192.0.2.10/32' }] },
          ],
        }),
      ],
    },
  };
}

const ec2 = mockClient(EC2Client);

function wire(): void {
  ec2.on(DescribeSecurityGroupsCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw ec2Error('InvalidParameterValue', 'The token is invalid', 400);
    return { SecurityGroups: page.groups, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
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

describe('security group collector', () => {
  it('reads every page and normalises a group with IPv4, IPv6, port-range and prefix-list rules exactly', async () => {
    const { resources, coverage } = await runCollector(ec2SecurityGroup);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'token-2', 'token-3']);
    expect(resources).toHaveLength(5);
    expect(byId(resources, G.web)).toEqual({
      arn: sgArn(G.web),
      type: 'AWS::EC2::SecurityGroup',
      accountId: ACCOUNT,
      region: REGION,
      id: G.web,
      // Security groups are named by their group name, not their Name tag.
      name: 'web-public',
      tags: { Name: 'web-public-sg', owner: 'platform' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        groupId: G.web,
        ownerId: ACCOUNT,
        groupName: 'web-public',
        description: 'Public HTTPS and the app port range',
        vpcId: 'vpc-0a1b2c3d',
        ingress: [
          { protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'], prefixListIds: [], referencedGroupIds: [] },
          {
            protocol: 'tcp',
            fromPort: 8000,
            toPort: 8100,
            ipv4Ranges: [],
            ipv6Ranges: ['2001:db8:1234::/48'],
            prefixListIds: ['pl-0123456789abcdef0'],
            referencedGroupIds: [],
          },
        ],
        egress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] }],
      },
    });
  });

  it('keeps group references (own and peered accounts), all-traffic rules without ports, and absent lists as empty', async () => {
    const { resources } = await runCollector(ec2SecurityGroup);
    expect(byId(resources, G.database).config.ingress).toEqual([
      { protocol: 'tcp', fromPort: 5432, toPort: 5432, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [G.web, 'sg-0c0c0c0c0c0c0c0c0'] },
    ]);
    expect(byId(resources, G.database).config.egress).toEqual([]);
    expect(byId(resources, G.default).config.ingress).toEqual([
      { protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: [], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [G.default] },
    ]);
    expect(byId(resources, G.monitoring).config).toMatchObject({
      vpcId: null,
      ingress: [
        { protocol: 'icmp', fromPort: 8, toPort: -1, ipv4Ranges: ['10.0.0.0/8'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] },
        { protocol: '50', fromPort: null, toPort: null, ipv4Ranges: ['192.0.2.10/32'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] },
      ],
    });
    expect(byId(resources, G.monitoring).tags).toEqual({});
  });

  it('records the owner of a group shared from another account, with that account’s ARN', async () => {
    const { resources } = await runCollector(ec2SecurityGroup);
    const shared = byId(resources, G.shared);
    expect(shared.accountId).toBe(ACCOUNT);
    expect(shared.config.ownerId).toBe(NETWORK_ACCOUNT);
    expect(shared.arn).toBe(sgArn(G.shared, NETWORK_ACCOUNT));
  });

  it('builds the ARN from the owner when the response has none', async () => {
    PAGES['token-3']!.groups[0] = group(G.shared, { OwnerId: NETWORK_ACCOUNT, SecurityGroupArn: undefined });
    const { resources } = await runCollector(ec2SecurityGroup);
    expect(byId(resources, G.shared).arn).toBe(sgArn(G.shared, NETWORK_ACCOUNT));
  });

  it('UnauthorizedOperation (EC2’s access denied): no groups, and coverage names the EC2 code', async () => {
    ec2.on(DescribeSecurityGroupsCommand).rejects(unauthorized('ec2:DescribeSecurityGroups'));
    const { resources, coverage } = await runCollector(ec2SecurityGroup);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'ec2',
        operation: 'DescribeSecurityGroups',
        resourceType: 'AWS::EC2::SecurityGroup',
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('not authorized to perform: ec2:DescribeSecurityGroups') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the groups already read; a repeated token ends the list instead of looping', async () => {
    ec2.on(DescribeSecurityGroupsCommand, { NextToken: 'token-3' }).rejects(ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503));
    const failed = await runCollector(ec2SecurityGroup);
    expect(failed.resources.map((r) => r.id)).toEqual([G.web, G.database, G.default].sort());
    expect(failed.coverage).toEqual([
      expect.objectContaining({ operation: 'DescribeSecurityGroups', error: expect.objectContaining({ code: 'RequestLimitExceeded' }) }),
    ]);

    ec2.reset();
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [group(G.web)], NextToken: 'same', $metadata });
    const looping = await runCollector(ec2SecurityGroup);
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(2);
    expect(looping.resources.map((r) => r.id)).toEqual([G.web]);
    expect(looping.coverage).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'RepeatedPageToken' }) })]);
  });

  it('a rule without a protocol leaves that direction unknown, not empty', async () => {
    PAGES['first']!.groups[1] = group(G.database, { IpPermissions: [{ FromPort: 5432, ToPort: 5432 }] });
    const { resources, coverage } = await runCollector(ec2SecurityGroup);
    const db = byId(resources, G.database);
    expect(db.config.ingress).toEqual(unknown('UnexpectedResponse: ec2:DescribeSecurityGroups'));
    expect(rules(ALL_EGRESS)).toEqual({ ok: true, value: db.config.egress });
    expect(coverage).toEqual([expect.objectContaining({ resourceArn: sgArn(G.database), error: expect.objectContaining({ code: 'UnexpectedResponse' }) })]);
  });
});
