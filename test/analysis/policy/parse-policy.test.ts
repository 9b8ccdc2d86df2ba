import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/analysis/policy/parse-policy.js';

describe('parsePolicy', () => {
  it('normalises strings and lists, principals and condition operators', () => {
    const result = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Read',
            Effect: 'Allow',
            Principal: { AWS: ['arn:aws:iam::444455556666:root', '111122223333'], Service: 'cloudfront.amazonaws.com' },
            NotAction: 's3:DeleteObject',
            Resource: 'arn:aws:s3:::b/*',
            Condition: { 'ForAnyValue:StringLikeIfExists': { 'AWS:SourceVpce': ['vpce-1', 'vpce-2'] }, Bool: { 'aws:SecureTransport': true } },
          },
        ],
      },
      { requirePrincipal: true },
    );
    expect(result).toEqual({
      ok: true,
      policy: {
        version: '2012-10-17',
        statements: [
          {
            index: 0,
            sid: 'Read',
            label: 'statement 1 (Sid "Read")',
            effect: 'Allow',
            principal: {
              negated: false,
              entries: [
                { type: 'AWS', value: 'arn:aws:iam::444455556666:root' },
                { type: 'AWS', value: '111122223333' },
                { type: 'Service', value: 'cloudfront.amazonaws.com' },
              ],
            },
            action: { negated: true, patterns: ['s3:DeleteObject'] },
            resource: { negated: false, patterns: ['arn:aws:s3:::b/*'] },
            conditions: [
              {
                operator: 'ForAnyValue:StringLikeIfExists',
                baseOperator: 'StringLike',
                setOperator: 'ForAnyValue',
                ifExists: true,
                key: 'AWS:SourceVpce',
                keyLower: 'aws:sourcevpce',
                values: ['vpce-1', 'vpce-2'],
              },
              {
                operator: 'Bool',
                baseOperator: 'Bool',
                setOperator: undefined,
                ifExists: false,
                key: 'aws:SecureTransport',
                keyLower: 'aws:securetransport',
                values: ['true'],
              },
            ],
          },
        ],
      },
    });
  });

  it('accepts identity policies without a principal when asked', () => {
    const result = parsePolicy({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, { requirePrincipal: false });
    expect(result.ok && result.policy.statements[0]?.principal).toBeNull();
  });

  it.each([
    [{ Statement: [{ Effect: 'Allow', Principal: '*', Action: [], Resource: '*' }] }, /statement 1: Action is an empty list/],
    [{ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', NotResource: 'x' }] }, /both Resource and NotResource/],
    [{ Statement: [{ Effect: 'Allow', Principal: '*', NotPrincipal: '*', Action: 's3:GetObject' }] }, /both Principal and NotPrincipal/],
    [{ Statement: [{ Effect: 'Allow', Principal: {}, Action: 's3:GetObject' }] }, /names no principal/],
    [{ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: { 'Maybe:StringEquals': { k: 'v' } } }] }, /unknown set qualifier/],
    [{ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: ['x'] }] }, /Condition must be an object/],
    [{ Statement: ['not an object'] }, /statement 1: a statement must be a JSON object/],
    [{ Statement: [{ Sid: 7, Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] }, /Sid must be a string/],
    [[], /not a JSON object/],
  ])('rejects %j', (document, error) => {
    const result = parsePolicy(document, { requirePrincipal: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
