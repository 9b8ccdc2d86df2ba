/**
 * The VPCs of a demo account and their network ACLs: the default VPC AWS creates in every region
 * (172.31.0.0/16, three default subnets, a default NACL that allows everything unless the baseline
 * quarantined it), and the application VPC the account's workloads run in (10.x.0.0/16), whose
 * subnets a custom NACL filters while its own default NACL is left unassociated.
 */
import { networkAcl, vpc as vpcResource } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { NetworkAclEntry } from '../../model/types/ec2/network-acl.js';
import type { FlowLog } from '../../model/types/ec2/vpc.js';
import type { AccountScope, Vpc } from '../scope.js';

const INTERNET = '0.0.0.0/0';
const TCP = '6';
const ALL = '-1';

/** A flow log of the whole VPC, delivered to the log archive bucket or a CloudWatch Logs group. */
export interface FlowLogSpec {
  trafficType: 'ALL' | 'REJECT';
  destination: 's3' | 'cloud-watch-logs';
}

function flowLogs(scope: AccountScope, spec: FlowLogSpec | null): FlowLog[] {
  if (spec === null) return [];
  return [
    {
      flowLogId: `fl-${scope.rng.hex(17)}`,
      trafficType: spec.trafficType,
      flowLogStatus: 'ACTIVE',
      deliverLogsStatus: 'SUCCESS',
      logDestinationType: spec.destination,
    },
  ];
}

function entry(
  ruleNumber: number,
  egress: boolean,
  ruleAction: 'allow' | 'deny',
  protocol: string,
  cidr: string,
  ports?: readonly [number, number],
): NetworkAclEntry {
  return { ruleNumber, egress, protocol, ruleAction, cidrBlock: cidr, ipv6CidrBlock: null, fromPort: ports?.[0] ?? null, toPort: ports?.[1] ?? null };
}

/** What a default NACL holds as AWS creates it: everything allowed both ways. */
function allowAll(): NetworkAclEntry[] {
  return [
    entry(100, false, 'allow', ALL, INTERNET),
    entry(32767, false, 'deny', ALL, INTERNET),
    entry(100, true, 'allow', ALL, INTERNET),
    entry(32767, true, 'deny', ALL, INTERNET),
  ];
}

/** Only the final `*` entries: the baseline stack removed the allows of the default VPC's NACL. */
function denyAll(): NetworkAclEntry[] {
  return [entry(32767, false, 'deny', ALL, INTERNET), entry(32767, true, 'deny', ALL, INTERNET)];
}

/**
 * Private application subnets: anything from inside the VPC, and the return traffic of outbound
 * calls (ephemeral ports) from anywhere — with RDP, which the ephemeral range takes in, denied first.
 */
function privateSubnets(vpcCidr: string): NetworkAclEntry[] {
  return [
    entry(100, false, 'allow', ALL, vpcCidr),
    entry(200, false, 'deny', TCP, INTERNET, [3389, 3389]),
    entry(210, false, 'allow', TCP, INTERNET, [1024, 65535]),
    entry(32767, false, 'deny', ALL, INTERNET),
    entry(100, true, 'allow', ALL, INTERNET),
    entry(32767, true, 'deny', ALL, INTERNET),
  ];
}

/** The development subnets: SSH from anywhere for the dev boxes, and the whole ephemeral range (RDP included). */
function openDevSubnets(vpcCidr: string): NetworkAclEntry[] {
  return [
    entry(100, false, 'allow', TCP, INTERNET, [22, 22]),
    entry(110, false, 'allow', TCP, INTERNET, [1024, 65535]),
    entry(120, false, 'allow', ALL, vpcCidr),
    entry(32767, false, 'deny', ALL, INTERNET),
    entry(100, true, 'allow', ALL, INTERNET),
    entry(32767, true, 'deny', ALL, INTERNET),
  ];
}

interface AclSpec {
  region: string;
  vpcId: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
  subnetIds: readonly string[];
  name: string;
  tags: Tags;
  createdAt: string;
}

function acl(scope: AccountScope, spec: AclSpec): Resource<'AWS::EC2::NetworkAcl'> {
  const id = `acl-${scope.rng.hex(17)}`;
  const tags = spec.name === '' ? { ...spec.tags } : { Name: spec.name, ...spec.tags };
  return networkAcl(
    { networkAclId: id, ownerId: scope.accountId, vpcId: spec.vpcId, isDefault: spec.isDefault, entries: spec.entries, subnetIds: [...spec.subnetIds] },
    scope.envelope(spec.region, id, spec.name === '' ? id : spec.name, tags, spec.createdAt),
  );
}

export interface DefaultVpcSpec {
  region: string;
  /** What AWS created is untagged until a baseline tags it. */
  tags: Tags;
  /** When the account (and so its default VPC) was created. */
  createdDaysAgo: number;
  flowLog: FlowLogSpec | null;
  /** `quarantined`: the baseline emptied the default NACL; `open`: as AWS created it. */
  nacl: 'quarantined' | 'open';
}

/** The region's default VPC and its default NACL, which its three default subnets use. */
export function* defaultVpc(scope: AccountScope, spec: DefaultVpcSpec): Generator<Resource<'AWS::EC2::VPC'> | Resource<'AWS::EC2::NetworkAcl'>> {
  const { rng, clock } = scope;
  const createdAt = clock.daysAgo(spec.createdDaysAgo);
  const vpcId = `vpc-${rng.hex(17)}`;
  const subnetIds = [`subnet-${rng.hex(17)}`, `subnet-${rng.hex(17)}`, `subnet-${rng.hex(17)}`];
  yield vpcResource(
    { vpcId, ownerId: scope.accountId, isDefault: true, cidrBlock: '172.31.0.0/16', state: 'available', flowLogs: flowLogs(scope, spec.flowLog) },
    scope.envelope(spec.region, vpcId, vpcId, { ...spec.tags }, createdAt),
  );
  yield acl(scope, {
    region: spec.region,
    vpcId,
    isDefault: true,
    entries: spec.nacl === 'quarantined' ? denyAll() : allowAll(),
    subnetIds,
    name: '',
    tags: spec.tags,
    createdAt,
  });
}

export interface ApplicationVpcSpec {
  region: string;
  name: string;
  tags: Tags;
  createdDaysAgo: number;
  flowLog: FlowLogSpec | null;
  /** `private`: the hardened NACL of production subnets; `open-dev`: SSH and the ephemeral range from anywhere; `default`: the subnets kept the default NACL. */
  subnetAcl: 'private' | 'open-dev' | 'default';
}

/** The account's application VPC of the region (the one its instances and groups use), with its NACLs. */
export function* applicationVpc(scope: AccountScope, spec: ApplicationVpcSpec): Generator<Resource<'AWS::EC2::VPC'> | Resource<'AWS::EC2::NetworkAcl'>> {
  const network: Vpc = scope.vpc(spec.region);
  const createdAt = scope.clock.daysAgo(spec.createdDaysAgo);
  const cidr = `10.${network.octet}.0.0/16`;
  yield vpcResource(
    { vpcId: network.vpcId, ownerId: scope.accountId, isDefault: false, cidrBlock: cidr, state: 'available', flowLogs: flowLogs(scope, spec.flowLog) },
    scope.envelope(spec.region, network.vpcId, spec.name, { Name: spec.name, ...spec.tags }, createdAt),
  );
  const custom = spec.subnetAcl !== 'default';
  yield acl(scope, {
    region: spec.region,
    vpcId: network.vpcId,
    isDefault: true,
    entries: allowAll(),
    // Every subnet is associated with the custom NACL, so the default one filters nothing.
    subnetIds: custom ? [] : network.subnetIds,
    name: '',
    tags: spec.tags,
    createdAt,
  });
  if (!custom) return;
  yield acl(scope, {
    region: spec.region,
    vpcId: network.vpcId,
    isDefault: false,
    entries: spec.subnetAcl === 'private' ? privateSubnets(cidr) : openDevSubnets(cidr),
    subnetIds: network.subnetIds,
    name: `${spec.name}-${spec.subnetAcl === 'private' ? 'private' : 'dev'}-subnets`,
    tags: spec.tags,
    createdAt,
  });
}
