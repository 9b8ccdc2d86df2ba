/** IAM users, groups, roles and customer-managed policies of a demo account (region `global`). */
import { iamGroup, iamPolicy, iamRole, iamUser } from '../../model/builders.js';
import type { AttachedPolicy, PolicyDocument } from '../../model/common.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { AccessKey } from '../../model/types/iam/user.js';
import type { AccountScope } from '../scope.js';

const GLOBAL = 'global';

export function awsPolicy(name: string): AttachedPolicy {
  return { arn: `arn:aws:iam::aws:policy/${name}`, name };
}

export function customerPolicyRef(scope: AccountScope, name: string): AttachedPolicy {
  return { arn: `arn:aws:iam::${scope.accountId}:policy/${name}`, name };
}

export interface HumanSpec {
  name: string;
  tags: Tags;
  createdDaysAgo: number;
  mfa: boolean;
  /** Days since the last console sign-in; null: never signed in. */
  lastSignInDaysAgo: number | null;
  groups: readonly string[];
}

export function human(scope: AccountScope, spec: HumanSpec): Resource<'AWS::IAM::User'> {
  const { clock } = scope;
  const created = clock.daysAgo(spec.createdDaysAgo);
  return iamUser(
    {
      userId: `AIDA${scope.rng.upperAlnum(17)}`,
      path: '/',
      createDate: created,
      passwordEnabled: true,
      passwordLastUsed: spec.lastSignInDaysAgo === null ? null : clock.daysAgo(spec.lastSignInDaysAgo),
      mfaActive: spec.mfa,
      accessKeys: [],
      attachedPolicies: [],
      inlinePolicies: [],
      groups: [...spec.groups],
    },
    scope.envelope(GLOBAL, spec.name, spec.name, spec.tags, created),
  );
}

export interface KeySpec {
  ageDays: number;
  /** null: never used. */
  lastUsedDaysAgo: number | null;
  active: boolean;
}

export interface MachineUserSpec {
  name: string;
  tags: Tags;
  createdDaysAgo: number;
  keys: readonly KeySpec[];
  groups: readonly string[];
  policies: readonly AttachedPolicy[];
}

/** A console-less user that a pipeline signs in as with access keys (the deployer pattern). */
export function machineUser(scope: AccountScope, spec: MachineUserSpec): Resource<'AWS::IAM::User'> {
  const { clock, rng } = scope;
  const created = clock.daysAgo(spec.createdDaysAgo);
  const accessKeys: AccessKey[] = spec.keys.map((key) => ({
    id: `AKIA${rng.upperAlnum(16)}`,
    status: key.active ? 'Active' : 'Inactive',
    createDate: clock.daysAgo(key.ageDays),
    lastUsedDate: key.lastUsedDaysAgo === null ? null : clock.daysAgo(key.lastUsedDaysAgo),
  }));
  return iamUser(
    {
      userId: `AIDA${rng.upperAlnum(17)}`,
      path: '/',
      createDate: created,
      passwordEnabled: false,
      passwordLastUsed: null,
      mfaActive: false,
      accessKeys,
      attachedPolicies: [...spec.policies],
      inlinePolicies: [],
      groups: [...spec.groups],
    },
    scope.envelope(GLOBAL, spec.name, spec.name, spec.tags, created),
  );
}

export interface GroupSpec {
  name: string;
  members: readonly string[];
  policies: readonly AttachedPolicy[];
  createdDaysAgo: number;
}

/** IAM groups cannot carry tags. */
export function userGroup(scope: AccountScope, spec: GroupSpec): Resource<'AWS::IAM::Group'> {
  return iamGroup(
    {
      groupId: `AGPA${scope.rng.upperAlnum(17)}`,
      path: '/',
      members: [...spec.members],
      attachedPolicies: [...spec.policies],
      inlinePolicies: [],
    },
    scope.envelope(GLOBAL, spec.name, spec.name, {}, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}

export type Trust = { service: string } | { account: string; externalId?: string };

export interface RoleSpec {
  name: string;
  tags: Tags;
  trust: Trust;
  policies: readonly AttachedPolicy[];
  createdDaysAgo: number;
  /** null: never used. */
  lastUsedDaysAgo: number | null;
}

export function role(scope: AccountScope, spec: RoleSpec): Resource<'AWS::IAM::Role'> {
  const { clock } = scope;
  const statement: Record<string, unknown> =
    'service' in spec.trust
      ? { Effect: 'Allow', Principal: { Service: spec.trust.service }, Action: 'sts:AssumeRole' }
      : {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${spec.trust.account}:root` },
          Action: 'sts:AssumeRole',
          ...(spec.trust.externalId === undefined ? {} : { Condition: { StringEquals: { 'sts:ExternalId': spec.trust.externalId } } }),
        };
  return iamRole(
    {
      roleId: `AROA${scope.rng.upperAlnum(17)}`,
      path: '/',
      assumeRolePolicy: { Version: '2012-10-17', Statement: [statement] },
      attachedPolicies: [...spec.policies],
      inlinePolicies: [],
      lastUsed: spec.lastUsedDaysAgo === null ? null : clock.daysAgo(spec.lastUsedDaysAgo),
    },
    scope.envelope(GLOBAL, spec.name, spec.name, spec.tags, clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface PolicySpec {
  name: string;
  tags: Tags;
  document: PolicyDocument;
  attachedTo: { users?: readonly string[]; groups?: readonly string[]; roles?: readonly string[] };
  createdDaysAgo: number;
  /** How many times it was edited (the default version is the last). */
  versions?: number;
}

export function customerPolicy(scope: AccountScope, spec: PolicySpec): Resource<'AWS::IAM::Policy'> {
  return iamPolicy(
    {
      policyId: `ANPA${scope.rng.upperAlnum(17)}`,
      path: '/',
      awsManaged: false,
      defaultVersionId: `v${spec.versions ?? 1}`,
      document: spec.document,
      attachedTo: {
        users: [...(spec.attachedTo.users ?? [])],
        groups: [...(spec.attachedTo.groups ?? [])],
        roles: [...(spec.attachedTo.roles ?? [])],
      },
    },
    scope.envelope(GLOBAL, spec.name, spec.name, spec.tags, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}

/** `Allow * on *`: what a "temporary" deployer policy usually turns into. */
export function fullAdminDocument(): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
}
