/**
 * `AWS::WAFv2::WebACL`: an AWS WAF web ACL (ListWebACLs, GetWebACL, GetIPSet, ListResourcesForWebACL,
 * GetLoggingConfiguration), normalised for the question an allow-list asks: which source addresses
 * can get an Allow.
 *
 * Scope and region: a REGIONAL web ACL lives in its region (ALBs, API Gateway REST API stages,
 * AppSync, Cognito, App Runner, Verified Access there); a CLOUDFRONT web ACL is read through
 * us-east-1, as AWS requires, but applies wherever CloudFront serves, so its region is `global` (as
 * IAM's) and region policies do not judge it. The ARN is AWS's own either way:
 * `arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>`, or `…:us-east-1:…:global/webacl/…`;
 * the resource id is its last part (`regional/webacl/<name>/<id>`), so that `arnFor` rebuilds it.
 *
 * Rules are listed in the order WAF evaluates them: Firewall Manager's first rule groups, the web
 * ACL's own rules, Firewall Manager's last rule groups, each by priority. A statement keeps what
 * decides source addresses — IP set references (with the IP set's addresses, read once per set),
 * NOT / AND / OR, rule group references and managed rule groups (whose own rules are not read) —
 * and names anything else as `other`, so that nothing about it is guessed.
 *
 * Associated resources come from ListResourcesForWebACL, one call per regional resource type. A
 * CloudFront distribution names its web ACL in its own configuration (CloudFront's
 * ListDistributionsByWebACLId), which Vigil does not read: a CLOUDFRONT web ACL's associations are
 * unknown, never "none".
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { defineResourceType } from '../../resource-type.js';

const closed = { additionalProperties: false } as const;
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The regional resource types ListResourcesForWebACL lists, as its `ResourceType` names them. */
export const REGIONAL_RESOURCE_TYPES = [
  'APPLICATION_LOAD_BALANCER',
  'API_GATEWAY',
  'APPSYNC',
  'COGNITO_USER_POOL',
  'APP_RUNNER_SERVICE',
  'VERIFIED_ACCESS_INSTANCE',
] as const;

export const WebAclIpSet = Type.Object(
  {
    name: Type.String(),
    ipAddressVersion: Type.Union([Type.Literal('IPV4'), Type.Literal('IPV6')]),
    /** CIDRs as the IP set holds them. */
    addresses: Type.Array(Type.String()),
  },
  closed,
);
export type WebAclIpSet = Static<typeof WebAclIpSet>;

/** A rule group's override of one of its rules' action (`ActionToUse`: Allow, Block, Count, Captcha, Challenge …). */
export const RuleActionOverride = Type.Object({ name: Type.String(), action: Type.String() }, closed);
export type RuleActionOverride = Static<typeof RuleActionOverride>;

export const STATEMENT_SCHEMA_ID = 'vigil:wafv2:web-acl-statement';

export const WebAclStatement = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object(
        {
          type: Type.Literal('ipSet'),
          arn: Type.String(),
          /** The header whose address is matched instead of the request's source (IPSetForwardedIPConfig); null: the source address. */
          forwardedIpHeader: nullable(Type.String()),
          /** The referenced IP set (GetIPSet). */
          ipSet: MaybeSchema(WebAclIpSet),
        },
        closed,
      ),
      Type.Object({ type: Type.Literal('not'), statement: This }, closed),
      Type.Object({ type: Type.Literal('and'), statements: Type.Array(This) }, closed),
      Type.Object({ type: Type.Literal('or'), statements: Type.Array(This) }, closed),
      Type.Object({ type: Type.Literal('ruleGroup'), arn: Type.String(), ruleActionOverrides: Type.Array(RuleActionOverride) }, closed),
      Type.Object(
        {
          type: Type.Literal('managedRuleGroup'),
          vendorName: Type.String(),
          name: Type.String(),
          version: nullable(Type.String()),
          /** Only requests this statement matches are evaluated by the group; null: every request. */
          scopeDown: nullable(This),
          ruleActionOverrides: Type.Array(RuleActionOverride),
        },
        closed,
      ),
      Type.Object(
        {
          type: Type.Literal('other'),
          /** The API's name of the statement: ByteMatchStatement, GeoMatchStatement, RateBasedStatement, LabelMatchStatement … */
          statement: Type.String(),
        },
        closed,
      ),
    ]),
  { $id: STATEMENT_SCHEMA_ID, description: 'A rule statement, reduced to what decides source addresses' },
);
export type WebAclStatement = Static<typeof WebAclStatement>;

export const WebAclRule = Type.Object(
  {
    name: Type.String(),
    priority: Type.Integer({ minimum: 0 }),
    /** Who put the rule there: Firewall Manager's first or last rule groups, or the web ACL itself. */
    origin: Type.Union([Type.Literal('firewall-manager-first'), Type.Literal('web-acl'), Type.Literal('firewall-manager-last')]),
    /** The action of a rule whose statement is not a rule group; null for rule group statements. */
    action: nullable(Type.Union([Type.Literal('Allow'), Type.Literal('Block'), Type.Literal('Count'), Type.Literal('Captcha'), Type.Literal('Challenge')])),
    /** For rule group statements: None (the group's rules act) or Count (the group only counts); null otherwise. */
    overrideAction: nullable(Type.Union([Type.Literal('None'), Type.Literal('Count')])),
    statement: WebAclStatement,
  },
  closed,
);
export type WebAclRule = Static<typeof WebAclRule>;

export const WebAclAssociation = Type.Object(
  {
    resourceType: Type.String({ description: "ListResourcesForWebACL's ResourceType: APPLICATION_LOAD_BALANCER, API_GATEWAY, APPSYNC …" }),
    arn: Type.String(),
  },
  closed,
);
export type WebAclAssociation = Static<typeof WebAclAssociation>;

export const WebAclLogging = Type.Object(
  {
    /** Firehose streams, CloudWatch Logs log groups or S3 buckets (ARNs). */
    destinations: Type.Array(Type.String()),
    /** A LoggingFilter keeps only some requests in the logs. */
    filtered: Type.Boolean(),
  },
  closed,
);
export type WebAclLogging = Static<typeof WebAclLogging>;

export const WebAclConfig = Type.Object(
  {
    name: Type.String(),
    webAclId: Type.String(),
    scope: Type.Union([Type.Literal('REGIONAL'), Type.Literal('CLOUDFRONT')]),
    defaultAction: MaybeSchema(Type.Union([Type.Literal('Allow'), Type.Literal('Block')])),
    /** In evaluation order (see the module comment). */
    rules: MaybeSchema(Type.Array(WebAclRule)),
    associatedResources: MaybeSchema(Type.Array(WebAclAssociation)),
    /** GetLoggingConfiguration; null: logging is not configured. */
    logging: MaybeSchema(nullable(WebAclLogging)),
  },
  closed,
);
export type WebAclConfig = Static<typeof WebAclConfig>;

/** `regional/webacl/<name>/<id>` or `global/webacl/<name>/<id>`: the resource part of the ARN. */
export function webAclResourceId(scope: WebAclConfig['scope'], name: string, webAclId: string): string {
  return `${scope === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/${name}/${webAclId}`;
}

/** CLOUDFRONT web ACLs (and IP sets) are kept in us-east-1, whatever region the resource is filed under. */
export const CLOUDFRONT_REGION = 'us-east-1';

const EXAMPLE_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

export default defineResourceType({
  type: 'AWS::WAFv2::WebACL',
  config: WebAclConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:wafv2:${id.startsWith('global/') ? CLOUDFRONT_REGION : region}:${accountId}:${id}`,
  placeholders: { '<web-acl>': 'name', '<web-acl-arn>': 'arn' },
  example: {
    id: (_at, overrides) => webAclResourceId(overrides.scope ?? 'REGIONAL', overrides.name ?? 'bank-portal', overrides.webAclId ?? EXAMPLE_ID),
    name: (_at, overrides) => overrides.name ?? 'bank-portal',
    // Lets in only the bank's addresses (198.51.100.0/24 in the example's IP set), and logs.
    config: ({ accountId, region }) => ({
      name: 'bank-portal',
      webAclId: EXAMPLE_ID,
      scope: 'REGIONAL',
      defaultAction: 'Block',
      rules: [
        {
          name: 'allow-bank',
          priority: 0,
          origin: 'web-acl',
          action: 'Allow',
          overrideAction: null,
          statement: {
            type: 'ipSet',
            arn: `arn:aws:wafv2:${region}:${accountId}:regional/ipset/bank-cidrs/b2c3d4e5-6789-01bc-def0-EXAMPLE22222`,
            forwardedIpHeader: null,
            ipSet: { name: 'bank-cidrs', ipAddressVersion: 'IPV4', addresses: ['198.51.100.0/24'] },
          },
        },
      ],
      associatedResources: [
        { resourceType: 'APPLICATION_LOAD_BALANCER', arn: `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/bank-portal/50dc6c495c0c9188` },
      ],
      logging: { destinations: [`arn:aws:logs:${region}:${accountId}:log-group:aws-waf-logs-bank-portal`], filtered: false },
    }),
  },
});
