import sharedKeyUsable from '../../../insights/kms/kms-shared-key-usable.js';
import { kmsSharedKey } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

// The builder's key: arn:aws:kms:eu-west-1:999999999999:key/..., seen from account 111111111111.
const BANK = '999999999999';
const TENANT = '111111111111';
const denied = unknown('AccessDeniedException: kms:ListGrants');
const throttled = unknown('ThrottlingException: kms:DescribeKey');

testInsight(
  sharedKeyUsable,
  [
    {
      name: "bank's key, enabled, dry run authorised: RDS's grant is the evidence",
      resource: kmsSharedKey({
        grants: [
          { granteePrincipal: 'rds.eu-west-1.amazonaws.com', operations: ['Decrypt', 'Encrypt', 'GenerateDataKey'], constrained: false },
          { granteePrincipal: `arn:aws:iam::${TENANT}:role/app`, operations: ['Decrypt'], constrained: true },
        ],
      }),
      status: 'pass',
      reason: /may use .* of account 999999999999/,
      evidence: { servicesHoldingGrants: ['rds.eu-west-1.amazonaws.com'] },
    },
    {
      name: 'grants not listable (common: the key policy does not allow ListGrants) still passes',
      resource: kmsSharedKey({ grants: denied }),
      status: 'pass',
      evidence: { grants: 'not read: AccessDeniedException: kms:ListGrants' },
    },
    { name: 'owner is one of the bank accounts', resource: kmsSharedKey(), params: { bankAccountIds: [BANK] }, status: 'pass' },
    {
      name: 'no such key (deleted or not shared)',
      resource: kmsSharedKey({ ...notDescribed('not-found'), usable: null, dryRunAnswer: null, grants: null }),
      status: 'fail',
      reason: /finds no key .*availability risk/,
      evidence: { describe: 'not-found' },
    },
    {
      name: 'key policy does not let the account describe the key',
      resource: kmsSharedKey({ ...notDescribed('access-denied'), usable: 'denied', dryRunAnswer: 'AccessDeniedException', grants: denied }),
      status: 'fail',
      reason: /account 111111111111 is denied even describing/,
      evidence: { describe: 'access-denied', usable: 'denied' },
    },
    {
      name: 'key owned by the tenant account itself is not the bank key',
      resource: kmsSharedKey({ ownerAccountId: TENANT }),
      status: 'fail',
      reason: /belongs to account 111111111111 itself/,
    },
    {
      name: 'owner is not a bank account',
      resource: kmsSharedKey({ ownerAccountId: '222222222222' }),
      params: { bankAccountIds: [BANK] },
      status: 'fail',
      reason: /222222222222, which is not one of the bank's accounts/,
    },
    {
      name: 'bank disabled the key',
      resource: kmsSharedKey({ keyState: 'Disabled', enabled: false, usable: 'key-unusable', dryRunAnswer: 'DisabledException' }),
      status: 'fail',
      reason: /disabled the key: data .* cannot be decrypted/,
      evidence: { keyState: 'Disabled' },
    },
    {
      name: 'bank scheduled the key for deletion',
      resource: kmsSharedKey({
        keyState: 'PendingDeletion',
        enabled: false,
        deletionDate: '2026-06-08T00:00:00.000Z',
        usable: 'key-unusable',
        dryRunAnswer: 'KMSInvalidStateException',
      }),
      status: 'fail',
      reason: /scheduled the key for deletion on 2026-06-08T00:00:00.000Z.*availability risk/,
    },
    {
      name: 'imported material not yet imported (PendingImport)',
      resource: kmsSharedKey({ keyState: 'PendingImport', enabled: false, usable: 'key-unusable', dryRunAnswer: 'KMSInvalidStateException' }),
      status: 'fail',
      reason: /state PendingImport/,
    },
    {
      name: 'use denied: the dry run answered AccessDeniedException',
      resource: kmsSharedKey({ usable: 'denied', dryRunAnswer: 'AccessDeniedException' }),
      status: 'fail',
      reason: /denied use of the key/,
      evidence: { usable: 'denied' },
    },
    {
      name: 'enabled key that refuses use names the answer',
      resource: kmsSharedKey({ usable: 'key-unusable', dryRunAnswer: 'InvalidKeyUsageException' }),
      status: 'fail',
      reason: /InvalidKeyUsageException/,
    },
    {
      name: 'asymmetric signing key',
      resource: kmsSharedKey({ keyUsage: 'SIGN_VERIFY', keySpec: 'RSA_2048' }),
      status: 'fail',
      reason: /SIGN_VERIFY, not ENCRYPT_DECRYPT; the key spec is RSA_2048/,
    },
    { name: 'AWS-managed key', resource: kmsSharedKey({ keyManager: 'AWS' }), status: 'fail', reason: /AWS-managed/ },
    {
      name: 'a known problem fails even when another field is unknown',
      resource: kmsSharedKey({
        keyState: 'Disabled',
        usable: unknown('ThrottlingException: kms:GenerateDataKey'),
        dryRunAnswer: unknown('ThrottlingException: kms:GenerateDataKey'),
      }),
      status: 'fail',
    },
    {
      name: 'DescribeKey throttled after retries',
      resource: kmsSharedKey({ ...notDescribed(throttled), describe: throttled }),
      status: 'error',
      reason: /ThrottlingException/,
    },
    {
      name: 'dry run not readable: never a pass',
      resource: kmsSharedKey({
        usable: unknown('KMSInternalException: kms:GenerateDataKey'),
        dryRunAnswer: unknown('KMSInternalException: kms:GenerateDataKey'),
      }),
      status: 'error',
      reason: /KMSInternalException/,
    },
    {
      name: 'dry run not collected in this scan',
      resource: kmsSharedKey({ usable: unknown('NotCollected: kms:GenerateDataKey'), dryRunAnswer: unknown('NotCollected: kms:GenerateDataKey') }),
      status: 'error',
    },
    { name: 'owner not reported', resource: kmsSharedKey({ ownerAccountId: unknown('UnexpectedResponse: kms:DescribeKey') }), status: 'error' },
    { name: 'described but no state reported', resource: kmsSharedKey({ keyState: null }), status: 'error', reason: /key state .* was not reported/ },
  ],
  { alwaysApplies: 'every shared key is one the configuration says the account is contracted to use, so it is always judged' },
);

/** The DescribeKey fields as the collector leaves them when DescribeKey did not describe the key. */
function notDescribed(describe: 'not-found' | 'access-denied' | ReturnType<typeof unknown>) {
  const value = typeof describe === 'string' ? null : describe;
  return {
    describe,
    ownerAccountId: value,
    keyManager: value,
    keyState: value,
    enabled: value,
    keyUsage: value,
    keySpec: value,
    origin: value,
    multiRegion: value,
    validTo: value,
    deletionDate: value,
  };
}
