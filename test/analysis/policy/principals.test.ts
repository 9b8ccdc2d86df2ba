import { describe, expect, it } from 'vitest';
import { classifyPrincipal, principalCovers, type Principal } from '../../../src/analysis/policy/principals.js';
import type { PrincipalEntry } from '../../../src/analysis/policy/parse-policy.js';
import { isElbLogDelivery } from '../../../src/analysis/policy/aws-service-accounts.js';

describe('classifyPrincipal', () => {
  it.each<[PrincipalEntry, Partial<Principal>]>([
    [{ type: '*', value: '*' }, { kind: 'everyone' }],
    [{ type: 'AWS', value: '*' }, { kind: 'everyone' }],
    [
      { type: 'AWS', value: '444455556666' },
      { kind: 'account', accountId: '444455556666', arn: undefined },
    ],
    [
      { type: 'AWS', value: 'arn:aws:iam::444455556666:root' },
      { kind: 'account', accountId: '444455556666', arn: undefined },
    ],
    [
      { type: 'AWS', value: 'arn:aws:iam::444455556666:role/app' },
      { kind: 'account', arn: 'arn:aws:iam::444455556666:role/app' },
    ],
    [
      { type: 'AWS', value: 'arn:aws:sts::444455556666:assumed-role/app/s' },
      { kind: 'account', accountId: '444455556666' },
    ],
    [
      { type: 'AWS', value: 'arn:aws-us-gov:iam::444455556666:user/u' },
      { kind: 'account', accountId: '444455556666' },
    ],
    [{ type: 'AWS', value: 'arn:aws:iam::*:root' }, { kind: 'everyone' }],
    [
      { type: 'AWS', value: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL' },
      { kind: 'cloudfront-oai', id: 'E2QWRUHAPOMQZL' },
    ],
    [{ type: 'AWS', value: 'AROAEXAMPLEUNIQUEID01' }, { kind: 'deleted' }],
    [
      { type: 'Service', value: 'CloudFront.amazonaws.com' },
      { kind: 'service', service: 'cloudfront.amazonaws.com' },
    ],
    [
      { type: 'CanonicalUser', value: 'abc123' },
      { kind: 'canonical-user', id: 'abc123' },
    ],
    [
      { type: 'Federated', value: 'arn:aws:iam::444455556666:saml-provider/okta' },
      { kind: 'account', accountId: '444455556666' },
    ],
    [{ type: 'Federated', value: 'accounts.google.com' }, { kind: 'everyone' }],
  ])('%j', (entry, expected) => {
    expect(classifyPrincipal(entry)).toMatchObject(expected);
  });
});

describe('principalCovers', () => {
  const account = classifyPrincipal({ type: 'AWS', value: '444455556666' });
  const role = classifyPrincipal({ type: 'AWS', value: 'arn:aws:iam::444455556666:role/app' });
  const everyone = classifyPrincipal({ type: '*', value: '*' });
  it('lets an account cover its identities, and everyone cover all', () => {
    expect(principalCovers(everyone, role)).toBe(true);
    expect(principalCovers(account, role)).toBe(true);
    expect(principalCovers(role, account)).toBe(false);
    expect(principalCovers(account, everyone)).toBe(false);
  });
});

describe('isElbLogDelivery', () => {
  it('knows the service principal and the regional accounts', () => {
    expect(isElbLogDelivery(classifyPrincipal({ type: 'Service', value: 'logdelivery.elasticloadbalancing.amazonaws.com' }))).toBe(true);
    expect(isElbLogDelivery(classifyPrincipal({ type: 'AWS', value: 'arn:aws:iam::127311923021:root' }))).toBe(true);
    expect(isElbLogDelivery(classifyPrincipal({ type: 'AWS', value: 'arn:aws:iam::444455556666:root' }))).toBe(false);
  });
});
