/**
 * The web ACL collector against a mocked WAFv2: answers shaped as the AWS WAFv2 API reference
 * documents WebACLSummary, WebACL (Rule, Statement, FirewallManagerRuleGroup), IPSet and
 * LoggingConfiguration; ListWebACLs' NextMarker on every page (the one after the last is empty);
 * errors as WAF raises them (WAFNonexistentItemException, AccessDeniedException).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  GetIPSetCommand,
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListResourcesForWebACLCommand,
  ListTagsForResourceCommand,
  ListWebACLsCommand,
  WAFNonexistentItemException,
  WAFV2Client,
  WAFV2ServiceException,
  type IPSet,
  type WebACL,
  type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import wafv2WebAcl from '../../../src/collect/collectors/wafv2/web-acl.js';
import { arnFor } from '../../../src/model/arn.js';
import { requiredPermissions } from '../../../src/collect/contract/collector.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';
import { $metadata } from '../support/aws-errors.js';

const waf = mockClient(WAFV2Client);

const REGION = 'eu-west-1';
const regional = (kind: string, name: string, id: string, region = REGION) => `arn:aws:wafv2:${region}:${ACCOUNT}:regional/${kind}/${name}/${id}`;
const global = (kind: string, name: string, id: string) => `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/${kind}/${name}/${id}`;

const PORTAL_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const API_ID = 'b2c3d4e5-6789-01bc-def0-EXAMPLE22222';
const EDGE_ID = 'c3d4e5f6-7890-12cd-ef01-EXAMPLE33333';
const V4_ID = 'd4e5f6a7-8901-23de-f012-EXAMPLE44444';
const V6_ID = 'e5f6a7b8-9012-34ef-0123-EXAMPLE55555';

const V4 = regional('ipset', 'bank-ipv4', V4_ID);
const V6 = regional('ipset', 'bank-ipv6', V6_ID);
const EDGE_V4 = global('ipset', 'bank-ipv4', V4_ID);

const summary = (name: string, id: string, arn: string): WebACLSummary => ({
  Name: name,
  Id: id,
  Description: '',
  LockToken: 'e5c1a7b9-0000-4000-8000-000000000000',
  ARN: arn,
});
const PORTAL = summary('bank-portal', PORTAL_ID, regional('webacl', 'bank-portal', PORTAL_ID));
const API = summary('bank-api', API_ID, regional('webacl', 'bank-api', API_ID));
const EDGE = summary('bank-edge', EDGE_ID, global('webacl', 'bank-edge', EDGE_ID));

const visibility = (metric: string) => ({ SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metric });

/** Default Block; a Firewall Manager group first and last; a managed group scoped down to the bank's set; Allow on either bank set. */
const PORTAL_ACL: WebACL = {
  Name: 'bank-portal',
  Id: PORTAL_ID,
  ARN: PORTAL.ARN,
  DefaultAction: { Block: {} },
  Description: '',
  Rules: [
    // Listed out of order: WAF evaluates by priority.
    {
      Name: 'allow-bank',
      Priority: 10,
      Statement: { OrStatement: { Statements: [{ IPSetReferenceStatement: { ARN: V4 } }, { IPSetReferenceStatement: { ARN: V6 } }] } },
      Action: { Allow: {} },
      VisibilityConfig: visibility('allow-bank'),
    },
    {
      Name: 'aws-common',
      Priority: 0,
      Statement: {
        ManagedRuleGroupStatement: {
          VendorName: 'AWS',
          Name: 'AWSManagedRulesCommonRuleSet',
          Version: 'Version_1.12',
          ScopeDownStatement: { IPSetReferenceStatement: { ARN: V4 } },
          RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
        },
      },
      OverrideAction: { None: {} },
      VisibilityConfig: visibility('aws-common'),
    },
    {
      Name: 'rate-limit',
      Priority: 5,
      Statement: { RateBasedStatement: { Limit: 2000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
      Action: { Block: {} },
      VisibilityConfig: visibility('rate-limit'),
    },
  ],
  VisibilityConfig: visibility('bank-portal'),
  Capacity: 761,
  PreProcessFirewallManagerRuleGroups: [
    {
      Name: 'PREFMManagedWebACLV2-reputation',
      Priority: 0,
      FirewallManagerStatement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } },
      OverrideAction: { Count: {} },
      VisibilityConfig: visibility('reputation'),
    },
  ],
  PostProcessFirewallManagerRuleGroups: [
    {
      Name: 'POSTFMManagedWebACLV2-org',
      Priority: 0,
      FirewallManagerStatement: { RuleGroupReferenceStatement: { ARN: regional('rulegroup', 'org-rules', '0e4a7c1d-6d2b-4f8a-9c3e-2b1a0f9e8d7c') } },
      OverrideAction: { None: {} },
      VisibilityConfig: visibility('org'),
    },
  ],
  ManagedByFirewallManager: false,
  LabelNamespace: `awswaf:${ACCOUNT}:webacl:bank-portal:`,
};

/** Default Allow; Block on what is not the bank's IPv4 set (also named by the portal: read once). */
const API_ACL: WebACL = {
  Name: 'bank-api',
  Id: API_ID,
  ARN: API.ARN,
  DefaultAction: { Allow: {} },
  Rules: [
    {
      Name: 'block-outside',
      Priority: 0,
      Statement: { NotStatement: { Statement: { IPSetReferenceStatement: { ARN: V4 } } } },
      Action: { Block: {} },
      VisibilityConfig: visibility('block-outside'),
    },
  ],
  VisibilityConfig: visibility('bank-api'),
  Capacity: 1,
  ManagedByFirewallManager: false,
};

const EDGE_ACL: WebACL = {
  Name: 'bank-edge',
  Id: EDGE_ID,
  ARN: EDGE.ARN,
  DefaultAction: { Block: {} },
  Rules: [
    {
      Name: 'allow-bank-via-proxy',
      Priority: 0,
      Statement: {
        IPSetReferenceStatement: { ARN: EDGE_V4, IPSetForwardedIPConfig: { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'NO_MATCH', Position: 'FIRST' } },
      },
      Action: { Allow: {} },
      VisibilityConfig: visibility('allow-bank-via-proxy'),
    },
  ],
  VisibilityConfig: visibility('bank-edge'),
  Capacity: 1,
};

const ipSet = (arn: string, name: string, id: string, version: 'IPV4' | 'IPV6', addresses: string[]): IPSet => ({
  Name: name,
  Id: id,
  ARN: arn,
  Description: '',
  IPAddressVersion: version,
  Addresses: addresses,
});
const IP_SETS: Record<string, IPSet> = {
  [`REGIONAL bank-ipv4 ${V4_ID}`]: ipSet(V4, 'bank-ipv4', V4_ID, 'IPV4', ['198.51.100.0/24', '203.0.113.0/25']),
  [`REGIONAL bank-ipv6 ${V6_ID}`]: ipSet(V6, 'bank-ipv6', V6_ID, 'IPV6', ['2001:db8:4a0::/48']),
  [`CLOUDFRONT bank-ipv4 ${V4_ID}`]: ipSet(EDGE_V4, 'bank-ipv4', V4_ID, 'IPV4', ['198.51.100.0/24']),
};

const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/bank-portal/50dc6c495c0c9188`;
const STAGE = `arn:aws:apigateway:${REGION}::/restapis/a1b2c3d4e5/stages/prod`;
const FIREHOSE = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/aws-waf-logs-bank-portal`;

function notFound(): WAFNonexistentItemException {
  return new WAFNonexistentItemException({
    message: "AWS WAF couldn't perform the operation because your resource doesn't exist.",
    $metadata: { httpStatusCode: 400, requestId: 'req' },
  });
}

function accessDenied(action: string): WAFV2ServiceException {
  return new WAFV2ServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req' },
    message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/vigil is not authorized to perform: ${action}`,
  });
}

beforeEach(() => {
  waf.reset();
  // Two regional pages, each with a NextMarker; the page after the last is empty.
  waf.on(ListWebACLsCommand, { Scope: 'REGIONAL' }).callsFake((input: { NextMarker?: string }) => {
    const pages: Record<string, { acls: WebACLSummary[]; next: string }> = {
      '': { acls: [PORTAL], next: 'bank-portal' },
      'bank-portal': { acls: [API], next: 'bank-api' },
      'bank-api': { acls: [], next: 'bank-api' },
    };
    const page = pages[input.NextMarker ?? ''];
    if (page === undefined) throw new Error(`no page for ${input.NextMarker}`);
    return { WebACLs: page.acls, ...(page.acls.length > 0 && { NextMarker: page.next }), $metadata };
  });
  waf
    .on(ListWebACLsCommand, { Scope: 'CLOUDFRONT' })
    .resolves({ WebACLs: [EDGE], NextMarker: 'bank-edge', $metadata })
    .on(ListWebACLsCommand, { Scope: 'CLOUDFRONT', NextMarker: 'bank-edge' })
    .resolves({ WebACLs: [], $metadata });
  waf.on(GetWebACLCommand).callsFake((input: { Name: string; Scope: string; Id: string }) => {
    const acl = [PORTAL_ACL, API_ACL, EDGE_ACL].find(
      (a) => a.Name === input.Name && a.Id === input.Id && (input.Scope === 'CLOUDFRONT') === a.ARN!.includes(':global/'),
    );
    if (acl === undefined) throw notFound();
    return { WebACL: acl, LockToken: 'e5c1a7b9-0000-4000-8000-000000000000', $metadata };
  });
  waf.on(GetIPSetCommand).callsFake((input: { Name: string; Scope: string; Id: string }) => {
    const set = IP_SETS[`${input.Scope} ${input.Name} ${input.Id}`];
    if (set === undefined) throw notFound();
    return { IPSet: set, LockToken: 'f6a7b8c9-0000-4000-8000-000000000000', $metadata };
  });
  waf.on(ListResourcesForWebACLCommand).callsFake((input: { WebACLArn: string; ResourceType?: string }) => {
    const associated: Record<string, string[]> = { [`${PORTAL.ARN} APPLICATION_LOAD_BALANCER`]: [ALB], [`${API.ARN} API_GATEWAY`]: [STAGE] };
    return { ResourceArns: associated[`${input.WebACLArn} ${input.ResourceType ?? 'APPLICATION_LOAD_BALANCER'}`] ?? [], $metadata };
  });
  waf.on(GetLoggingConfigurationCommand).callsFake((input: { ResourceArn: string }) => {
    if (input.ResourceArn !== PORTAL.ARN) throw notFound();
    return {
      LoggingConfiguration: {
        ResourceArn: PORTAL.ARN,
        LogDestinationConfigs: [FIREHOSE],
        LoggingFilter: {
          Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
          DefaultBehavior: 'DROP',
        },
        ManagedByFirewallManager: false,
        LogType: 'WAF_LOGS',
        LogScope: 'CUSTOMER',
      },
      $metadata,
    };
  });
  waf.on(ListTagsForResourceCommand).callsFake((input: { ResourceARN: string; NextMarker?: string }) => {
    if (input.NextMarker === 'owner') return { TagInfoForResource: { ResourceARN: input.ResourceARN, TagList: [] }, $metadata };
    return { NextMarker: 'owner', TagInfoForResource: { ResourceARN: input.ResourceARN, TagList: [{ Key: 'owner', Value: 'platform' }] }, $metadata };
  });
});

const IPV4_SET = { name: 'bank-ipv4', ipAddressVersion: 'IPV4', addresses: ['198.51.100.0/24', '203.0.113.0/25'] } as const;

describe('WAFv2 web ACL collector', () => {
  it('reads every page of ListWebACLs and normalises a web ACL exactly: rules in evaluation order, IP sets with their addresses, every associated resource, logging and tags', async () => {
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    expect(coverage).toEqual([]);
    expect(waf.commandCalls(ListWebACLsCommand).map((call) => [call.args[0].input.Scope, call.args[0].input.NextMarker, call.args[0].input.Limit])).toEqual([
      ['REGIONAL', undefined, 100],
      ['REGIONAL', 'bank-portal', 100],
      ['REGIONAL', 'bank-api', 100],
    ]);
    expect(resources.map((r) => r.id)).toEqual([`regional/webacl/bank-api/${API_ID}`, `regional/webacl/bank-portal/${PORTAL_ID}`]);
    expect(byId(resources, `regional/webacl/bank-portal/${PORTAL_ID}`)).toEqual({
      arn: PORTAL.ARN,
      type: 'AWS::WAFv2::WebACL',
      accountId: ACCOUNT,
      region: REGION,
      id: `regional/webacl/bank-portal/${PORTAL_ID}`,
      name: 'bank-portal',
      tags: { owner: 'platform' },
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        name: 'bank-portal',
        webAclId: PORTAL_ID,
        scope: 'REGIONAL',
        defaultAction: 'Block',
        rules: [
          {
            name: 'PREFMManagedWebACLV2-reputation',
            priority: 0,
            origin: 'firewall-manager-first',
            action: null,
            overrideAction: 'Count',
            statement: {
              type: 'managedRuleGroup',
              vendorName: 'AWS',
              name: 'AWSManagedRulesAmazonIpReputationList',
              version: null,
              scopeDown: null,
              ruleActionOverrides: [],
            },
          },
          {
            name: 'aws-common',
            priority: 0,
            origin: 'web-acl',
            action: null,
            overrideAction: 'None',
            statement: {
              type: 'managedRuleGroup',
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              version: 'Version_1.12',
              scopeDown: { type: 'ipSet', arn: V4, forwardedIpHeader: null, ipSet: IPV4_SET },
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', action: 'Count' }],
            },
          },
          {
            name: 'rate-limit',
            priority: 5,
            origin: 'web-acl',
            action: 'Block',
            overrideAction: null,
            statement: { type: 'other', statement: 'RateBasedStatement' },
          },
          {
            name: 'allow-bank',
            priority: 10,
            origin: 'web-acl',
            action: 'Allow',
            overrideAction: null,
            statement: {
              type: 'or',
              statements: [
                { type: 'ipSet', arn: V4, forwardedIpHeader: null, ipSet: IPV4_SET },
                { type: 'ipSet', arn: V6, forwardedIpHeader: null, ipSet: { name: 'bank-ipv6', ipAddressVersion: 'IPV6', addresses: ['2001:db8:4a0::/48'] } },
              ],
            },
          },
          {
            name: 'POSTFMManagedWebACLV2-org',
            priority: 0,
            origin: 'firewall-manager-last',
            action: null,
            overrideAction: 'None',
            statement: { type: 'ruleGroup', arn: regional('rulegroup', 'org-rules', '0e4a7c1d-6d2b-4f8a-9c3e-2b1a0f9e8d7c'), ruleActionOverrides: [] },
          },
        ],
        associatedResources: [{ resourceType: 'APPLICATION_LOAD_BALANCER', arn: ALB }],
        logging: { destinations: [FIREHOSE], filtered: true },
      },
    });
    expect(byId(resources, `regional/webacl/bank-api/${API_ID}`).config).toMatchObject({
      defaultAction: 'Allow',
      rules: [{ name: 'block-outside', action: 'Block', statement: { type: 'not', statement: { type: 'ipSet', arn: V4, ipSet: IPV4_SET } } }],
      associatedResources: [{ resourceType: 'API_GATEWAY', arn: STAGE }],
      logging: null,
    });
    // Each IP set once, however many rules and web ACLs name it; each regional resource type once per web ACL.
    expect(
      waf
        .commandCalls(GetIPSetCommand)
        .map((call) => call.args[0].input.Name)
        .sort(),
    ).toEqual(['bank-ipv4', 'bank-ipv6']);
    expect(waf.commandCalls(ListResourcesForWebACLCommand, { WebACLArn: PORTAL.ARN }).map((call) => call.args[0].input.ResourceType)).toEqual([
      'APPLICATION_LOAD_BALANCER',
      'API_GATEWAY',
      'APPSYNC',
      'COGNITO_USER_POOL',
      'APP_RUNNER_SERVICE',
      'VERIFIED_ACCESS_INSTANCE',
    ]);
  });

  it('the fallback ARN of the type is the one WAF writes, for both scopes', () => {
    expect(arnFor('AWS::WAFv2::WebACL', ACCOUNT, REGION, `regional/webacl/bank-portal/${PORTAL_ID}`)).toBe(PORTAL.ARN);
    expect(arnFor('AWS::WAFv2::WebACL', ACCOUNT, 'global', `global/webacl/bank-edge/${EDGE_ID}`)).toBe(EDGE.ARN);
  });

  it('in us-east-1 also lists the CLOUDFRONT scope: filed under region global with its us-east-1 ARN, associations unknown (CloudFront lists them), IP sets read in that scope', async () => {
    const { resources, coverage } = await runCollector(wafv2WebAcl, { regions: ['us-east-1'] });
    expect(coverage).toEqual([]);
    expect(
      waf
        .commandCalls(ListWebACLsCommand)
        .map((call) => call.args[0].input.Scope)
        .sort(),
    ).toEqual(['CLOUDFRONT', 'CLOUDFRONT', 'REGIONAL', 'REGIONAL', 'REGIONAL']);
    const edge = byId(resources, `global/webacl/bank-edge/${EDGE_ID}`);
    expect(edge).toMatchObject({ arn: EDGE.ARN, region: 'global', name: 'bank-edge' });
    expect(edge.config).toMatchObject({
      scope: 'CLOUDFRONT',
      rules: [{ statement: { type: 'ipSet', arn: EDGE_V4, forwardedIpHeader: 'X-Forwarded-For', ipSet: { addresses: ['198.51.100.0/24'] } } }],
      associatedResources: { $unknown: expect.stringMatching(/^NotCollected: cloudfront:ListDistributionsByWebACLId/) as unknown },
    });
    expect(waf.commandCalls(GetWebACLCommand, { Name: 'bank-edge' }).map((call) => call.args[0].input.Scope)).toEqual(['CLOUDFRONT']);
    expect(waf.commandCalls(GetIPSetCommand, { Scope: 'CLOUDFRONT' })).toHaveLength(1);
    expect(waf.commandCalls(ListResourcesForWebACLCommand, { WebACLArn: EDGE.ARN })).toEqual([]);
    expect(await regionOf(() => waf.commandCalls(ListWebACLsCommand, { Scope: 'CLOUDFRONT' })[0]!.thisValue)).toBe('us-east-1');
  });

  it('outside us-east-1 does not ask for the CLOUDFRONT scope', async () => {
    await runCollector(wafv2WebAcl, { regions: ['eu-west-1'] });
    expect(waf.commandCalls(ListWebACLsCommand, { Scope: 'CLOUDFRONT' })).toEqual([]);
  });

  it('GetIPSet denied: the rules stay, each reference to the set unknown, one coverage entry for the set', async () => {
    waf.on(GetIPSetCommand, { Name: 'bank-ipv4' }).rejects(accessDenied('wafv2:GetIPSet'));
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    expect(coverage.map((entry) => [entry.operation, entry.error.code])).toEqual([['GetIPSet', 'AccessDeniedException']]);
    const portal = byId(resources, `regional/webacl/bank-portal/${PORTAL_ID}`).config;
    const rules = portal.rules;
    if (isUnknown(rules)) throw new Error('the rules should be known');
    const allow = rules.find((rule) => rule.name === 'allow-bank')?.statement;
    expect(allow).toMatchObject({
      type: 'or',
      statements: [{ ipSet: { $unknown: expect.stringContaining('AccessDeniedException') as unknown } }, { ipSet: { addresses: ['2001:db8:4a0::/48'] } }],
    });
    expect(byId(resources, `regional/webacl/bank-api/${API_ID}`).config.rules).toMatchObject([
      { statement: { statement: { ipSet: { $unknown: expect.any(String) as unknown } } } },
    ]);
  });

  it('logging not configured (WAFNonexistentItemException) is null and no failure; logging denied is unknown and in coverage', async () => {
    const quiet = await runCollector(wafv2WebAcl);
    expect(byId(quiet.resources, `regional/webacl/bank-api/${API_ID}`).config.logging).toBeNull();
    expect(quiet.coverage).toEqual([]);

    waf.on(GetLoggingConfigurationCommand).rejects(accessDenied('wafv2:GetLoggingConfiguration'));
    const denied = await runCollector(wafv2WebAcl);
    expect(denied.resources).toHaveLength(2);
    for (const acl of denied.resources) expect(isUnknown(acl.config.logging)).toBe(true);
    // One entry for both web ACLs.
    expect(denied.coverage.map((entry) => [entry.operation, entry.error.code, entry.count])).toEqual([['GetLoggingConfiguration', 'AccessDeniedException', 2]]);
  });

  it('one resource type of ListResourcesForWebACL denied: the associations are unknown, not "none"', async () => {
    waf.on(ListResourcesForWebACLCommand, { ResourceType: 'COGNITO_USER_POOL' }).rejects(accessDenied('cognito-idp:ListResourcesForWebACL'));
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    for (const acl of resources) expect(acl.config.associatedResources).toEqual({ $unknown: expect.stringContaining('AccessDeniedException') as unknown });
    expect(coverage.map((entry) => [entry.operation, entry.count])).toEqual([['ListResourcesForWebACL', 2]]);
  });

  it('an action the model does not know leaves the rules unknown, never a rule dropped; the web ACL is kept', async () => {
    waf.on(GetWebACLCommand, { Name: 'bank-api' }).resolves({
      WebACL: {
        ...API_ACL,
        Rules: [
          ...API_ACL.Rules!,
          {
            Name: 'paywall',
            Priority: 1,
            Statement: { LabelMatchStatement: { Scope: 'LABEL', Key: 'bot' } },
            Action: { Monetize: {} },
            VisibilityConfig: visibility('paywall'),
          },
        ],
      },
      $metadata,
    });
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    const api = byId(resources, `regional/webacl/bank-api/${API_ID}`).config;
    expect(api.rules).toEqual({ $unknown: 'UnexpectedResponse: wafv2:GetWebACL' });
    expect(api.defaultAction).toBe('Allow');
    expect(coverage.map((entry) => [entry.operation, entry.error.code, entry.resourceArn])).toEqual([['GetWebACL', 'UnexpectedResponse', API.ARN]]);
    expect(coverage[0]?.error.message).toBe('GetWebACL returned rule paywall with the action Monetize, which the model does not know');
  });

  it('a web ACL deleted between ListWebACLs and GetWebACL is left out, and coverage says so', async () => {
    waf.on(GetWebACLCommand, { Name: 'bank-api' }).rejects(notFound());
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    expect(resources.map((r) => r.name)).toEqual(['bank-portal']);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GetWebACL',
        resourceArn: API.ARN,
        error: expect.objectContaining({ message: expect.stringMatching(/no longer exists.*left out/) as unknown }) as unknown,
      }),
    ]);
  });

  it('GetWebACL denied: default action and rules unknown, the rest read', async () => {
    waf.on(GetWebACLCommand).rejects(accessDenied('wafv2:GetWebACL'));
    const { resources } = await runCollector(wafv2WebAcl);
    const portal = byId(resources, `regional/webacl/bank-portal/${PORTAL_ID}`).config;
    expect(isUnknown(portal.defaultAction) && isUnknown(portal.rules)).toBe(true);
    expect(portal.logging).toEqual({ destinations: [FIREHOSE], filtered: true });
    expect(waf.commandCalls(GetIPSetCommand)).toEqual([]);
  });

  it('ListWebACLs denied: nothing is listed, and coverage names the call', async () => {
    waf.on(ListWebACLsCommand).rejects(accessDenied('wafv2:ListWebACLs'));
    const { resources, coverage } = await runCollector(wafv2WebAcl);
    expect(resources).toEqual([]);
    expect(coverage.map((entry) => [entry.operation, entry.error.code])).toEqual([['ListWebACLs', 'AccessDeniedException']]);
  });

  it('a listed web ACL without Name and Id is still read, from its ARN', async () => {
    waf.on(ListWebACLsCommand, { Scope: 'REGIONAL' }).resolves({ WebACLs: [{ ARN: PORTAL.ARN }], $metadata });
    const { resources } = await runCollector(wafv2WebAcl);
    expect(resources.map((r) => [r.name, r.config.webAclId])).toEqual([['bank-portal', PORTAL_ID]]);
  });

  it('sends only what the selected fields need, and declares the permissions ListResourcesForWebACL needs per resource type', async () => {
    await runCollector(wafv2WebAcl, { fields: ['logging'] });
    expect(new Set(sentOperations(waf.calls()))).toEqual(new Set(['ListWebACLs', 'GetLoggingConfiguration']));
    expect(requiredPermissions([wafv2WebAcl])).toEqual([
      'apprunner:ListAssociatedServicesForWebAcl',
      'cognito-idp:ListResourcesForWebACL',
      'ec2:DescribeVerifiedAccessInstanceWebAclAssociations',
      'wafv2:GetIPSet',
      'wafv2:GetLoggingConfiguration',
      'wafv2:GetWebACL',
      'wafv2:ListResourcesForWebACL',
      'wafv2:ListTagsForResource',
      'wafv2:ListWebACLs',
    ]);
  });
});
