/**
 * AWS WAFv2 (JSON 1.1, `AWSWAF_20190729.*`): ListWebACLs by scope, GetWebACL with each design's rules
 * written out as the API reference documents Rule, Statement and FirewallManagerRuleGroup,
 * GetIPSet, ListResourcesForWebACL by resource type (ALBs when none is named),
 * GetLoggingConfiguration (WAFNonexistentItemException when logging is not configured) and
 * ListTagsForResource. As WAF does, a list hands out a NextMarker with its last page too; the page
 * after it is empty.
 */
import type { SyntheticAccount, WafIpSet, WebAcl } from './account.js';
import { jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type Reply, type ServiceHandler } from './wire.js';

interface Input {
  Scope?: string;
  Name?: string;
  Id?: string;
  Limit?: number;
  NextMarker?: string;
  WebACLArn?: string;
  ResourceType?: string;
  ResourceArn?: string;
  ResourceARN?: string;
}

const NONEXISTENT = "AWS WAF couldn't perform the operation because your resource doesn't exist.";

const scopePath = (scope: string) => (scope === 'CLOUDFRONT' ? 'global' : 'regional');

function webAclArn(accountId: string, acl: WebAcl): string {
  return `arn:aws:wafv2:${acl.region}:${accountId}:${scopePath(acl.scope)}/webacl/${acl.name}/${acl.id}`;
}

function ipSetArn(accountId: string, set: WafIpSet): string {
  return `arn:aws:wafv2:${set.region}:${accountId}:${scopePath(set.scope)}/ipset/${set.name}/${set.id}`;
}

/** A page of `all` and its NextMarker: present whenever the page holds anything, as WAF does. */
function wafPage<T>(all: readonly T[], input: Input): { items: T[]; NextMarker?: string } {
  const { items, next } = page(all, input.NextMarker, pageSize(input.Limit, 100, 100));
  const marker = next ?? (items.length > 0 ? Buffer.from(`page:${all.length}`, 'utf8').toString('base64url') : undefined);
  return { items, ...(marker !== undefined && { NextMarker: marker }) };
}

const visibility = (metric: string) => ({ SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metric });

function rulesOf(
  accountId: string,
  acl: WebAcl,
): { Rules: unknown[]; PreProcessFirewallManagerRuleGroups: unknown[]; PostProcessFirewallManagerRuleGroups: unknown[] } {
  const ipv4 = { IPSetReferenceStatement: { ARN: ipSetArn(accountId, acl.ipv4Set) } };
  const ipv6 = { IPSetReferenceStatement: { ARN: ipSetArn(accountId, acl.ipv6Set) } };
  switch (acl.design) {
    case 'allow-list':
      return {
        Rules: [
          {
            Name: 'aws-common-rule-set',
            Priority: 0,
            Statement: {
              ManagedRuleGroupStatement: {
                VendorName: 'AWS',
                Name: 'AWSManagedRulesCommonRuleSet',
                Version: 'Version_1.12',
                ScopeDownStatement: ipv4,
                RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
              },
            },
            OverrideAction: { None: {} },
            VisibilityConfig: visibility('aws-common-rule-set'),
          },
          {
            Name: 'allow-bank',
            Priority: 1,
            Statement: { OrStatement: { Statements: [ipv4, ipv6] } },
            Action: { Allow: {} },
            VisibilityConfig: visibility('allow-bank'),
          },
        ],
        PreProcessFirewallManagerRuleGroups: [],
        PostProcessFirewallManagerRuleGroups: [],
      };
    case 'block-outside':
      return {
        Rules: [
          {
            Name: 'block-outside-bank',
            Priority: 0,
            Statement: { NotStatement: { Statement: ipv4 } },
            Action: { Block: {} },
            VisibilityConfig: visibility('block-outside-bank'),
          },
          {
            Name: 'rate-limit',
            Priority: 1,
            Statement: { RateBasedStatement: { Limit: 2000, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
            Action: { Block: {} },
            VisibilityConfig: visibility('rate-limit'),
          },
        ],
        PreProcessFirewallManagerRuleGroups: [
          {
            Name: 'PREFMManagedWebACLV2-ip-reputation',
            Priority: 0,
            FirewallManagerStatement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } },
            OverrideAction: { Count: {} },
            VisibilityConfig: visibility('ip-reputation'),
          },
        ],
        PostProcessFirewallManagerRuleGroups: [],
      };
    case 'open':
      return {
        Rules: [
          {
            Name: 'block-embargoed',
            Priority: 0,
            Statement: { GeoMatchStatement: { CountryCodes: ['KP', 'IR'] } },
            Action: { Block: {} },
            VisibilityConfig: visibility('block-embargoed'),
          },
          {
            Name: 'team-rules',
            Priority: 1,
            Statement: {
              RuleGroupReferenceStatement: {
                ARN: `arn:aws:wafv2:${acl.region}:${accountId}:${scopePath(acl.scope)}/rulegroup/team-rules/0e4a7c1d-6d2b-4f8a-9c3e-2b1a0f9e8d7c`,
                RuleActionOverrides: [{ Name: 'allow-health-checks', ActionToUse: { Allow: {} } }],
              },
            },
            OverrideAction: { None: {} },
            VisibilityConfig: visibility('team-rules'),
          },
          {
            Name: 'allow-partner',
            Priority: 2,
            Statement: {
              IPSetReferenceStatement: {
                ARN: ipSetArn(accountId, acl.ipv6Set),
                IPSetForwardedIPConfig: { HeaderName: 'X-Forwarded-For', FallbackBehavior: 'NO_MATCH', Position: 'FIRST' },
              },
            },
            Action: { Allow: {} },
            VisibilityConfig: visibility('allow-partner'),
          },
        ],
        PreProcessFirewallManagerRuleGroups: [],
        PostProcessFirewallManagerRuleGroups: [],
      };
  }
}

function getWebAcl(accountId: string, acl: WebAcl): Reply {
  return jsonReply({
    WebACL: {
      Name: acl.name,
      Id: acl.id,
      ARN: webAclArn(accountId, acl),
      DefaultAction: acl.design === 'allow-list' ? { Block: {} } : { Allow: {} },
      Description: `${acl.design} web ACL`,
      ...rulesOf(accountId, acl),
      VisibilityConfig: visibility(acl.name),
      Capacity: 750,
      ManagedByFirewallManager: false,
      LabelNamespace: `awswaf:${accountId}:webacl:${acl.name}:`,
    },
    LockToken: acl.id.split('').reverse().join(''),
    ApplicationIntegrationURL: `https://${acl.id.slice(0, 12)}.${acl.region}.sdk.awswaf.com/${acl.id.slice(0, 12)}/`,
  });
}

function loggingOf(accountId: string, acl: WebAcl): Reply {
  if (acl.logDestinations === undefined) return jsonError('WAFNonexistentItemException', NONEXISTENT);
  return jsonReply({
    LoggingConfiguration: {
      ResourceArn: webAclArn(accountId, acl),
      LogDestinationConfigs: acl.logDestinations,
      ...(acl.logFilter && {
        LoggingFilter: {
          Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }] }],
          DefaultBehavior: 'DROP',
        },
      }),
      ManagedByFirewallManager: false,
      LogType: 'WAF_LOGS',
      LogScope: 'CUSTOMER',
    },
  });
}

export function wafv2(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const { accountId } = account;
    const acls = account.webAcls.filter((acl) => acl.region === region);
    const byArn = (arn: string | undefined) => acls.find((acl) => webAclArn(accountId, acl) === arn);
    const operation = jsonOperation(request);
    switch (operation) {
      case 'ListWebACLs': {
        const { items, NextMarker } = wafPage(
          acls.filter((acl) => acl.scope === input.Scope),
          input,
        );
        return jsonReply({
          ...(NextMarker !== undefined && { NextMarker }),
          WebACLs: items.map((acl) => ({
            Name: acl.name,
            Id: acl.id,
            Description: `${acl.design} web ACL`,
            LockToken: acl.id.split('').reverse().join(''),
            ARN: webAclArn(accountId, acl),
          })),
        });
      }
      case 'GetWebACL': {
        const acl = acls.find((a) => a.scope === input.Scope && a.name === input.Name && a.id === input.Id);
        return acl === undefined ? jsonError('WAFNonexistentItemException', NONEXISTENT) : getWebAcl(accountId, acl);
      }
      case 'GetIPSet': {
        const set = account.wafIpSets.find((s) => s.region === region && s.scope === input.Scope && s.name === input.Name && s.id === input.Id);
        if (set === undefined) return jsonError('WAFNonexistentItemException', NONEXISTENT);
        return jsonReply({
          IPSet: {
            Name: set.name,
            Id: set.id,
            ARN: ipSetArn(accountId, set),
            Description: "the bank's contracted ranges",
            IPAddressVersion: set.version,
            Addresses: set.addresses,
          },
          LockToken: set.id.split('').reverse().join(''),
        });
      }
      case 'ListResourcesForWebACL': {
        const acl = byArn(input.WebACLArn);
        if (acl === undefined) return jsonError('WAFNonexistentItemException', NONEXISTENT);
        const type = input.ResourceType ?? 'APPLICATION_LOAD_BALANCER';
        return jsonReply({ ResourceArns: acl.associated.filter((a) => a.resourceType === type).map((a) => a.arn) });
      }
      case 'GetLoggingConfiguration': {
        const acl = byArn(input.ResourceArn);
        return acl === undefined ? jsonError('WAFNonexistentItemException', NONEXISTENT) : loggingOf(accountId, acl);
      }
      case 'ListTagsForResource': {
        const acl = byArn(input.ResourceARN);
        if (acl === undefined) return jsonError('WAFNonexistentItemException', NONEXISTENT);
        const { items, NextMarker } = wafPage(Object.entries(acl.tags), input);
        return jsonReply({
          ...(NextMarker !== undefined && { NextMarker }),
          TagInfoForResource: { ResourceARN: input.ResourceARN, TagList: items.map(([Key, Value]) => ({ Key, Value })) },
        });
      }
      default:
        return jsonError('WAFInvalidOperationException', `the fake WAFv2 does not answer ${operation}`);
    }
  };
}
