import { describe, expect, it } from 'vitest';
import {
  accessLevels,
  accessLevelsOfSet,
  actionSet,
  actionSetCovers,
  actionSetMayInclude,
  describeActions,
  subtractActions,
} from '../../../src/analysis/policy/actions.js';
import { patternCovers, patternsMayOverlap, wildcardMatch } from '../../../src/analysis/policy/wildcards.js';

const ci = { ignoreCase: true };
const cs = { ignoreCase: false };

describe('wildcards', () => {
  it('matches * and ? and treats other characters literally', () => {
    expect(wildcardMatch('s3:Get*', 's3:GetObject', ci)).toBe(true);
    expect(wildcardMatch('s3:Get*', 's3:getobject', ci)).toBe(true);
    expect(wildcardMatch('s3:Get?bject', 's3:GetObject', ci)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::B/x', cs)).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::b.c/(x)', 'arn:aws:s3:::b.c/(x)', cs)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b.c', 'arn:aws:s3:::bxc', cs)).toBe(false);
  });

  it('covers only when every value of the specific pattern surely matches', () => {
    expect(patternCovers('*', 's3:Get*', ci)).toBe(true);
    expect(patternCovers('s3:*', 's3:Get*', ci)).toBe(true);
    expect(patternCovers('s3:Get*', 's3:GetObject*', ci)).toBe(true);
    expect(patternCovers('s3:GetObject', 's3:Get*', ci)).toBe(false);
    expect(patternCovers('s3:*Object', 's3:Get*', ci)).toBe(false);
    expect(patternCovers('arn:aws:s3:::b*', 'arn:aws:s3:::b/*', cs)).toBe(true);
  });

  it('says two patterns cannot overlap only when their literal ends differ', () => {
    expect(patternsMayOverlap('s3:Get*', 's3:GetObject', ci)).toBe(true);
    expect(patternsMayOverlap('s3:Get*', 's3:Put*', ci)).toBe(false);
    expect(patternsMayOverlap('s3:*Object', 's3:*Acl', ci)).toBe(false);
    expect(patternsMayOverlap('s3:*Object', 's3:Get*', ci)).toBe(true);
  });
});

describe('action sets', () => {
  const only = (...patterns: string[]) => actionSet({ negated: false, patterns });
  const except = (...patterns: string[]) => actionSet({ negated: true, patterns });

  it('answers inclusion and coverage for Action and NotAction', () => {
    expect(actionSetMayInclude(only('s3:Get*'), 's3:GetObject')).toBe(true);
    expect(actionSetMayInclude(except('s3:Get*'), 's3:GetObject')).toBe(false);
    expect(actionSetCovers(only('s3:*'), 's3:*')).toBe(true);
    expect(actionSetCovers(except('iam:*'), 's3:*')).toBe(true);
    expect(actionSetCovers(except('s3:DeleteObject'), 's3:*')).toBe(false);
  });

  it('subtracts a Deny without ever understating what remains', () => {
    expect(subtractActions(only('s3:GetObject', 's3:PutObject'), only('s3:Put*'))).toEqual({
      remaining: only('s3:GetObject'),
      removed: only('s3:PutObject'),
    });
    // Partly denied patterns stay whole.
    expect(subtractActions(only('s3:Get*'), only('s3:GetObject')).remaining).toEqual(only('s3:Get*'));
    // A Deny with NotAction spares only its NotAction patterns.
    expect(subtractActions(only('s3:GetObject', 's3:PutObject'), except('s3:GetObject')).remaining).toEqual(only('s3:GetObject'));
    // NotAction minus Action: exact.
    expect(subtractActions(except('s3:DeleteObject'), only('s3:PutObject')).remaining).toEqual(except('s3:DeleteObject', 's3:PutObject'));
    expect(subtractActions(except('s3:DeleteObject'), only('*')).remaining).toEqual(only());
    // NotAction minus NotAction: what the Deny spares, less what the Allow excludes.
    expect(subtractActions(except('s3:DeleteObject'), except('s3:GetObject', 's3:DeleteObject')).remaining).toEqual(only('s3:GetObject'));
  });

  it('reads sets for a report', () => {
    expect(describeActions(only('s3:GetObject'))).toEqual(['s3:GetObject']);
    expect(describeActions(except('s3:DeleteObject', 's3:PutObject'))).toEqual(['* except s3:DeleteObject, s3:PutObject']);
  });
});

describe('access levels', () => {
  it.each([
    ['s3:GetObject', ['read']],
    ['s3:Get*', ['read']],
    ['s3:List*', ['list']],
    ['s3:ListBucket', ['list']],
    ['s3:PutObject', ['write']],
    ['s3:Delete*', ['write', 'permissions-management', 'tagging']],
    ['s3:Put*', ['write', 'permissions-management', 'tagging']],
    ['s3:PutBucketPolicy', ['permissions-management']],
    ['s3:putbucketacl', ['permissions-management']],
    ['s3:PutObjectTagging', ['tagging']],
    ['s3:AbortMultipartUpload', ['write']],
    ['s3:*', ['list', 'read', 'write', 'permissions-management', 'tagging']],
    ['*', ['list', 'read', 'write', 'permissions-management', 'tagging']],
    ['kms:Decrypt', ['write']],
    ['kms:DescribeKey', ['read']],
    ['kms:PutKeyPolicy', ['permissions-management']],
    ['kms:CreateGrant', ['permissions-management']],
    ['kms:GenerateDataKey*', ['write']],
    ['sqs:SendMessage', ['write']],
    ['sqs:AddPermission', ['permissions-management']],
    ['dynamodb:PutResourcePolicy', ['permissions-management']],
    ['dynamodb:Put*', ['write', 'permissions-management', 'tagging']],
  ] as const)('%s is %j', (action, levels) => {
    expect(accessLevels(action)).toEqual(levels);
  });

  it('gives every level to a NotAction set', () => {
    expect(accessLevelsOfSet(actionSet({ negated: true, patterns: ['s3:DeleteObject'] }))).toHaveLength(5);
  });
});
