/**
 * `AWS::EC2::SecurityGroup` from its configuration item: DescribeSecurityGroups' SecurityGroup in
 * camelCase. Each permission is turned back into the API's IpPermission and judged by the API
 * collector's own rule reader. Config writes IPv4 sources twice — `ipv4Ranges: [{ cidrIp }]` and
 * the older `ipRanges: ['cidr']` — and the first is read when present, so no range counts twice.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import { arnFor } from '../../../model/arn.js';
import type { SecurityGroupConfig } from '../../../model/types/ec2/security-group.js';
import type { Maybe } from '../../../model/unknown.js';
import type { FieldOf } from '../../contract/collector.js';
import { unexpected } from '../../contract/read-problem.js';
import { SECURITY_GROUP_FIELDS, securityGroupRule } from './security-group-rules.js';
import { int, jsonObject, list, str, type ConfigItem, type Json } from '../../config-source/config-item.js';
import { configResource, notInConfig, UNEXPECTED_CONFIG_ITEM, type NormaliseContext, type Normalised } from '../../config-source/normaliser.js';

type Field = FieldOf<'AWS::EC2::SecurityGroup'>;

/** Config records what DescribeSecurityGroups answers. */
export const SECURITY_GROUP_CONFIG_FILLS: readonly Field[] = SECURITY_GROUP_FIELDS;

const ACCOUNT_ID = /^[0-9]{12}$/;

function entries<E>(value: unknown, read: (entry: Json) => E | undefined): E[] {
  return (list(value) ?? []).flatMap((entry) => {
    const object = jsonObject(entry);
    const read_ = object !== undefined ? read(object) : undefined;
    return read_ !== undefined ? [read_] : [];
  });
}

/** Config's permission as the API's IpPermission. */
function ipPermission(permission: Json): IpPermission {
  const v4 = list(permission['ipv4Ranges']);
  return {
    IpProtocol: str(permission['ipProtocol']),
    FromPort: int(permission['fromPort']),
    ToPort: int(permission['toPort']),
    IpRanges:
      v4 !== undefined
        ? entries(v4, (range) => (str(range['cidrIp']) !== undefined ? { CidrIp: str(range['cidrIp']) } : undefined))
        : (list(permission['ipRanges']) ?? []).flatMap((cidr) => (typeof cidr === 'string' ? [{ CidrIp: cidr }] : [])),
    Ipv6Ranges: entries(permission['ipv6Ranges'], (range) => (str(range['cidrIpv6']) !== undefined ? { CidrIpv6: str(range['cidrIpv6']) } : undefined)),
    PrefixListIds: entries(permission['prefixListIds'], (prefix) =>
      str(prefix['prefixListId']) !== undefined ? { PrefixListId: str(prefix['prefixListId']) } : undefined,
    ),
    UserIdGroupPairs: entries(permission['userIdGroupPairs'], (pair) => ({
      GroupId: str(pair['groupId']),
      GroupName: str(pair['groupName']),
      UserId: str(pair['userId']),
    })),
  };
}

export function normaliseSecurityGroup(item: ConfigItem, ctx: NormaliseContext): Normalised<'AWS::EC2::SecurityGroup'> {
  const c = item.configuration;
  const groupId = str(c['groupId']) ?? item.resourceId;
  const ownerId = str(c['ownerId']);
  const owner = ownerId !== undefined && ACCOUNT_ID.test(ownerId) ? ownerId : undefined;
  const arn = item.arn ?? arnFor('AWS::EC2::SecurityGroup', owner ?? item.accountId, item.awsRegion, groupId, ctx.partition);
  const groupName = str(c['groupName']);
  const missing: ('ownerId' | 'groupName')[] = [];
  const reported = <V>(value: V | undefined, field: 'ownerId' | 'groupName'): Maybe<V> => {
    if (value !== undefined) return value;
    missing.push(field);
    return notInConfig(field);
  };
  // The rules are what the group is for: one the model cannot hold leaves that direction unknown.
  const rules = (direction: string, value: unknown): SecurityGroupConfig['ingress'] => {
    const out = [];
    for (const entry of list(value) ?? []) {
      const permission = jsonObject(entry);
      const rule = permission !== undefined ? securityGroupRule(ipPermission(permission)) : unexpected('a rule that is not an object');
      if (!rule.ok) return ctx.unreadable(arn, UNEXPECTED_CONFIG_ITEM, `${direction} of ${groupId}: ${rule.error.message}`);
      out.push(rule.value);
    }
    return out;
  };

  const resource = configResource(item, ctx, {
    type: 'AWS::EC2::SecurityGroup',
    arn,
    id: groupId,
    name: groupName ?? groupId,
    config: {
      groupId,
      ownerId: reported(owner, 'ownerId'),
      groupName: reported(groupName, 'groupName'),
      description: str(c['description']) ?? '',
      vpcId: str(c['vpcId']) ?? null,
      ingress: rules('inbound rules', c['ipPermissions']),
      egress: rules('outbound rules', c['ipPermissionsEgress']),
    },
  });
  return { ok: true, resource, missing };
}
