/**
 * The network ACL collector against a mocked EC2: DescribeNetworkAcls pages (NextToken) shaped as
 * the EC2 API reference documents NetworkAcl, NetworkAclEntry and NetworkAclAssociation — protocols
 * as number strings, the final `*` entries as rules 32767 and 32768; errors as EC2 raises them
 * (UnauthorizedOperation, not AccessDenied).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeNetworkAclsCommand, EC2Client, type NetworkAcl, type NetworkAclEntry } from '@aws-sdk/client-ec2';
import ec2NetworkAcl from '../../../src/collect/collectors/ec2/network-acl.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector } from '../support/harness.js';
import { $metadata, ec2Error, unauthorized } from '../support/aws-errors.js';

const REGION = 'eu-west-1';
const NETWORK_ACCOUNT = '999988887777';
const aclArn = (id: string, owner = ACCOUNT) => `arn:aws:ec2:${REGION}:${owner}:network-acl/${id}`;

const A = {
  default: 'acl-0a1b2c3d4e5f60001',
  public: 'acl-0a1b2c3d4e5f60002',
  unused: 'acl-0a1b2c3d4e5f60003',
  shared: 'acl-0f9e8d7c6b5a40001',
};

/** The final `*` entries EC2 lists for a NACL of a VPC with an IPv6 block, in both directions. */
const FINAL: NetworkAclEntry[] = [
  { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
  { Egress: true, Ipv6CidrBlock: '::/0', Protocol: '-1', RuleAction: 'deny', RuleNumber: 32768 },
  { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
  { Egress: false, Ipv6CidrBlock: '::/0', Protocol: '-1', RuleAction: 'deny', RuleNumber: 32768 },
];

function association(aclId: string, subnetId: string, n: number) {
  return { NetworkAclAssociationId: `aclassoc-0${n}a1b2c3d4e5f6000`, NetworkAclId: aclId, SubnetId: subnetId };
}

function acl(id: string, overrides: Partial<NetworkAcl> = {}): NetworkAcl {
  return { Associations: [], Entries: [...FINAL], IsDefault: false, NetworkAclId: id, Tags: [], VpcId: 'vpc-0a1b2c3d', OwnerId: ACCOUNT, ...overrides };
}

let PAGES: Record<string, { acls: NetworkAcl[]; next?: string }>;

function scenario(): void {
  PAGES = {
    first: {
      acls: [
        // The default NACL of a VPC: all traffic in and out, on two subnets.
        acl(A.default, {
          IsDefault: true,
          Associations: [association(A.default, 'subnet-0b000000000000002', 1), association(A.default, 'subnet-0b000000000000001', 2)],
          Entries: [
            { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
            { Egress: true, Ipv6CidrBlock: '::/0', Protocol: '-1', RuleAction: 'allow', RuleNumber: 101 },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
            { Egress: false, Ipv6CidrBlock: '::/0', Protocol: '-1', RuleAction: 'allow', RuleNumber: 101 },
            ...FINAL,
          ],
        }),
      ],
      next: 'token-2',
    },
    'token-2': {
      acls: [
        acl(A.public, {
          Associations: [association(A.public, 'subnet-0c000000000000001', 3)],
          Tags: [
            { Key: 'Name', Value: 'public-subnets' },
            { Key: 'owner', Value: 'network' },
          ],
          Entries: [
            { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '6', RuleAction: 'allow', RuleNumber: 100, PortRange: { From: 1024, To: 65535 } },
            { CidrBlock: '203.0.113.0/24', Egress: false, Protocol: '6', RuleAction: 'allow', RuleNumber: 90, PortRange: { From: 22, To: 22 } },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '6', RuleAction: 'deny', RuleNumber: 95, PortRange: { From: 22, To: 22 } },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '6', RuleAction: 'allow', RuleNumber: 100, PortRange: { From: 443, To: 443 } },
            { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '1', RuleAction: 'allow', RuleNumber: 110, IcmpTypeCode: { Code: -1, Type: 8 } },
            ...FINAL,
          ],
        }),
        // Created and never associated.
        acl(A.unused),
      ],
      next: 'token-3',
    },
    'token-3': {
      // A NACL of a subnet the network account shares into this one.
      acls: [acl(A.shared, { OwnerId: NETWORK_ACCOUNT, VpcId: 'vpc-0ffff0000', Associations: [association(A.shared, 'subnet-0d000000000000001', 4)] })],
    },
  };
}

const ec2 = mockClient(EC2Client);

function wire(): void {
  ec2.on(DescribeNetworkAclsCommand).callsFake((input: { NextToken?: string; MaxResults?: number }) => {
    expect(input.MaxResults).toBe(1000);
    const page = PAGES[input.NextToken ?? 'first'];
    if (page === undefined) throw ec2Error('InvalidParameterValue', 'The token is invalid', 400);
    return { NetworkAcls: page.acls, ...(page.next !== undefined ? { NextToken: page.next } : {}), $metadata };
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

describe('network ACL collector', () => {
  it('reads every page and normalises a NACL with its entries, associations and tags exactly', async () => {
    const { resources, coverage } = await runCollector(ec2NetworkAcl);
    expect(coverage).toEqual([]);
    expect(ec2.commandCalls(DescribeNetworkAclsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'token-2', 'token-3']);
    expect(resources).toHaveLength(4);
    expect(byId(resources, A.public)).toEqual({
      arn: aclArn(A.public),
      type: 'AWS::EC2::NetworkAcl',
      accountId: ACCOUNT,
      region: REGION,
      id: A.public,
      name: 'public-subnets',
      tags: { Name: 'public-subnets', owner: 'network' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        networkAclId: A.public,
        ownerId: ACCOUNT,
        vpcId: 'vpc-0a1b2c3d',
        isDefault: false,
        entries: [
          { ruleNumber: 100, egress: true, protocol: '6', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: 1024, toPort: 65535 },
          { ruleNumber: 90, egress: false, protocol: '6', ruleAction: 'allow', cidrBlock: '203.0.113.0/24', ipv6CidrBlock: null, fromPort: 22, toPort: 22 },
          { ruleNumber: 95, egress: false, protocol: '6', ruleAction: 'deny', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: 22, toPort: 22 },
          { ruleNumber: 100, egress: false, protocol: '6', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: 443, toPort: 443 },
          { ruleNumber: 110, egress: false, protocol: '1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: null, toPort: null },
          { ruleNumber: 32767, egress: true, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: null, toPort: null },
          { ruleNumber: 32768, egress: true, protocol: '-1', ruleAction: 'deny', cidrBlock: null, ipv6CidrBlock: '::/0', fromPort: null, toPort: null },
          { ruleNumber: 32767, egress: false, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, fromPort: null, toPort: null },
          { ruleNumber: 32768, egress: false, protocol: '-1', ruleAction: 'deny', cidrBlock: null, ipv6CidrBlock: '::/0', fromPort: null, toPort: null },
        ],
        subnetIds: ['subnet-0c000000000000001'],
      },
    });
  });

  it('keeps the default NACL’s subnets sorted, an unassociated NACL with none, and names an untagged NACL by its id', async () => {
    const { resources } = await runCollector(ec2NetworkAcl);
    const defaultAcl = byId(resources, A.default);
    expect(defaultAcl.config).toMatchObject({ isDefault: true, subnetIds: ['subnet-0b000000000000001', 'subnet-0b000000000000002'] });
    expect(defaultAcl.name).toBe(A.default);
    expect(byId(resources, A.unused).config.subnetIds).toEqual([]);
  });

  it('records the owner of a shared VPC’s NACL, with that account’s ARN', async () => {
    const { resources } = await runCollector(ec2NetworkAcl);
    const shared = byId(resources, A.shared);
    expect(shared.accountId).toBe(ACCOUNT);
    expect(shared.config.ownerId).toBe(NETWORK_ACCOUNT);
    expect(shared.arn).toBe(aclArn(A.shared, NETWORK_ACCOUNT));
  });

  it('UnauthorizedOperation (EC2’s access denied): no NACLs, and coverage names the EC2 code', async () => {
    ec2.on(DescribeNetworkAclsCommand).rejects(unauthorized('ec2:DescribeNetworkAcls'));
    const { resources, coverage } = await runCollector(ec2NetworkAcl);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'ec2',
        operation: 'DescribeNetworkAcls',
        resourceType: 'AWS::EC2::NetworkAcl',
        error: { code: 'UnauthorizedOperation', message: expect.stringContaining('not authorized to perform: ec2:DescribeNetworkAcls') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the NACLs already read', async () => {
    ec2.on(DescribeNetworkAclsCommand, { NextToken: 'token-3' }).rejects(ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503));
    const { resources, coverage } = await runCollector(ec2NetworkAcl);
    expect(resources.map((r) => r.id)).toEqual([A.default, A.public, A.unused].sort());
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeNetworkAcls', error: expect.objectContaining({ code: 'RequestLimitExceeded' }) })]);
  });

  it('an entry the model cannot hold leaves all the NACL’s entries unknown, not some of them', async () => {
    PAGES['token-2']!.acls[0]!.Entries!.splice(2, 1, { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '6', RuleNumber: 95, PortRange: { From: 22, To: 22 } });
    const { resources, coverage } = await runCollector(ec2NetworkAcl);
    expect(byId(resources, A.public).config.entries).toEqual(unknown('UnexpectedResponse: ec2:DescribeNetworkAcls'));
    expect(byId(resources, A.default).config.entries).toHaveLength(8);
    expect(coverage).toEqual([
      expect.objectContaining({
        resourceArn: aclArn(A.public),
        error: { code: 'UnexpectedResponse', message: `entries of ${A.public}: an entry without RuleAction` },
      }),
    ]);
  });

  it('keeps a NACL answered without its owner: the owner is unknown and coverage says so', async () => {
    PAGES['token-3']!.acls[0] = acl(A.shared, { OwnerId: undefined });
    const { resources, coverage } = await runCollector(ec2NetworkAcl);
    expect(byId(resources, A.shared).config.ownerId).toEqual(unknown('UnexpectedResponse: ec2:DescribeNetworkAcls'));
    expect(coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'DescribeNetworkAcls returned no OwnerId' } })]);
  });
});
