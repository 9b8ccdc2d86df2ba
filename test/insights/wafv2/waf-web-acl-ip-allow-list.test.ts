import wafWebAclIpAllowList from '../../../insights/wafv2/waf-web-acl-ip-allow-list.js';
import { wafWebAcl } from '../../../src/model/builders.js';
import type { WebAclRule, WebAclStatement } from '../../../src/model/types/wafv2/web-acl.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

const BANK = ['198.51.100.0/24', '2001:db8:4a0::/48'];
const tenant = { tenant: 'Harbor Bank', name: 'harbor-bank-prod' };
const params = { allowedCidrs: BANK };

const ipSet = (name: string, addresses: readonly string[], forwardedIpHeader: string | null = null): WebAclStatement => ({
  type: 'ipSet',
  arn: `arn:aws:wafv2:eu-west-1:111111111111:regional/ipset/${name}/0a1b2c3d-0000-4000-8000-000000000000`,
  forwardedIpHeader,
  ipSet: { name, ipAddressVersion: addresses[0]?.includes(':') === true ? 'IPV6' : 'IPV4', addresses: [...addresses] },
});
const bankSets: WebAclStatement = { type: 'or', statements: [ipSet('bank-ipv4', ['198.51.100.0/24']), ipSet('bank-ipv6', ['2001:db8:4a0::/48'])] };
const commonRuleSet = (scopeDown: WebAclStatement | null = null, overrides: { name: string; action: string }[] = []): WebAclStatement => ({
  type: 'managedRuleGroup',
  vendorName: 'AWS',
  name: 'AWSManagedRulesCommonRuleSet',
  version: null,
  scopeDown,
  ruleActionOverrides: overrides,
});

function rule(name: string, action: WebAclRule['action'], statement: WebAclStatement, priority = 0): WebAclRule {
  const group = statement.type === 'ruleGroup' || statement.type === 'managedRuleGroup';
  return { name, priority, origin: 'web-acl', action: group ? null : action, overrideAction: group ? 'None' : null, statement };
}

const allowBank = rule('allow-bank', 'Allow', bankSets, 1);
/** Default Allow, Block on what is not the bank's, then AWS's common rule set, which only the bank reaches. */
const blockOutside = {
  defaultAction: 'Allow' as const,
  rules: [rule('block-outside-bank', 'Block', { type: 'not', statement: bankSets }), rule('aws-common', null, commonRuleSet(), 1)],
};

testInsight(wafWebAclIpAllowList, [
  {
    name: 'default Block, Allow on the bank set',
    resource: wafWebAcl({ rules: [allowBank] }),
    params,
    account: tenant,
    status: 'pass',
    reason: /^lets in only the contracted 198\.51\.100\.0\/24, 2001:db8:4a0::\/48, and logs to arn:aws:logs:/,
  },
  {
    name: 'default Allow, Block on everything outside the bank set, a managed rule group after it',
    resource: wafWebAcl(blockOutside),
    params,
    account: tenant,
    status: 'pass',
  },
  {
    name: 'the same addresses however they are written (split, uncompressed IPv6)',
    resource: wafWebAcl({
      rules: [
        rule('allow-bank', 'Allow', {
          type: 'or',
          statements: [ipSet('v4', ['198.51.100.0/25', '198.51.100.128/25']), ipSet('v6', ['2001:0db8:04a0:0000::/48'])],
        }),
      ],
    }),
    params,
    account: tenant,
    status: 'pass',
  },
  {
    name: 'a managed rule group before the Allow, scoped down to the bank set',
    resource: wafWebAcl({ rules: [rule('aws-common', null, commonRuleSet(bankSets)), allowBank] }),
    params,
    account: tenant,
    status: 'pass',
  },
  {
    name: 'a CloudFront web ACL, whose distributions are not listed, is judged on its rules',
    resource: wafWebAcl(
      { scope: 'CLOUDFRONT', rules: [allowBank], associatedResources: unknown('NotCollected: cloudfront:ListDistributionsByWebACLId') },
      { region: 'global' },
    ),
    params,
    account: tenant,
    status: 'pass',
    reason: /which resources it protects could not be read \(NotCollected: cloudfront:ListDistributionsByWebACLId\)$/,
  },
  { name: 'an account that serves no tenant but names allowedCidrs is judged', resource: wafWebAcl({ rules: [allowBank] }), params, status: 'pass' },

  {
    name: 'a broader Allow rule (a partner range)',
    resource: wafWebAcl({ rules: [allowBank, rule('allow-partner', 'Allow', ipSet('partner', ['192.0.2.0/24']), 2)] }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^rule allow-partner lets in 192\.0\.2\.0\/24$/,
    evidence: {
      letsIn: '192.0.2.0/24, 198.51.100.0/24, 2001:db8:4a0::/48',
      allows: [
        { by: 'rule allow-bank', letsIn: '198.51.100.0/24, 2001:db8:4a0::/48' },
        { by: 'rule allow-partner', letsIn: '192.0.2.0/24' },
      ],
    },
  },
  {
    name: 'default Allow without the Block rule',
    resource: wafWebAcl({ defaultAction: 'Allow', rules: [allowBank] }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^the default action Allow lets in every address outside the contracted CIDRs$/,
  },
  {
    name: 'an IP set that holds more than the contracted ranges',
    resource: wafWebAcl({ rules: [rule('allow-bank', 'Allow', ipSet('bank', ['198.51.100.0/23', '2001:db8:4a0::/48']))] }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^rule allow-bank lets in 198\.51\.101\.0\/24$/,
  },
  {
    name: 'an IP set that lacks a contracted range',
    resource: wafWebAcl({ rules: [rule('allow-bank', 'Allow', ipSet('bank', ['198.51.100.0/24']))] }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^the contracted 2001:db8:4a0::\/48 cannot get in/,
  },
  {
    name: 'an Allow rule on the X-Forwarded-For header, which any client can set',
    resource: wafWebAcl({
      rules: [
        rule('allow-bank', 'Allow', {
          type: 'or',
          statements: [ipSet('bank-ipv4', ['198.51.100.0/24'], 'X-Forwarded-For'), ipSet('bank-ipv6', ['2001:db8:4a0::/48'])],
        }),
      ],
    }),
    params,
    account: tenant,
    status: 'fail',
    reason:
      /^rule allow-bank lets in every address outside the contracted CIDRs \(it matches on IP set bank-ipv4 read from the X-Forwarded-For header, which any client can set, not on the source address\)$/,
  },
  {
    name: 'a Block rule narrowed to a path shuts out nobody else',
    resource: wafWebAcl({
      defaultAction: 'Allow',
      rules: [
        rule('block-outside-on-admin', 'Block', {
          type: 'and',
          statements: [
            { type: 'not', statement: bankSets },
            { type: 'other', statement: 'ByteMatchStatement' },
          ],
        }),
      ],
    }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^the default action Allow lets in every address outside the contracted CIDRs$/,
  },
  {
    name: 'a rule group whose rule is overridden to Allow, reached from anywhere',
    resource: wafWebAcl({ rules: [rule('vendor-rules', null, commonRuleSet(null, [{ name: 'allow-health-checks', action: 'Allow' }])), allowBank] }),
    params,
    account: tenant,
    status: 'fail',
    reason:
      /^rule vendor-rules \(its rule allow-health-checks overridden to Allow\) lets in every address outside the contracted CIDRs \(it matches on the statement of its rule allow-health-checks, which the rule group holds and Vigil does not collect, not on the source address\)$/,
  },
  {
    name: 'a broader Allow before a rule group that cannot be judged still fails',
    resource: wafWebAcl({
      rules: [rule('allow-monitoring', 'Allow', { type: 'other', statement: 'LabelMatchStatement' }), rule('aws-common', null, commonRuleSet(), 1), allowBank],
    }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^rule allow-monitoring lets in every address outside the contracted CIDRs \(it matches on LabelMatchStatement/,
  },
  {
    name: 'logging not configured',
    resource: wafWebAcl({ rules: [allowBank], logging: null }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^logging is not configured$/,
  },
  {
    name: 'logging not configured, the rules unread',
    resource: wafWebAcl({ rules: unknown('AccessDeniedException: wafv2:GetWebACL'), logging: null }),
    params,
    account: tenant,
    status: 'fail',
    reason: /^logging is not configured$/,
  },

  {
    name: 'a managed rule group that the whole internet reaches before the Allow rule',
    resource: wafWebAcl({ rules: [rule('aws-common', null, commonRuleSet()), allowBank] }),
    params,
    account: tenant,
    status: 'error',
    reason:
      /^rule aws-common runs the managed rule group AWS AWSManagedRulesCommonRuleSet on requests from addresses outside the contracted CIDRs, and its rules are not collected/,
  },
  {
    name: 'the IP set could not be read',
    resource: wafWebAcl({
      rules: [rule('allow-bank', 'Allow', { ...ipSet('bank', BANK), ipSet: unknown('AccessDeniedException: wafv2:GetIPSet') } as WebAclStatement)],
    }),
    params,
    account: tenant,
    status: 'error',
    reason: /could not be read \(AccessDeniedException: wafv2:GetIPSet\)/,
  },
  {
    name: 'the rules could not be read',
    resource: wafWebAcl({ rules: unknown('AccessDeniedException: wafv2:GetWebACL') }),
    params,
    account: tenant,
    status: 'error',
    reason: /^rules could not be read/,
  },
  {
    name: 'the default action could not be read',
    resource: wafWebAcl({ defaultAction: unknown('UnexpectedResponse: wafv2:GetWebACL'), rules: [allowBank] }),
    params,
    account: tenant,
    status: 'error',
  },
  {
    name: 'logging could not be read',
    resource: wafWebAcl({ rules: [allowBank], logging: unknown('AccessDeniedException: wafv2:GetLoggingConfiguration') }),
    params,
    account: tenant,
    status: 'error',
    reason: /^logging configuration could not be read/,
  },
  {
    name: 'a tenant account that names no CIDRs',
    resource: wafWebAcl({ rules: [allowBank] }),
    account: tenant,
    status: 'error',
    reason: /^the CIDRs of tenant Harbor Bank are not configured: set accounts\[111111111111\]\.params\.waf-web-acl-ip-allow-list\.allowedCidrs/,
  },
  {
    name: 'allowedCidrs that are no CIDRs',
    resource: wafWebAcl({ rules: [allowBank] }),
    params: { allowedCidrs: ['198.51.100.0/24', 'bank office'] },
    account: tenant,
    status: 'error',
    reason: /'bank office', which is not a CIDR/,
  },

  {
    name: 'associated with nothing',
    resource: wafWebAcl({ defaultAction: 'Allow', rules: [], associatedResources: [] }),
    params,
    account: tenant,
    status: 'not-applicable',
    reason: /protects nothing/,
  },
  {
    name: 'an account that serves no tenant and names no CIDRs',
    resource: wafWebAcl({ defaultAction: 'Allow', rules: [] }),
    status: 'not-applicable',
    reason: /serves no tenant/,
  },
]);
