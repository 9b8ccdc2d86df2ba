/**
 * `AWS::IAM::Policy`: customer-managed policies, and AWS-managed ones attached to something in the
 * account, from the account's shared GetAccountAuthorizationDetails read. The document is the
 * default version's; the attachments are gathered from the users, groups and roles that list the
 * policy (unknown when those lists are incomplete). GetAccountAuthorizationDetails has no policy
 * tags: they take ListPolicyTags per customer-managed policy, sent only when the selection reads
 * tags; AWS-managed policies carry none.
 */
import { ListPolicyTagsCommand, type AttachedPolicy, type ManagedPolicyDetail } from '@aws-sdk/client-iam';
import type { Tags } from '../../../model/resource.js';
import type { IamPolicyConfig } from '../../../model/types/iam/policy.js';
import type { Maybe, Unknown } from '../../../model/unknown.js';
import type { CollectContext } from '../../contract/collect-context.js';
import { defineCollector, type ResourceCollector } from '../../contract/collector.js';
import { readAllPages } from '../../contract/paginate.js';
import { reported } from '../../contract/reported.js';
import { iamResource, iamTags, identityOf, incompleteLists, policyDocument } from './entity.js';
import type { AuthorizationDetails, IamSnapshots } from './snapshot.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::IAM::Policy'>;
type Attachments = Exclude<IamPolicyConfig['attachedTo'], Unknown>;

/** `arn:aws:iam::aws:policy/...`: owned by AWS, not by the account. */
export function isAwsManaged(arn: string): boolean {
  return arn.split(':')[4] === 'aws';
}

/** Policy ARN → the names of the users, groups and roles it is attached to. */
function attachmentsByPolicy(details: AuthorizationDetails): Map<string, Attachments> {
  const byPolicy = new Map<string, Attachments>();
  const add = (kind: keyof Attachments, name: string | undefined, attached: readonly AttachedPolicy[] | undefined) => {
    if (name === undefined) return;
    for (const policy of attached ?? []) {
      if (policy.PolicyArn === undefined) continue;
      const entry = byPolicy.get(policy.PolicyArn) ?? { users: [], groups: [], roles: [] };
      entry[kind].push(name);
      byPolicy.set(policy.PolicyArn, entry);
    }
  };
  for (const user of details.users) add('users', user.UserName, user.AttachedManagedPolicies);
  for (const group of details.groups) add('groups', group.GroupName, group.AttachedManagedPolicies);
  for (const role of details.roles) add('roles', role.RoleName, role.AttachedManagedPolicies);
  for (const entry of byPolicy.values()) for (const list of Object.values(entry)) list.sort();
  return byPolicy;
}

function defaultDocument(ctx: Ctx, policy: ManagedPolicyDetail, details: AuthorizationDetails, arn: string): IamPolicyConfig['document'] {
  const version = policy.PolicyVersionList?.find((v) => v.IsDefaultVersion === true || (v.VersionId !== undefined && v.VersionId === policy.DefaultVersionId));
  if (version === undefined)
    return ctx.unreadable(details.call, UNEXPECTED_RESPONSE, `the default version ${policy.DefaultVersionId ?? ''} is not among the policy versions`, { arn });
  return policyDocument(ctx, version.Document, details.call, arn, `policy version ${version.VersionId ?? policy.DefaultVersionId ?? ''}`);
}

async function tags(ctx: Ctx, arn: string, awsManaged: boolean): Promise<Maybe<Tags>> {
  if (awsManaged) return {};
  if (!ctx.runs('ListPolicyTags')) return ctx.notCollected('ListPolicyTags');
  const pages = await readAllPages(ctx, {
    command: (marker) => new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 1000, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page) => page.Tags,
    next: (page) => ({ token: page.IsTruncated === true ? page.Marker : undefined, truncated: page.IsTruncated === true }),
    resource: { arn },
  });
  return pages.unknown ?? iamTags(pages.items);
}

async function collectPolicy(
  ctx: Ctx,
  details: AuthorizationDetails,
  policy: ManagedPolicyDetail,
  attachments: Map<string, Attachments>,
  incomplete: Unknown | undefined,
): Promise<void> {
  if (policy.Arn === undefined) {
    // Only its ARN tells an AWS-managed policy from the account's own of the same name: without it, it cannot be told apart.
    ctx.unreadable(
      details.call,
      UNEXPECTED_RESPONSE,
      `GetAccountAuthorizationDetails returned the policy ${policy.PolicyName ?? policy.PolicyId ?? '(unnamed)'} without an Arn; it cannot be told apart and is left out`,
    );
    return;
  }
  const found = identityOf(ctx, details.call, 'managed policy', {
    name: policy.PolicyName,
    id: policy.PolicyId,
    arn: policy.Arn,
    path: policy.Path,
    created: policy.CreateDate,
  });
  if (!found.ok) {
    ctx.unreadable(details.call, found.error.code, found.error.message);
    return;
  }
  const identity = found.value;
  const awsManaged = isAwsManaged(identity.arn);
  const attachedTo = attachments.get(identity.arn);
  // AWS manages over a thousand policies; only those the account uses belong to its inventory.
  if (awsManaged && attachedTo === undefined && (policy.AttachmentCount ?? 0) === 0) return;
  ctx.emit(
    iamResource(ctx, identity, await tags(ctx, identity.arn, awsManaged), {
      policyId: identity.id,
      path: identity.path,
      awsManaged,
      defaultVersionId: reported(ctx, details.call, policy.DefaultVersionId, 'DefaultVersionId', { arn: identity.arn }),
      document: defaultDocument(ctx, policy, details, identity.arn),
      attachedTo: incomplete ?? attachedTo ?? { users: [], groups: [], roles: [] },
    }),
  );
}

export function iamPolicyCollector(snapshots: IamSnapshots): ResourceCollector<'AWS::IAM::Policy'> {
  return defineCollector({
    resourceType: 'AWS::IAM::Policy',
    service: 'iam',
    scope: 'account',
    operations: [
      {
        operation: 'GetAccountAuthorizationDetails',
        iamAction: 'iam:GetAccountAuthorizationDetails',
        fills: ['policyId', 'path', 'awsManaged', 'defaultVersionId', 'document', 'attachedTo', 'name', 'createdAt'],
        required: true,
        lists: true,
      },
      { operation: 'ListPolicyTags', iamAction: 'iam:ListPolicyTags', fills: ['tags'] },
    ],
    async collect(ctx) {
      const details = await snapshots.authorizationDetails(ctx);
      const incomplete = incompleteLists(ctx, details);
      const attachments = attachmentsByPolicy(details);
      await Promise.all(details.policies.map((policy) => collectPolicy(ctx, details, policy, attachments, incomplete)));
    },
  });
}
