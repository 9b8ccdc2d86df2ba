import { describe, expect, it } from 'vitest';
import { parsePolicy, type ParsedPolicy } from '../../../src/analysis/policy/parse-policy.js';
import { findCanonicalSecureTransportDeny, findSecureTransportDeny } from '../../../src/analysis/policy/secure-transport.js';

const BUCKET = 'arn:aws:s3:::example-bucket';
const scope = { actions: ['s3:*'], resources: [BUCKET, `${BUCKET}/*`] };
const insecure = { Bool: { 'aws:SecureTransport': 'false' } };

function parsed(...statements: Record<string, unknown>[]): ParsedPolicy {
  const result = parsePolicy({ Statement: statements }, { requirePrincipal: true });
  if (!result.ok) throw new Error(result.error);
  return result.policy;
}

const deny = (extra: Record<string, unknown>) => ({
  Sid: 'TLS',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [BUCKET, `${BUCKET}/*`],
  Condition: insecure,
  ...extra,
});

describe('findSecureTransportDeny', () => {
  it.each([
    ['the AWS-documented statement', deny({})],
    ['{"AWS": "*"} and Action "*"', deny({ Principal: { AWS: '*' }, Action: '*' })],
    ['BoolIfExists and a boolean value', deny({ Condition: { BoolIfExists: { 'AWS:SecureTransport': false } } })],
    ['Resource "*"', deny({ Resource: '*' })],
    ['a bucket prefix pattern', deny({ Resource: 'arn:aws:s3:::example-bucket*' })],
  ])('accepts %s', (_name, statement) => {
    expect(findSecureTransportDeny(parsed(statement), scope)).toEqual({ enforced: true, statement: 'statement 1 (Sid "TLS")' });
  });

  it.each([
    [
      'an Allow requiring TLS',
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      /is an Allow/,
    ],
    ['only some actions', deny({ Action: 's3:GetObject' }), /does not cover s3:\*/],
    ['only the objects', deny({ Resource: `${BUCKET}/*` }), /does not cover arn:aws:s3:::example-bucket$/],
    ['one principal', deny({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }), /applies only to/],
    ['NotPrincipal', { ...deny({}), Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }, /NotPrincipal spares/],
    ['an extra condition', deny({ Condition: { ...insecure, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }), /also requires IpAddress aws:SourceIp/],
    [
      'SecureTransport "true" on a Deny',
      deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      /does not test aws:SecureTransport with Bool "false"/,
    ],
    ['NotResource', { ...deny({}), Resource: undefined, NotResource: 'arn:aws:s3:::other' }, /NotResource/],
  ])('rejects %s', (_name, statement, why) => {
    const result = findSecureTransportDeny(parsed(statement), scope);
    expect(result.enforced).toBe(false);
    if (!result.enforced) expect(result.nearMisses.join('\n')).toMatch(why);
  });

  it('reports no near miss when no statement tests aws:SecureTransport', () => {
    expect(findSecureTransportDeny(parsed({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }), scope)).toEqual({
      enforced: false,
      nearMisses: [],
    });
  });
});

describe('findCanonicalSecureTransportDeny (the fast path before parsing)', () => {
  const variants: [string, Record<string, unknown>][] = [
    ['the AWS-documented statement', deny({})],
    ['{"AWS": "*"} and Action "*"', deny({ Principal: { AWS: '*' }, Action: '*' })],
    ['Resource "*"', deny({ Resource: '*' })],
    ['a boolean false', deny({ Condition: { Bool: { 'aws:SecureTransport': false } } })],
    ['BoolIfExists', deny({ Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } })],
    ['only some actions', deny({ Action: 's3:GetObject' })],
    ['only the objects', deny({ Resource: `${BUCKET}/*` })],
    ['one principal', deny({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })],
    ['an extra condition', deny({ Condition: { ...insecure, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })],
    ['SecureTransport "true"', deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })],
    ['an Allow', { ...deny({}), Effect: 'Allow' }],
  ];

  it('recognises the documented statement', () => {
    expect(findCanonicalSecureTransportDeny({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'x' }, Action: 's3:GetObject' }, deny({})] }, scope)).toBe(
      'statement 2 (Sid "TLS")',
    );
  });

  it.each(variants)('never passes what the full analysis rejects, and agrees on the label: %s', (_name, statement) => {
    const fast = findCanonicalSecureTransportDeny({ Statement: [statement] }, scope);
    const full = findSecureTransportDeny(parsed(statement), scope);
    if (fast !== undefined) expect(full).toEqual({ enforced: true, statement: fast });
  });
});
