/**
 * An AWS WAF web ACL in front of a tenant's portal (its load balancer and API Gateway stage), in
 * one of the two designs an allow-list takes, with the IP sets it names. Its ids come from a random
 * stream of their own, so that adding web ACLs left every other draw of the account as it was.
 */
import { wafWebAcl } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import { webAclResourceId, type WebAclRule, type WebAclStatement } from '../../model/types/wafv2/web-acl.js';
import { deriveSeed, Random } from '../random.js';
import type { AccountScope } from '../scope.js';

export interface IpSetSpec {
  name: string;
  addresses: readonly string[];
}

export interface WebAclSpec {
  region: string;
  name: string;
  tags: Tags;
  /**
   * `allow-list`: default Block, an Allow rule on the allowed IP sets; `block-outside`: default
   * Allow, a Block rule on what is not in them, then AWS's common rule set, which only they reach.
   */
  design: 'allow-list' | 'block-outside';
  /** The allow-list, one IP set per address family. */
  allowed: readonly IpSetSpec[];
  /** Further Allow rules after the allow-list's, each on an IP set of its own. */
  alsoAllowed?: readonly { rule: string; ipSet: IpSetSpec }[];
  /** The resources it is associated with. */
  protects: readonly ('load-balancer' | 'api-stage')[];
  logging: 'firehose' | 'cloudwatch-logs' | 'none';
}

export function webAcl(scope: AccountScope, spec: WebAclSpec): Resource<'AWS::WAFv2::WebACL'> {
  const rng = new Random(deriveSeed(scope.plan.seed, 'web-acl', spec.region, spec.name));
  const { accountId } = scope;
  const { region, name } = spec;
  const ipSet = (set: IpSetSpec): WebAclStatement => ({
    type: 'ipSet',
    arn: `arn:aws:wafv2:${region}:${accountId}:regional/ipset/${set.name}/${rng.uuid()}`,
    forwardedIpHeader: null,
    ipSet: { name: set.name, ipAddressVersion: set.addresses.some((a) => a.includes(':')) ? 'IPV6' : 'IPV4', addresses: [...set.addresses] },
  });
  const allowed: WebAclStatement = spec.allowed.length === 1 ? ipSet(spec.allowed[0]!) : { type: 'or', statements: spec.allowed.map(ipSet) };
  const plain = (ruleName: string, priority: number, action: 'Allow' | 'Block', statement: WebAclStatement): WebAclRule => ({
    name: ruleName,
    priority,
    origin: 'web-acl',
    action,
    overrideAction: null,
    statement,
  });
  const rules: WebAclRule[] =
    spec.design === 'allow-list'
      ? [plain('allow-bank', 0, 'Allow', allowed)]
      : [
          plain('block-outside-bank', 0, 'Block', { type: 'not', statement: allowed }),
          {
            name: 'aws-common-rule-set',
            priority: 1,
            origin: 'web-acl',
            action: null,
            overrideAction: 'None',
            statement: {
              type: 'managedRuleGroup',
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              version: null,
              scopeDown: null,
              ruleActionOverrides: [],
            },
          },
        ];
  (spec.alsoAllowed ?? []).forEach((extra, i) => rules.push(plain(extra.rule, 10 + i, 'Allow', ipSet(extra.ipSet))));
  const protects = spec.protects.map((kind) =>
    kind === 'load-balancer'
      ? { resourceType: 'APPLICATION_LOAD_BALANCER', arn: `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/${name}/${rng.hex(16)}` }
      : { resourceType: 'API_GATEWAY', arn: `arn:aws:apigateway:${region}::/restapis/${rng.lowerAlnum(10)}/stages/prod` },
  );
  const destination =
    spec.logging === 'firehose'
      ? `arn:aws:firehose:${region}:${accountId}:deliverystream/aws-waf-logs-${name}`
      : `arn:aws:logs:${region}:${accountId}:log-group:aws-waf-logs-${name}`;
  const webAclId = rng.uuid();
  return wafWebAcl(
    {
      name,
      webAclId,
      scope: 'REGIONAL',
      defaultAction: spec.design === 'allow-list' ? 'Block' : 'Allow',
      rules,
      associatedResources: protects,
      logging: spec.logging === 'none' ? null : { destinations: [destination], filtered: false },
    },
    scope.envelope(region, webAclResourceId('REGIONAL', name, webAclId), name, spec.tags),
  );
}
