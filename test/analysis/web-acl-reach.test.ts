import { describe, expect, it } from 'vitest';
import { addressSetOf, cidrsOf, type AddressSet } from '../../src/analysis/address-set.js';
import { parseCidr } from '../../src/analysis/network.js';
import { webAclReach, type WebAclReach } from '../../src/analysis/web-acl-reach.js';
import type { WebAclRule, WebAclStatement } from '../../src/model/types/wafv2/web-acl.js';
import { unknown } from '../../src/model/unknown.js';

const BANK = ['198.51.100.0/24', '2001:db8:4a0::/48'];

function set(...cidrs: string[]): AddressSet {
  return addressSetOf(cidrs.map((c) => parseCidr(c)!));
}

const ipSet = (addresses: readonly string[], name = 'bank', forwardedIpHeader: string | null = null): WebAclStatement => ({
  type: 'ipSet',
  arn: `arn:aws:wafv2:eu-west-1:111111111111:regional/ipset/${name}/0000`,
  forwardedIpHeader,
  ipSet: { name, ipAddressVersion: addresses.some((a) => a.includes(':')) ? 'IPV6' : 'IPV4', addresses: [...addresses] },
});
const not = (statement: WebAclStatement): WebAclStatement => ({ type: 'not', statement });
const and = (...statements: WebAclStatement[]): WebAclStatement => ({ type: 'and', statements });
const or = (...statements: WebAclStatement[]): WebAclStatement => ({ type: 'or', statements });
const other = (statement: string): WebAclStatement => ({ type: 'other', statement });
const managed = (scopeDown: WebAclStatement | null = null, overrides: { name: string; action: string }[] = []): WebAclStatement => ({
  type: 'managedRuleGroup',
  vendorName: 'AWS',
  name: 'AWSManagedRulesCommonRuleSet',
  version: null,
  scopeDown,
  ruleActionOverrides: overrides,
});

let priority = 0;
function rule(action: WebAclRule['action'] | 'None' | 'GroupCount', statement: WebAclStatement, name = `rule-${priority}`): WebAclRule {
  const group = action === 'None' || action === 'GroupCount';
  return {
    name,
    priority: priority++,
    origin: 'web-acl',
    action: group ? null : action,
    overrideAction: group ? (action === 'None' ? 'None' : 'Count') : null,
    statement,
  };
}

const reach = (defaultAction: 'Allow' | 'Block', ...rules: WebAclRule[]): WebAclReach => webAclReach({ defaultAction, rules }, set(...BANK));
const mayAllow = (result: WebAclReach): string[] => {
  if (result.kind !== 'decided') throw new Error(`undecidable: ${result.reason}`);
  return cidrsOf(result.mayAllow);
};

describe('webAclReach', () => {
  it('default Block with an Allow rule on the bank set lets in exactly the set', () => {
    expect(mayAllow(reach('Block', rule('Allow', or(ipSet(['198.51.100.0/24']), ipSet(['2001:db8:4a0::/48'])))))).toEqual(BANK);
  });

  it('default Allow with a Block rule on what is not the set lets in exactly the set; an IPv4 set shuts out every IPv6 address', () => {
    expect(mayAllow(reach('Allow', rule('Block', not(or(ipSet(['198.51.100.0/24']), ipSet(['2001:db8:4a0::/48']))))))).toEqual(BANK);
    expect(mayAllow(reach('Allow', rule('Block', not(ipSet(['198.51.100.0/24'])))))).toEqual(['198.51.100.0/24']);
  });

  it('an Allow narrowed by more than the address lets in at most the address; a Block narrowed so shuts out nobody', () => {
    expect(mayAllow(reach('Block', rule('Allow', and(ipSet(['198.51.100.0/24']), other('ByteMatchStatement')))))).toEqual(['198.51.100.0/24']);
    expect(mayAllow(reach('Allow', rule('Block', and(not(ipSet(['198.51.100.0/24'])), other('ByteMatchStatement')))))).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('an Allow on anything but the address may let in every undecided address, and says why', () => {
    const result = reach('Block', rule('Allow', ipSet(['198.51.100.0/24']), 'allow-bank'), rule('Allow', other('GeoMatchStatement'), 'allow-home-country'));
    expect(mayAllow(result)).toEqual(['0.0.0.0/0', '::/0']);
    expect(result.allows.map((a) => [a.by, a.unbounded])).toEqual([
      ['rule allow-bank', []],
      ['rule allow-home-country', ['GeoMatchStatement']],
    ]);
    expect(cidrsOf(result.allows[1]!.addresses)).not.toContain('198.51.100.0/24');
  });

  it('an IP set read from a header any client can set bounds nothing', () => {
    const result = reach('Block', rule('Allow', ipSet(['198.51.100.0/24'], 'bank', 'X-Forwarded-For')));
    expect(mayAllow(result)).toEqual(['0.0.0.0/0', '::/0']);
    expect(result.allows[0]?.unbounded).toEqual(['IP set bank read from the X-Forwarded-For header, which any client can set']);
  });

  it('Count, CAPTCHA and Challenge decide nothing: the next rule or the default does', () => {
    expect(mayAllow(reach('Allow', rule('Count', not(ipSet(BANK))), rule('Captcha', not(ipSet(BANK))), rule('Challenge', not(ipSet(BANK)))))).toEqual([
      '0.0.0.0/0',
      '::/0',
    ]);
    expect(mayAllow(reach('Block', rule('Captcha', ipSet(BANK))))).toEqual([]);
  });

  it('an earlier Block shadows part of a later Allow', () => {
    expect(mayAllow(reach('Block', rule('Block', ipSet(['198.51.100.128/25'])), rule('Allow', ipSet(['198.51.100.0/24']))))).toEqual(['198.51.100.0/25']);
  });

  it('a rule group overridden to Count, or scoped down to the contracted addresses, does not stop the evaluation', () => {
    expect(mayAllow(reach('Block', rule('GroupCount', managed()), rule('Allow', ipSet(BANK))))).toEqual(BANK);
    expect(mayAllow(reach('Block', rule('None', managed(ipSet(['198.51.100.0/24']))), rule('Allow', ipSet(BANK))))).toEqual(BANK);
    // After the outside is blocked, only the bank reaches the group.
    expect(mayAllow(reach('Allow', rule('Block', not(ipSet(BANK))), rule('None', managed())))).toEqual(BANK);
  });

  it('a rule group that addresses outside the contracted ones reach cannot be told; what was found before it stands', () => {
    const result = reach('Block', rule('Allow', other('LabelMatchStatement'), 'allow-labelled'), rule('None', managed(), 'aws-common'));
    expect(result.kind).toBe('undecidable');
    expect(result.kind === 'undecidable' && result.reason).toMatch(
      /^rule aws-common runs the managed rule group AWS AWSManagedRulesCommonRuleSet on requests from addresses outside the contracted CIDRs/,
    );
    expect(result.allows.map((a) => a.by)).toEqual(['rule allow-labelled']);
  });

  it('a rule group with a rule overridden to Allow may let in whoever reaches it', () => {
    const result = reach(
      'Block',
      rule(
        'None',
        managed(null, [
          { name: 'allow-health-checks', action: 'Allow' },
          { name: 'SizeRestrictions_BODY', action: 'Count' },
        ]),
        'vendor',
      ),
    );
    expect(result.allows.map((a) => [a.by, cidrsOf(a.addresses)])).toEqual([
      ['rule vendor (its rule allow-health-checks overridden to Allow)', ['0.0.0.0/0', '::/0']],
    ]);
    expect(result.kind).toBe('undecidable');
  });

  it('an IP set, a default action or a CIDR that cannot be read makes the evaluation undecidable', () => {
    const unread: WebAclStatement = { ...ipSet(BANK), ipSet: unknown('AccessDeniedException: wafv2:GetIPSet') } as WebAclStatement;
    expect(reach('Block', rule('Allow', unread))).toMatchObject({
      kind: 'undecidable',
      reason: expect.stringContaining('could not be read (AccessDeniedException: wafv2:GetIPSet)') as unknown,
    });
    expect(webAclReach({ defaultAction: unknown('AccessDeniedException: wafv2:GetWebACL'), rules: [] }, set(...BANK))).toMatchObject({
      kind: 'undecidable',
      reason: 'the default action could not be read (AccessDeniedException: wafv2:GetWebACL)',
    });
    expect(reach('Block', rule('Allow', ipSet(['198.51.100.0/33'], 'broken')))).toMatchObject({
      kind: 'undecidable',
      reason: expect.stringContaining("the IP set broken holds '198.51.100.0/33', which is not a CIDR") as unknown,
    });
  });
});
