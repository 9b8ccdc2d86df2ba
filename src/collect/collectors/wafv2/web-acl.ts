/**
 * `AWS::WAFv2::WebACL`, per region: every page of ListWebACLs for scope REGIONAL, and in us-east-1
 * also for scope CLOUDFRONT (AWS keeps CloudFront's web ACLs there; a collection without us-east-1
 * among its regions has none of them). WAF hands out a NextMarker with the last page too, whose
 * next page is empty: an empty page ends the list.
 *
 * For each web ACL, as the selection asks: GetWebACL (default action and rules) with GetIPSet once
 * per referenced IP set (`ip-sets.ts`), ListResourcesForWebACL once per regional resource type (the
 * call answers one type at a time, ALBs when none is named), GetLoggingConfiguration
 * (WAFNonexistentItemException: logging not configured) and ListTagsForResource. A CLOUDFRONT web
 * ACL's distributions are CloudFront's to list (ListDistributionsByWebACLId), which Vigil does not
 * call: its associations are unknown. Every listed web ACL is kept whatever else fails, with what
 * could not be read unknown field by field; one deleted between the listing and GetWebACL is left
 * out, and coverage says so.
 */
import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListTagsForResourceCommand,
  ListWebACLsCommand,
  type Scope,
  type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import { arnFor } from '../../../model/arn.js';
import { GLOBAL_REGION, type Tags } from '../../../model/resource.js';
import {
  CLOUDFRONT_REGION,
  REGIONAL_RESOURCE_TYPES,
  webAclResourceId,
  type WebAclAssociation,
  type WebAclConfig,
  type WebAclLogging,
} from '../../../model/types/wafv2/web-acl.js';
import { isUnknown, unknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext, ResourceRef } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { listedOnce, tagMap } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { missing } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';
import { ipSetReader, type IpSetReader } from './ip-sets.js';
import { Malformed, rulesOf } from './web-acl-rules.js';
import { parseWafv2Arn } from './wafv2-arn.js';

type Ctx = CollectContext<'AWS::WAFv2::WebACL'>;

/** ListWebACLs' and ListTagsForResource's Limit is 1 to 100. */
const PAGE_SIZE = 100;

/** A listed web ACL: its ARN and the name and id the Get calls take (from the summary, else from the ARN). */
interface Identity {
  readonly arn: string;
  readonly name: string;
  readonly webAclId: string;
}

function identityOf(ctx: Ctx, scope: Scope, summary: WebACLSummary): Identity | undefined {
  const parsed = summary.ARN === undefined ? undefined : parseWafv2Arn(summary.ARN);
  const name = summary.Name ?? parsed?.name;
  const webAclId = summary.Id ?? parsed?.id;
  if (name === undefined || webAclId === undefined) return undefined;
  const arn = summary.ARN ?? arnFor('AWS::WAFv2::WebACL', ctx.accountId, ctx.region, webAclResourceId(scope, name, webAclId), ctx.partition);
  return { arn, name, webAclId };
}

type Detail = Pick<WebAclConfig, 'defaultAction' | 'rules'>;

/** The web ACL deleted since the listing: left out, coverage names it. */
const GONE = Symbol('gone');

async function detailOf(ctx: Ctx, scope: Scope, acl: Identity, ipSets: IpSetReader): Promise<Maybe<Detail> | typeof GONE> {
  const ref: ResourceRef = { arn: acl.arn };
  if (!ctx.runs('GetWebACL')) return ctx.notCollected('GetWebACL');
  const outcome = await ctx.send(new GetWebACLCommand({ Name: acl.name, Scope: scope, Id: acl.webAclId }));
  if (!outcome.ok) {
    if (outcome.failure.code !== 'WAFNonexistentItemException') return ctx.unknownOf(outcome, ref);
    ctx.unreadable(
      outcome.call,
      outcome.failure.code,
      `the web ACL was listed by ListWebACLs but no longer exists (${outcome.failure.message}); it is left out`,
      ref,
    );
    return GONE;
  }
  const webAcl = outcome.value.WebACL;
  if (webAcl === undefined) return missing(ctx, outcome.call, 'WebACL', ref);
  const unexpected = (what: string) => ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, `GetWebACL returned ${what}`, ref);
  const { DefaultAction: defaultAction } = webAcl;
  const rules = await rulesOf(webAcl, (arn) => ipSets(arn, ref));
  return {
    defaultAction:
      defaultAction === undefined
        ? missing(ctx, outcome.call, 'DefaultAction', ref)
        : defaultAction.Allow !== undefined
          ? 'Allow'
          : defaultAction.Block !== undefined
            ? 'Block'
            : unexpected('a DefaultAction that is neither Allow nor Block'),
    rules: rules instanceof Malformed ? unexpected(rules.problem) : rules,
  };
}

const CLOUDFRONT_ASSOCIATIONS = unknown(
  'NotCollected: cloudfront:ListDistributionsByWebACLId (a CloudFront distribution names its web ACL in its own configuration, which Vigil does not read)',
);

async function associationsOf(ctx: Ctx, scope: Scope, acl: Identity): Promise<Maybe<WebAclAssociation[]>> {
  if (scope === 'CLOUDFRONT') return CLOUDFRONT_ASSOCIATIONS;
  if (!ctx.runs('ListResourcesForWebACL')) return ctx.notCollected('ListResourcesForWebACL');
  const ref: ResourceRef = { arn: acl.arn };
  const answers = await Promise.all(
    REGIONAL_RESOURCE_TYPES.map(async (resourceType) => ({
      resourceType,
      outcome: await ctx.send(new ListResourcesForWebACLCommand({ WebACLArn: acl.arn, ResourceType: resourceType })),
    })),
  );
  const associations: WebAclAssociation[] = [];
  let unread: Unknown | undefined;
  for (const { resourceType, outcome } of answers) {
    // Some resource types unread: "associated with nothing" cannot be told (each failure is in coverage).
    if (!outcome.ok) unread ??= ctx.unknownOf(outcome, ref);
    else if (outcome.value.ResourceArns === undefined) unread ??= missing(ctx, outcome.call, `ResourceArns (${resourceType})`, ref);
    else associations.push(...outcome.value.ResourceArns.map((arn) => ({ resourceType, arn })));
  }
  return unread ?? associations;
}

async function loggingOf(ctx: Ctx, acl: Identity): Promise<Maybe<WebAclLogging | null>> {
  if (!ctx.runs('GetLoggingConfiguration')) return ctx.notCollected('GetLoggingConfiguration');
  const ref: ResourceRef = { arn: acl.arn };
  const outcome = await ctx.send(new GetLoggingConfigurationCommand({ ResourceArn: acl.arn }));
  if (!outcome.ok) return outcome.notConfigured ? null : ctx.unknownOf(outcome, ref);
  const logging = outcome.value.LoggingConfiguration;
  if (logging === undefined) return missing(ctx, outcome.call, 'LoggingConfiguration', ref);
  if (logging.LogDestinationConfigs === undefined) return missing(ctx, outcome.call, 'LoggingConfiguration.LogDestinationConfigs', ref);
  return { destinations: logging.LogDestinationConfigs, filtered: logging.LoggingFilter !== undefined };
}

async function tagsOf(ctx: Ctx, acl: Identity): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTagsForResource')) return ctx.notCollected('ListTagsForResource');
  const pages = await readAllPages(ctx, {
    command: (marker) => new ListTagsForResourceCommand({ ResourceARN: acl.arn, Limit: PAGE_SIZE, ...(marker !== undefined ? { NextMarker: marker } : {}) }),
    items: (page) => page.TagInfoForResource?.TagList,
    next: (page) => ({ token: (page.TagInfoForResource?.TagList ?? []).length > 0 ? page.NextMarker : undefined, truncated: false }),
    resource: { arn: acl.arn },
  });
  return (
    pages.unknown ??
    tagMap(
      pages.items,
      (tag) => tag.Key,
      (tag) => tag.Value,
    )
  );
}

async function collectWebAcl(ctx: Ctx, scope: Scope, acl: Identity, ipSets: IpSetReader): Promise<void> {
  const detail = await detailOf(ctx, scope, acl, ipSets);
  if (detail === GONE) return;
  const [associatedResources, logging, tags] = await Promise.all([associationsOf(ctx, scope, acl), loggingOf(ctx, acl), tagsOf(ctx, acl)]);
  const resource = ctx.resource({
    arn: acl.arn,
    region: scope === 'CLOUDFRONT' ? GLOBAL_REGION : ctx.region,
    id: webAclResourceId(scope, acl.name, acl.webAclId),
    name: acl.name,
    tags,
    config: {
      name: acl.name,
      webAclId: acl.webAclId,
      scope,
      defaultAction: isUnknown(detail) ? detail : detail.defaultAction,
      rules: isUnknown(detail) ? detail : detail.rules,
      associatedResources,
      logging,
    },
  });
  ctx.emit(resource);
}

async function collectScope(ctx: Ctx, scope: Scope, ipSets: IpSetReader): Promise<void> {
  const listed = await readAllPages(ctx, {
    command: (marker) => new ListWebACLsCommand({ Scope: scope, Limit: PAGE_SIZE, ...(marker !== undefined ? { NextMarker: marker } : {}) }),
    items: (page) => page.WebACLs,
    next: (page) => ({ token: (page.WebACLs ?? []).length > 0 ? page.NextMarker : undefined, truncated: false }),
  });
  const call: CallRef = { service: 'wafv2', operation: 'ListWebACLs', region: ctx.region };
  const identities = listed.items.map((summary) => identityOf(ctx, scope, summary));
  const acls = listedOnce(ctx, call, identities, (identity) => identity?.arn, 'ARN, or Name and Id').filter((acl) => acl !== undefined);
  await Promise.all(acls.map((acl) => collectWebAcl(ctx, scope, acl, ipSets)));
}

export default defineCollector({
  resourceType: 'AWS::WAFv2::WebACL',
  service: 'wafv2',
  scope: 'region',
  operations: [
    { operation: 'ListWebACLs', iamAction: 'wafv2:ListWebACLs', fills: ['name', 'webAclId', 'scope'], required: true, lists: true },
    { operation: 'GetWebACL', iamAction: 'wafv2:GetWebACL', fills: ['defaultAction', 'rules'] },
    { operation: 'GetIPSet', iamAction: 'wafv2:GetIPSet', fills: ['rules'] },
    {
      operation: 'ListResourcesForWebACL',
      iamAction: 'wafv2:ListResourcesForWebACL',
      // The WAF Developer Guide: listing Cognito user pools, App Runner services and Verified Access instances needs their services' permission too.
      alsoRequires: ['cognito-idp:ListResourcesForWebACL', 'apprunner:ListAssociatedServicesForWebAcl', 'ec2:DescribeVerifiedAccessInstanceWebAclAssociations'],
      fills: ['associatedResources'],
    },
    { operation: 'GetLoggingConfiguration', iamAction: 'wafv2:GetLoggingConfiguration', fills: ['logging'], notConfigured: ['WAFNonexistentItemException'] },
    { operation: 'ListTagsForResource', iamAction: 'wafv2:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const ipSets = ipSetReader(ctx);
    const scopes: Scope[] = ctx.region === CLOUDFRONT_REGION ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
    await Promise.all(scopes.map((scope) => collectScope(ctx, scope, ipSets)));
  },
});
