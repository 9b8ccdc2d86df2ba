/**
 * What the four IAM resource collectors share when they turn GetAccountAuthorizationDetails
 * entries into resources: the identity every entry must carry, attached and inline policies,
 * documents, tags and the resource envelope (region `global`).
 */
import type { AttachedPolicy as SdkAttachedPolicy, PolicyDetail, Tag } from '@aws-sdk/client-iam';
import type { AttachedPolicy, InlinePolicy, PolicyDocument } from '../../../model/common.js';
import { GLOBAL_REGION, type Resource, type Tags } from '../../../model/resource.js';
import type { ConfigOf, ResourceType } from '../../../model/resource-types.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../collect-context.js';
import { isoDate, tagMap } from '../../normalise.js';
import { UNPARSABLE_POLICY } from '../../policy-json.js';
import { parseEncodedPolicy } from './encoded-policy.js';
import type { AuthorizationDetails } from './iam-snapshot.js';

export const UNEXPECTED = 'UnexpectedResponse';

/** The fields without which an entry cannot be modelled. */
export interface Identity {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
}

/** The identity of an entry; a string says what it lacks. */
export function identityOf(
  kind: string,
  entry: { name?: string | undefined; id?: string | undefined; arn?: string | undefined; path?: string | undefined; created?: Date | undefined },
): Identity | string {
  const { name, id, arn, path } = entry;
  const createDate = isoDate(entry.created);
  if (name !== undefined && id !== undefined && arn !== undefined && path !== undefined && createDate !== null) return { name, id, arn, path, createDate };
  const missing = Object.entries({ name, id, ARN: arn, path, 'creation date': createDate })
    .filter(([, value]) => value === undefined || value === null)
    .map(([what]) => what);
  return `GetAccountAuthorizationDetails returned a ${kind}${name !== undefined ? ` (${name})` : ''} without ${missing.join(', ')}; it is left out`;
}

/**
 * Records, once for the collector's type, that the lists are incomplete; the value for fields that
 * relate entities to one another (group members, policy attachments). Undefined when complete.
 */
export function incompleteLists<T extends ResourceType>(ctx: CollectContext<T>, details: AuthorizationDetails): Unknown | undefined {
  return details.failed === undefined ? undefined : ctx.unknownOf(details.failed);
}

export function attachedPolicies(ctx: CollectContext<ResourceType>, list: readonly SdkAttachedPolicy[] | undefined, call: CallRef, arn: string): Maybe<AttachedPolicy[]> {
  const out: AttachedPolicy[] = [];
  for (const policy of list ?? []) {
    if (policy.PolicyArn === undefined || policy.PolicyName === undefined) {
      return ctx.unreadable(call, UNEXPECTED, 'an attached managed policy has no ARN or name', { arn });
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
export function inlinePolicies(ctx: CollectContext<ResourceType>, list: readonly PolicyDetail[] | undefined, call: CallRef, arn: string): Maybe<InlinePolicy[]> {
  const out: InlinePolicy[] = [];
  for (const policy of list ?? []) {
    if (policy.PolicyName === undefined) return ctx.unreadable(call, UNEXPECTED, 'an inline policy has no name', { arn });
    const document = policyDocument(ctx, policy.PolicyDocument, call, arn, `inline policy "${policy.PolicyName}"`);
    if (isUnknown(document)) return document;
    out.push({ name: policy.PolicyName, document });
  }
  return out;
}

export function iamTags(list: readonly Tag[] | undefined): Tags {
  return tagMap(list ?? [], (tag) => tag.Key, (tag) => tag.Value);
}

export function iamResource<T extends ResourceType>(ctx: CollectContext<T>, identity: Identity, tags: Maybe<Tags>, config: ConfigOf<T>): Resource<T> {
  return {
    arn: identity.arn,
    type: ctx.resourceType,
    accountId: ctx.accountId,
    region: GLOBAL_REGION,
    id: identity.name,
    name: identity.name,
    tags,
    createdAt: identity.createDate,
    source: 'api',
    observedAt: ctx.now().toISOString(),
    config,
  };
}
