import sharedKeyImportedMaterial from '../../../insights/kms/kms-shared-key-imported-material.js';
import { kmsSharedKey } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

// The tester's clock is 2026-06-01T12:00:00Z.
testInsight(sharedKeyImportedMaterial, [
  {
    name: 'BYOK key whose material expires in half a year',
    resource: kmsSharedKey({ origin: 'EXTERNAL', validTo: '2026-12-01T00:00:00.000Z' }),
    status: 'pass',
    reason: /expires on 2026-12-01/,
  },
  { name: 'BYOK key whose material does not expire', resource: kmsSharedKey({ origin: 'EXTERNAL', validTo: null }), status: 'pass', reason: /does not expire/ },
  {
    name: 'material expires in ten days',
    resource: kmsSharedKey({ origin: 'EXTERNAL', validTo: '2026-06-11T12:00:00.000Z' }),
    status: 'fail',
    reason: /^the key material expires in 10 days, on 2026-06-11.*cannot be decrypted/,
  },
  {
    name: 'material already expired',
    resource: kmsSharedKey({ origin: 'EXTERNAL', validTo: '2026-05-01T00:00:00.000Z' }),
    status: 'fail',
    reason: /expired on 2026-05-01/,
  },
  {
    name: 'a warning window of zero days passes material expiring next week',
    resource: kmsSharedKey({ validTo: '2026-06-08T12:00:00.000Z' }),
    params: { expiryWarningDays: 0 },
    status: 'pass',
  },
  {
    name: 'no material imported (PendingImport)',
    resource: kmsSharedKey({ keyState: 'PendingImport', validTo: null }),
    status: 'fail',
    reason: /has no key material/,
  },
  {
    name: 'KMS generated the material: not BYOK',
    resource: kmsSharedKey({ origin: 'AWS_KMS' }),
    status: 'fail',
    reason: /not imported \(origin AWS_KMS\)/,
    evidence: { origin: 'AWS_KMS' },
  },
  {
    name: 'KMS-generated material, BYOK not required',
    resource: kmsSharedKey({ origin: 'AWS_KMS' }),
    params: { requireImported: false },
    status: 'not-applicable',
  },
  {
    name: 'key not visible from the account',
    resource: kmsSharedKey({ describe: 'access-denied', origin: null, keyState: null, validTo: null }),
    status: 'not-applicable',
  },
  {
    name: 'key scheduled for deletion',
    resource: kmsSharedKey({ keyState: 'PendingDeletion', validTo: '2026-06-02T00:00:00.000Z' }),
    status: 'not-applicable',
  },
  { name: 'DescribeKey throttled to the end', resource: kmsSharedKey({ describe: unknown('ThrottlingException: kms:DescribeKey') }), status: 'error' },
  { name: 'origin unreadable', resource: kmsSharedKey({ origin: unknown('ThrottlingException: kms:DescribeKey') }), status: 'error' },
  { name: 'origin not reported', resource: kmsSharedKey({ origin: null }), status: 'error' },
  { name: 'expiry unreadable', resource: kmsSharedKey({ validTo: unknown('ThrottlingException: kms:DescribeKey') }), status: 'error' },
  { name: 'state unreadable', resource: kmsSharedKey({ keyState: unknown('ThrottlingException: kms:DescribeKey') }), status: 'error' },
]);
