import { describe, expect, it } from 'vitest';
import { findFullAdminGrants, isEveryActionPattern, isEveryResourcePattern } from '../../../src/analysis/policy/full-admin.js';

const policy = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const ADMIN = { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' };

function analyse(document: unknown) {
  const result = findFullAdminGrants(document);
  if (!result.ok) throw new Error(result.error);
  return result.analysis;
}

describe('full administrative grants', () => {
  it('recognises patterns that match every action or every resource', () => {
    for (const p of ['*', '*:*', '**']) expect(isEveryActionPattern(p), p).toBe(true);
    for (const p of ['iam:*', '*:Get*', 's3:*', '?']) expect(isEveryActionPattern(p), p).toBe(false);
    for (const p of ['*', 'arn:*', 'arn:aws:*', 'arn:*:*:*:*:*', 'arn:aws-us-gov:*:*:*:*']) expect(isEveryResourcePattern(p), p).toBe(true);
    for (const p of ['arn:aws:s3:::*', 'arn:aws:*:*:111122223333:*', 'arn:aws:iam::*:role/*']) expect(isEveryResourcePattern(p), p).toBe(false);
  });

  it('finds Action "*" or "*:*" on Resource "*", as strings or in lists, a single statement object included', () => {
    expect(analyse(policy(ADMIN)).grants).toEqual([{ statement: 'statement 1 (Sid "Admin")', conditions: [], narrowedBy: [] }]);
    expect(analyse(policy({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['arn:aws:s3:::b', '*'] })).grants).toHaveLength(1);
    expect(analyse({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }).grants).toHaveLength(1);
  });

  it('ignores grants of some actions or some resources, and Deny statements of everything', () => {
    const analysis = analyse(
      policy(
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' },
        { Effect: 'Deny', Action: '*', Resource: 'arn:aws:s3:::other' },
      ),
    );
    expect(analysis).toEqual({ grants: [], nearAdmin: [], ended: [] });
  });

  it('keeps a conditional grant, with its condition', () => {
    const analysis = analyse(policy({ ...ADMIN, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    expect(analysis.grants).toEqual([{ statement: 'statement 1 (Sid "Admin")', conditions: ['Bool aws:MultiFactorAuthPresent = true'], narrowedBy: [] }]);
  });

  it('an unconditional Deny of everything ends the grant; a NotAction Deny leaves only its actions', () => {
    expect(analyse(policy(ADMIN, { Sid: 'Nothing', Effect: 'Deny', Action: '*', Resource: '*' }))).toEqual({
      grants: [],
      nearAdmin: [],
      ended: [{ statement: 'statement 1 (Sid "Admin")', endedBy: 'statement 2 (Sid "Nothing")', leaves: [] }],
    });
    expect(analyse(policy(ADMIN, { Effect: 'Deny', NotAction: ['s3:*', 'cloudwatch:Get*'], Resource: '*' })).ended).toEqual([
      { statement: 'statement 1 (Sid "Admin")', endedBy: 'statement 2', leaves: ['s3:*', 'cloudwatch:Get*'] },
    ]);
  });

  it('a partial, resource-limited or conditional Deny narrows the grant without ending it', () => {
    const analysis = analyse(
      policy(
        ADMIN,
        { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: 'arn:aws:s3:::audit-logs/*' },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
        { Effect: 'Deny', NotAction: '*', Resource: '*' },
      ),
    );
    expect(analysis.grants).toEqual([{ statement: 'statement 1 (Sid "Admin")', conditions: [], narrowedBy: ['statement 2', 'statement 3', 'statement 4'] }]);
  });

  it('reports NotAction and NotResource grants as near-admin, not as "*:*"', () => {
    const analysis = analyse(
      policy(
        { Sid: 'PowerUser', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
        { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secrets/*' },
      ),
    );
    expect(analysis.grants).toEqual([]);
    expect(analysis.nearAdmin).toEqual([
      { statement: 'statement 1 (Sid "PowerUser")', allows: '* except iam:*, organizations:* on *' },
      { statement: 'statement 2', allows: '* on * except arn:aws:s3:::secrets/*' },
    ]);
  });

  it('a malformed document is an error naming the statement', () => {
    expect(findFullAdminGrants(policy({ Effect: 'Allow', Resource: '*' }))).toEqual({
      ok: false,
      error: 'statement 1: a statement must have Action or NotAction',
    });
    expect(findFullAdminGrants('{"Statement": [')).toEqual({ ok: false, error: 'the policy is not valid JSON' });
  });
});
