import { describe, expect, it } from 'vitest';
import { assessAllowClause, assessDenyClauseEscape, sameClause } from '../../../src/analysis/policy/conditions.js';
import { parsePolicy, type ConditionClause } from '../../../src/analysis/policy/parse-policy.js';

function clause(operator: string, key: string, value: unknown): ConditionClause {
  const parsed = parsePolicy({ Statement: { Effect: 'Allow', Action: '*', Condition: { [operator]: { [key]: value } } } }, { requirePrincipal: false });
  if (!parsed.ok) throw new Error(parsed.error);
  const first = parsed.policy.statements[0]?.conditions[0];
  if (first === undefined) throw new Error('no clause');
  return first;
}

describe('assessAllowClause', () => {
  it.each([
    ['StringEquals', 'aws:SourceVpce', 'vpce-1', { kind: 'vpcs', ids: ['vpce-1'] }],
    ['StringEqualsIgnoreCase', 'aws:SourceVpc', ['vpc-1', 'vpc-2'], { kind: 'vpcs', ids: ['vpc-1', 'vpc-2'] }],
    ['StringEquals', 'aws:SourceAccount', '111122223333', { kind: 'accounts', accountIds: ['111122223333'] }],
    ['StringEquals', 'aws:SourceOwner', 111122223333, { kind: 'accounts', accountIds: ['111122223333'] }],
    ['StringEquals', 'kms:CallerAccount', '111122223333', { kind: 'accounts', accountIds: ['111122223333'] }],
    ['StringEquals', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5', { kind: 'organizations', orgIds: ['o-a1b2c3d4e5'] }],
    ['ArnEquals', 'aws:SourceArn', 'arn:aws:s3:::source-bucket', { kind: 'identities' }],
    ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::444455556666:role/*', { kind: 'accounts', accountIds: ['444455556666'] }],
    ['IpAddress', 'aws:SourceIp', '203.0.113.0/24', { kind: 'networks', cidrs: ['203.0.113.0/24'] }],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', { kind: 'networks' }],
    ['ForAnyValue:StringEquals', 'aws:SourceVpce', 'vpce-1', { kind: 'vpcs' }],
    ['StringEquals', 's3:x-amz-server-side-encryption-aws-kms-key-id', 'arn:aws:kms:eu-west-1:111122223333:key/k', { kind: 'identities' }],
  ] as const)('%s %s %j restricts', (operator, key, value, restriction) => {
    expect(assessAllowClause(clause(operator, key, value))).toMatchObject({ restricts: true, restriction });
  });

  it.each([
    ['StringEqualsIfExists', 'aws:SourceVpce', 'vpce-1', /carry no aws:SourceVpce/],
    ['ForAllValues:StringEquals', 'aws:SourceVpce', 'vpce-1', /also true for requests that carry no/],
    ['StringNotEquals', 'aws:SourceVpce', 'vpce-1', /every value except/],
    ['StringLike', 'aws:SourceVpc', 'vpc-*', /wildcard/],
    ['StringEquals', 'aws:SourceAccount', '${aws:PrincipalAccount}', /policy variable/],
    ['ArnLike', 'aws:SourceArn', 'arn:aws:cloudfront::*:distribution/*', /no fixed account/],
    ['IpAddress', 'aws:SourceIp', '0.0.0.0/0', /whole internet/],
    ['IpAddress', 'aws:SourceIp', '11.0.0.0/7', /broader than \/8/],
    ['IpAddress', 'aws:SourceIp', 'not-an-ip', /not an IP address/],
    ['NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', /every value except/],
    ['Bool', 'aws:SecureTransport', 'true', /does not limit who can call/],
    ['StringLike', 's3:prefix', 'home/', /does not limit who can call/],
    ['StringEquals', 'aws:RequestTag/team', 'data', /does not limit who can call/],
    ['Null', 'aws:SourceVpce', 'false', /does not pin/],
    ['IpAddress', 'aws:SourceVpce', '10.0.0.0/8', /does not pin/],
  ] as const)('%s %s %j does not restrict', (operator, key, value, why) => {
    const result = assessAllowClause(clause(operator, key, value));
    expect(result.restricts).toBe(false);
    if (!result.restricts) expect(result.why).toMatch(why);
  });

  it('flags unknown keys', () => {
    expect(assessAllowClause(clause('StringEquals', 'custom:Thing', 'x'))).toMatchObject({ restricts: false, unknownKey: true });
    expect(assessAllowClause(clause('Bool', 'aws:SecureTransport', 'true'))).toMatchObject({ restricts: false, unknownKey: false });
  });

  it('keeps escaped literal characters apart from wildcards and variables', () => {
    expect(assessAllowClause(clause('StringEquals', 'aws:userid', 'AIDA${*}X')).restricts).toBe(true);
  });
});

describe('assessDenyClauseEscape', () => {
  it('counts negated operators on restricting keys, with or without IfExists', () => {
    expect(assessDenyClauseEscape(clause('StringNotEquals', 'aws:SourceVpce', 'vpce-1'))).toMatchObject({ restricts: true, restriction: { kind: 'vpcs' } });
    expect(assessDenyClauseEscape(clause('StringNotEqualsIfExists', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5'))).toMatchObject({ restricts: true });
    expect(assessDenyClauseEscape(clause('NotIpAddress', 'aws:SourceIp', '192.0.2.0/24'))).toMatchObject({
      restricts: true,
      restriction: { kind: 'networks' },
    });
    expect(assessDenyClauseEscape(clause('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::111122223333:role/*'))).toMatchObject({
      restricts: true,
      restriction: { kind: 'accounts' },
    });
  });

  it('does not count positive operators, neutral keys or wildcards', () => {
    expect(assessDenyClauseEscape(clause('Bool', 'aws:SecureTransport', 'false')).restricts).toBe(false);
    expect(assessDenyClauseEscape(clause('IpAddress', 'aws:SourceIp', '192.0.2.0/24')).restricts).toBe(false);
    expect(assessDenyClauseEscape(clause('StringNotLike', 'aws:SourceVpce', 'vpce-*')).restricts).toBe(false);
    expect(assessDenyClauseEscape(clause('ForAnyValue:StringNotEquals', 'aws:SourceVpce', 'vpce-1')).restricts).toBe(false);
  });
});

describe('sameClause', () => {
  it('compares operator, key (case-insensitively) and values (in any order)', () => {
    expect(sameClause(clause('StringEquals', 'aws:SourceVpce', ['a', 'b']), clause('StringEquals', 'AWS:SourceVpce', ['b', 'a']))).toBe(true);
    expect(sameClause(clause('StringEquals', 'aws:SourceVpce', 'a'), clause('StringEqualsIfExists', 'aws:SourceVpce', 'a'))).toBe(false);
  });
});
