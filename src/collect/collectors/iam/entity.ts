/**
 * What the four IAM resource collectors share when they turn GetAccountAuthorizationDetails
 * entries into resources: the identity every entry must carry, attached and inline policies,
 * documents, tags and the resource envelope (region `global`).
 */
import type { AttachedPolicy as SdkAttachedPolicy, PolicyDetail, Tag } from '@aws-sdk/client-iam';
import type { AttachedPolicy, InlinePolicy, PolicyDocument } from '../../../model/common.js';
import { arnFor } from '../../../model/arn.js';
import { GLOBAL_REGION, type CollectedConfig, type CollectedResource, type Tags } from '../../../model/resource.js';
import type { ConfigOf, ResourceType } from '../../../model/resource-types.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { isoDate, tagMap } from '../../contract/normalise.js';
import { UNPARSABLE_POLICY } from '../../contract/policy-json.js';
import { reported } from '../../contract/reported.js';
import { parseEncodedPolicy } from './encoded-policy.js';
import type { AuthorizationDetails } from './snapshot.js';
import { unexpected, UNEXPECTED_RESPONSE, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

/** The IAM entities GetAccountAuthorizationDetails lists. */
export type IamEntityType = 'AWS::IAM::User' | 'AWS::IAM::Group' | 'AWS::IAM::Role' | 'AWS::IAM::Policy';

/** The response field of each entity's id. */
const ID_FIELD: Readonly<Record<IamEntityType, string>> = {
  'AWS::IAM::User': 'UserId',
  'AWS::IAM::Group': 'GroupId',
  'AWS::IAM::Role': 'RoleId',
  'AWS::IAM::Policy': 'PolicyId',
};

/** Who an entry is: its name (without which it cannot be told apart), its ARN, and what else the listing says of it. */
export interface Identity {
  readonly name: string;
  readonly arn: string;
  readonly id: Maybe<string>;
  readonly path: Maybe<string>;
  readonly createDate: Maybe<string>;
}

/**
 * The identity of an entry: each field it lacks is unknown (coverage names it), an ARN it lacks is
 * built from its path and name. A string says why there is none: an entry without a name.
 */
export function identityOf<T extends IamEntityType>(
  ctx: CollectContext<T>,
  call: CallRef,
  kind: string,
  entry: { name?: string | undefined; id?: string | undefined; arn?: string | undefined; path?: string | undefined; created?: Date | undefined },
): Read<Identity> {
  const { name } = entry;
  if (name === undefined)
    return unexpected(`GetAccountAuthorizationDetails returned a ${kind}${entry.arn !== undefined ? ` (${entry.arn})` : ''} without a name; it is left out`);
  // An IAM ARN holds the path: role/service-role/deployer.
  const arn = entry.arn ?? arnFor(ctx.resourceType, ctx.accountId, GLOBAL_REGION, `${(entry.path ?? '/').slice(1)}${name}`, ctx.partition);
  const ref = { arn };
  return ok({
    name,
    arn,
    id: reported(ctx, call, entry.id, ID_FIELD[ctx.resourceType], ref),
    path: reported(ctx, call, entry.path, 'Path', ref),
    createDate: reported(ctx, call, isoDate(entry.created) ?? undefined, 'CreateDate', ref),
  });
}

/**
 * Records, once for the collector's type, that the lists are incomplete; the value for fields that
 * relate entities to one another (group members, policy attachments). Undefined when complete.
 */
export function incompleteLists<T extends ResourceType>(ctx: CollectContext<T>, details: AuthorizationDetails): Unknown | undefined {
  return details.failed === undefined ? undefined : ctx.unknownOf(details.failed);
}

export function attachedPolicies(
  ctx: CollectContext<ResourceType>,
  list: readonly SdkAttachedPolicy[] | undefined,
  call: CallRef,
  arn: string,
): Maybe<AttachedPolicy[]> {
  const out: AttachedPolicy[] = [];
  for (const policy of list ?? []) {
    if (policy.PolicyArn === undefined || policy.PolicyName === undefined) {
      return ctx.unreadable(call, UNEXPECTED_RESPONSE, 'an attached managed policy has no ARN or name', { arn });
    }
    out.push({ arn: policy.PolicyArn, name: policy.PolicyName });
  }
  return out;
}

/** A URL-encoded policy document; unknown, and in coverage, when it does not parse. */
export function policyDocument(ctx: CollectContext<ResourceType>, text: string | undefined, call: CallRef, arn: string, what: string): Maybe<PolicyDocument> {
  const parsed = parseEncodedPolicy(text);
  return parsed.ok ? parsed.policy : ctx.unreadable(call, UNPARSABLE_POLICY, `${what}: ${parsed.message}`, { arn });
}

/** Inline policies; one that cannot be read leaves the list unknown (a partial list could hide a grant). */
export function inlinePolicies(
  ctx: CollectContext<ResourceType>,
  list: readonly PolicyDetail[] | undefined,
  call: CallRef,
  arn: string,
): Maybe<InlinePolicy[]> {
  const out: InlinePolicy[] = [];
  for (const policy of list ?? []) {
    if (policy.PolicyName === undefined) return ctx.unreadable(call, UNEXPECTED_RESPONSE, 'an inline policy has no name', { arn });
    const document = policyDocument(ctx, policy.PolicyDocument, call, arn, `inline policy "${policy.PolicyName}"`);
    if (isUnknown(document)) return document;
    out.push({ name: policy.PolicyName, document });
  }
  return out;
}

export function iamTags(list: readonly Tag[] | undefined): Tags {
  return tagMap(
    list ?? [],
    (tag) => tag.Key,
    (tag) => tag.Value,
  );
}

export function iamResource<T extends IamEntityType>(
  ctx: CollectContext<T>,
  identity: Identity,
  tags: Maybe<Tags>,
  config: CollectedConfig<ConfigOf<T>>,
): CollectedResource<T> {
  return ctx.resource({
    arn: identity.arn,
    region: GLOBAL_REGION,
    id: identity.name,
    tags,
    ...(!isUnknown(identity.createDate) && { createdAt: identity.createDate }),
    config,
  });
}
