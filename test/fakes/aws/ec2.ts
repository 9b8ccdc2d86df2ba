/**
 * EC2 (its query dialect: no Result wrapper, lower-camel element names, lists of `<item>`):
 * DescribeRegions, DescribeInstances (reservations of instances), DescribeVolumes,
 * DescribeSecurityGroups, DescribeVpcs, DescribeNetworkAcls, DescribeFlowLogs — each paged by
 * `MaxResults` / `NextToken` — EBS encryption by default with its key, and DescribeInstanceTypes
 * for the named types the synthetic account runs (plus a few with instance storage).
 */
import type { FlowLog, Instance, NetworkAcl, SecurityGroup, SyntheticAccount, Volume, Vpc } from './account.js';
import { ec2Error, ec2Reply, ec2Tags, formParams, items, page, pageSize, val, type ServiceHandler } from './wire.js';

function instance(i: Instance): string {
  return (
    val('instanceId', i.id) +
    val('imageId', 'ami-0abcdef1234567890') +
    `<instanceState>${val('code', i.state === 'running' ? 16 : 80)}${val('name', i.state)}</instanceState>` +
    val('privateDnsName', `ip-${i.privateIp.replace(/\./g, '-')}.ec2.internal`) +
    val('instanceType', i.type) +
    val('launchTime', i.launchedAt) +
    `<placement>${val('availabilityZone', `${i.region}a`)}${val('tenancy', 'default')}</placement>` +
    `<monitoring>${val('state', 'disabled')}</monitoring>` +
    val('subnetId', 'subnet-0a1b2c3d4e5f60718') +
    val('vpcId', 'vpc-0a1b2c3d') +
    val('privateIpAddress', i.privateIp) +
    val('ipAddress', i.publicIp) +
    items('groupSet', [i.securityGroup], (id) => val('groupId', id) + val('groupName', 'app')) +
    val('architecture', 'x86_64') +
    val('rootDeviceType', 'ebs') +
    (i.profile !== undefined ? `<iamInstanceProfile>${val('arn', i.profile)}${val('id', 'AIPAEXAMPLEPROFILE')}</iamInstanceProfile>` : '') +
    ec2Tags(i.tags) +
    `<metadataOptions>${val('state', 'applied')}${val('httpTokens', i.imdsV2 ? 'required' : 'optional')}${val('httpPutResponseHopLimit', i.imdsV2 ? 2 : 1)}${val('httpEndpoint', 'enabled')}</metadataOptions>`
  );
}

/** The instance types the fake describes: name → instance storage (GB per disk, disks, NVMe), none when absent. */
const INSTANCE_TYPES: ReadonlyMap<string, { sizeGiB: number; count: number; nvme: string } | undefined> = new Map([
  ['t3.micro', undefined],
  ['m6i.large', undefined],
  ['c7g.xlarge', undefined],
  ['r6i.2xlarge', undefined],
  ['m6id.large', { sizeGiB: 118, count: 1, nvme: 'required' }],
  ['i4i.xlarge', { sizeGiB: 937, count: 1, nvme: 'required' }],
  ['m3.medium', { sizeGiB: 4, count: 1, nvme: 'unsupported' }],
]);

function instanceType(name: string): string {
  const storage = INSTANCE_TYPES.get(name);
  return (
    val('instanceType', name) +
    val('currentGeneration', name !== 'm3.medium') +
    val('bareMetal', false) +
    val('hypervisor', name === 'm3.medium' ? 'xen' : 'nitro') +
    val('instanceStorageSupported', storage !== undefined) +
    (storage === undefined
      ? ''
      : `<instanceStorageInfo>${val('totalSizeInGB', storage.sizeGiB * storage.count)}${items('disks', [storage], (d) => val('sizeInGB', d.sizeGiB) + val('count', d.count) + val('type', 'ssd'))}${val('nvmeSupport', storage.nvme)}${val('encryptionSupport', storage.nvme === 'unsupported' ? 'unsupported' : 'required')}</instanceStorageInfo>`)
  );
}

function volume(v: Volume): string {
  return (
    val('volumeId', v.id) +
    val('size', v.sizeGiB) +
    val('availabilityZone', `${v.region}a`) +
    val('status', v.instance !== undefined ? 'in-use' : 'available') +
    val('createTime', v.createdAt) +
    items(
      'attachmentSet',
      v.instance === undefined ? [] : [v.instance],
      (id) =>
        val('volumeId', v.id) +
        val('instanceId', id) +
        val('device', '/dev/xvda') +
        val('status', 'attached') +
        val('attachTime', v.createdAt) +
        val('deleteOnTermination', true),
    ) +
    val('volumeType', v.type) +
    val('encrypted', v.encrypted) +
    val('kmsKeyId', v.kmsKey) +
    ec2Tags(v.tags)
  );
}

function securityGroup(accountId: string, g: SecurityGroup): string {
  const open = g.openPorts.map((port) => ({ protocol: 'tcp', from: port, to: port, cidr: '0.0.0.0/0' }));
  const ingress = [...open, { protocol: 'tcp', from: 443, to: 443, cidr: '10.0.0.0/8' }];
  const permission = (r: { protocol: string; from?: number; to?: number; cidr: string }) =>
    val('ipProtocol', r.protocol) +
    val('fromPort', r.from) +
    val('toPort', r.to) +
    items('groups', [], () => '') +
    items('ipRanges', [r.cidr], (c) => val('cidrIp', c)) +
    items('ipv6Ranges', [], () => '') +
    items('prefixListIds', [], () => '');
  return (
    val('ownerId', accountId) +
    val('groupId', g.id) +
    val('groupName', g.name) +
    val('groupDescription', g.name === 'default' ? 'default VPC security group' : `${g.name} access`) +
    val('vpcId', g.vpc) +
    val('securityGroupArn', `arn:aws:ec2:${g.region}:${accountId}:security-group/${g.id}`) +
    items('ipPermissions', ingress, permission) +
    items('ipPermissionsEgress', [{ protocol: '-1', cidr: '0.0.0.0/0' }], permission) +
    ec2Tags(g.tags)
  );
}

function vpc(accountId: string, v: Vpc): string {
  return (
    val('vpcId', v.id) +
    val('ownerId', accountId) +
    val('state', 'available') +
    val('cidrBlock', v.cidr) +
    items(
      'cidrBlockAssociationSet',
      [v.cidr],
      (cidr) =>
        val('cidrBlock', cidr) + val('associationId', `vpc-cidr-assoc-${v.id.slice(4, 21)}`) + `<cidrBlockState>${val('state', 'associated')}</cidrBlockState>`,
    ) +
    val('dhcpOptionsId', 'dopt-0a1b2c3d4e5f60718') +
    ec2Tags(v.tags) +
    val('instanceTenancy', 'default') +
    val('isDefault', v.isDefault) +
    `<blockPublicAccessStates>${val('internetGatewayBlockMode', 'off')}</blockPublicAccessStates>`
  );
}

function networkAcl(accountId: string, acl: NetworkAcl): string {
  return (
    val('networkAclId', acl.id) +
    val('vpcId', acl.vpc) +
    val('default', acl.isDefault) +
    items(
      'entrySet',
      acl.entries,
      (e) =>
        val('ruleNumber', e.rule) +
        val('protocol', e.protocol) +
        val('ruleAction', e.action) +
        val('egress', e.egress) +
        val('cidrBlock', e.cidr) +
        (e.ports !== undefined ? `<portRange>${val('from', e.ports[0])}${val('to', e.ports[1])}</portRange>` : ''),
    ) +
    items(
      'associationSet',
      acl.subnets,
      (subnet) => val('networkAclAssociationId', `aclassoc-${subnet.slice(7)}`) + val('networkAclId', acl.id) + val('subnetId', subnet),
    ) +
    ec2Tags(acl.tags) +
    val('ownerId', accountId)
  );
}

function flowLog(accountId: string, f: FlowLog): string {
  return (
    val('creationTime', f.createdAt) +
    (f.destination.type === 'cloud-watch-logs' ? val('deliverLogsPermissionArn', `arn:aws:iam::${accountId}:role/vpc-flow-logs`) : '') +
    val('deliverLogsStatus', f.delivering ? 'SUCCESS' : 'FAILED') +
    (f.delivering ? '' : val('deliverLogsErrorMessage', 'Access error')) +
    val('flowLogId', f.id) +
    val('flowLogStatus', 'ACTIVE') +
    (f.destination.type === 'cloud-watch-logs' ? val('logGroupName', f.destination.logGroup) : '') +
    val('resourceId', f.resource) +
    val('trafficType', f.trafficType) +
    val('logDestinationType', f.destination.type) +
    val(
      'logDestination',
      f.destination.type === 'cloud-watch-logs' ? `arn:aws:logs:${f.region}:${accountId}:log-group:${f.destination.logGroup}` : f.destination.bucketArn,
    ) +
    val(
      'logFormat',
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
    ) +
    ec2Tags({}) +
    val('maxAggregationInterval', 600)
  );
}

/** Reservations whole, each page holding at most `size` instances. */
function reservationPages(instances: readonly Instance[], size: number): Instance[][][] {
  const reservations = new Map<string, Instance[]>();
  for (const i of instances) reservations.set(i.reservation, [...(reservations.get(i.reservation) ?? []), i]);
  const pages: Instance[][][] = [[]];
  let inPage = 0;
  for (const reservation of reservations.values()) {
    if (inPage + reservation.length > size) {
      pages.push([]);
      inPage = 0;
    }
    pages.at(-1)!.push(reservation);
    inPage += reservation.length;
  }
  return pages;
}

export function ec2(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const params = formParams(request);
    const action = params.get('Action') ?? '';
    const token = params.get('NextToken');
    const next = (t: string | undefined) => val('nextToken', t);
    switch (action) {
      case 'DescribeRegions':
        return ec2Reply(
          action,
          items(
            'regionInfo',
            account.regions,
            (r) => val('regionName', r) + val('regionEndpoint', `ec2.${r}.amazonaws.com`) + val('optInStatus', 'opt-in-not-required'),
          ),
        );
      case 'DescribeInstances': {
        const pages = reservationPages(
          account.instances.filter((i) => i.region === region),
          pageSize(params.get('MaxResults'), 1000, 1000),
        );
        const {
          items: [reservations = []],
          next: nextToken,
        } = page(pages, token, 1);
        const body = items(
          'reservationSet',
          reservations,
          (r) =>
            val('reservationId', r[0]!.reservation) + val('ownerId', account.accountId) + items('groupSet', [], () => '') + items('instancesSet', r, instance),
        );
        return ec2Reply(action, body + next(nextToken));
      }
      case 'DescribeInstanceTypes': {
        const named = [...params.entries()].filter(([key]) => /^InstanceType\.\d+$/.test(key)).map(([, name]) => name);
        const unknownTypes = named.filter((name) => !INSTANCE_TYPES.has(name));
        if (unknownTypes.length > 0) return ec2Error('InvalidInstanceType', `The following supplied instance types do not exist: [${unknownTypes.join(', ')}]`);
        const { items: found, next: nextToken } = page(
          named.length > 0 ? named : [...INSTANCE_TYPES.keys()],
          token,
          pageSize(params.get('MaxResults'), 100, 100),
        );
        return ec2Reply(action, items('instanceTypeSet', found, instanceType) + next(nextToken));
      }
      case 'DescribeVolumes': {
        const { items: found, next: nextToken } = page(
          account.volumes.filter((v) => v.region === region),
          token,
          pageSize(params.get('MaxResults'), 500, 500),
        );
        return ec2Reply(action, items('volumeSet', found, volume) + next(nextToken));
      }
      case 'DescribeSecurityGroups': {
        const { items: found, next: nextToken } = page(
          account.securityGroups.filter((g) => g.region === region),
          token,
          pageSize(params.get('MaxResults'), 1000, 1000),
        );
        return ec2Reply(action, items('securityGroupInfo', found, (g) => securityGroup(account.accountId, g)) + next(nextToken));
      }
      case 'DescribeVpcs': {
        const { items: found, next: nextToken } = page(
          account.vpcs.filter((v) => v.region === region),
          token,
          pageSize(params.get('MaxResults'), 1000, 1000),
        );
        return ec2Reply(action, items('vpcSet', found, (v) => vpc(account.accountId, v)) + next(nextToken));
      }
      case 'DescribeNetworkAcls': {
        const { items: found, next: nextToken } = page(
          account.networkAcls.filter((a) => a.region === region),
          token,
          pageSize(params.get('MaxResults'), 1000, 1000),
        );
        return ec2Reply(action, items('networkAclSet', found, (a) => networkAcl(account.accountId, a)) + next(nextToken));
      }
      case 'DescribeFlowLogs': {
        const { items: found, next: nextToken } = page(
          account.flowLogs.filter((f) => f.region === region),
          token,
          pageSize(params.get('MaxResults'), 1000, 1000),
        );
        return ec2Reply(action, items('flowLogSet', found, (f) => flowLog(account.accountId, f)) + next(nextToken));
      }
      case 'GetEbsEncryptionByDefault':
        return ec2Reply(action, val('ebsEncryptionByDefault', account.ebsDefault[region] === true) + val('sseType', 'sse-ebs'));
      case 'GetEbsDefaultKmsKeyId':
        return ec2Reply(action, val('kmsKeyId', `arn:aws:kms:${region}:${account.accountId}:alias/aws/ebs`));
      default:
        return ec2Error('InvalidAction', `the fake EC2 does not answer ${action}`);
    }
  };
}
