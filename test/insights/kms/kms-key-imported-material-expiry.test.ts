import importedMaterialExpiry from '../../../insights/kms/kms-key-imported-material-expiry.js';
import { kmsKey } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import type { KmsKeyConfig } from '../../../src/model/types/kms/key.js';
import { testInsight } from '../../support/insight-tester.js';

// The tester's clock is 2026-06-01T12:00:00Z.
function byok(config: Partial<KmsKeyConfig> = {}) {
  return kmsKey({
    origin: 'EXTERNAL',
    rotation: null,
    keyMaterialExpires: true,
    validTo: '2026-12-01T00:00:00.000Z',
    keyMaterialImportedAt: '2026-01-10T09:00:00.000Z',
    ...config,
  });
}

testInsight(importedMaterialExpiry, [
  { name: 'fresh material expiring in six months', resource: byok(), status: 'pass', reason: /expires on 2026-12-01/ },
  {
    name: 'material that does not expire, imported recently',
    resource: byok({ keyMaterialExpires: false, validTo: null }),
    status: 'pass',
    reason: /does not expire/,
  },
  { name: 'disabled BYOK key is still judged', resource: byok({ state: 'Disabled' }), status: 'pass' },
  {
    name: 'expires in 31 days: outside the warning window',
    resource: byok({ validTo: '2026-07-02T13:00:00.000Z' }),
    status: 'pass',
  },
  {
    name: 'expires in exactly 30 days: inside the warning window',
    resource: byok({ validTo: '2026-07-01T12:00:00.000Z' }),
    status: 'fail',
    reason: /expires in 30 days/,
    evidence: { validTo: '2026-07-01T12:00:00.000Z' },
  },
  { name: 'expires within hours', resource: byok({ validTo: '2026-06-01T18:00:00.000Z' }), status: 'fail', reason: /within a day/ },
  { name: 'wider warning window', resource: byok({ validTo: '2026-08-01T12:00:00.000Z' }), params: { expiryWarningDays: 90 }, status: 'fail' },
  { name: 'material already expired', resource: byok({ validTo: '2026-05-01T00:00:00.000Z' }), status: 'fail', reason: /expired on 2026-05-01/ },
  {
    name: 'imported more than a year ago, even without expiry',
    resource: byok({ keyMaterialExpires: false, validTo: null, keyMaterialImportedAt: '2025-05-01T00:00:00.000Z' }),
    status: 'fail',
    reason: /imported 396 days ago, more than 365/,
  },
  {
    name: 'imported exactly 365 days ago',
    resource: byok({ keyMaterialExpires: false, validTo: null, keyMaterialImportedAt: '2025-06-01T12:00:00.000Z' }),
    status: 'pass',
  },
  {
    name: 'old and expiring: both problems are named',
    resource: byok({ validTo: '2026-06-10T00:00:00.000Z', keyMaterialImportedAt: '2025-04-01T00:00:00.000Z' }),
    status: 'fail',
    reason: /expires in 8 days.*; .*imported 426 days ago/,
  },
  { name: 'tightened maximum age', resource: byok(), params: { maxAgeDays: 90 }, status: 'fail' },
  {
    name: 'no key material (PendingImport)',
    resource: byok({ state: 'PendingImport', keyMaterialExpires: null, validTo: null, keyMaterialImportedAt: null }),
    status: 'fail',
    evidence: { state: 'PendingImport' },
  },
  {
    name: 'expiring material fails even when the import date cannot be read',
    resource: byok({ validTo: '2026-06-05T00:00:00.000Z', keyMaterialImportedAt: unknown('AccessDeniedException: kms:ListKeyRotations') }),
    status: 'fail',
  },
  {
    name: 'import date not readable',
    resource: byok({ keyMaterialImportedAt: unknown('AccessDeniedException: kms:ListKeyRotations') }),
    status: 'error',
    reason: /AccessDenied/,
  },
  { name: 'expiring material without an expiry date', resource: byok({ validTo: null }), status: 'error', reason: /expiry date is not reported/ },
  { name: 'expiration model missing', resource: byok({ keyMaterialExpires: null }), status: 'error' },
  { name: 'import date missing on an enabled key', resource: byok({ keyMaterialImportedAt: null }), status: 'error' },
  { name: 'KMS-generated key material', resource: kmsKey({ origin: 'AWS_KMS' }), status: 'not-applicable', reason: /AWS_KMS/ },
  { name: 'CloudHSM key', resource: kmsKey({ origin: 'AWS_CLOUDHSM', rotation: null }), status: 'not-applicable' },
  { name: 'external key store key', resource: kmsKey({ origin: 'EXTERNAL_KEY_STORE', rotation: null }), status: 'not-applicable' },
  { name: 'AWS-managed key', resource: kmsKey({ manager: 'AWS' }), status: 'not-applicable' },
  {
    name: 'BYOK key scheduled for deletion',
    resource: byok({ state: 'PendingDeletion', deletionDate: '2026-06-20T00:00:00.000Z', validTo: '2026-06-02T00:00:00.000Z' }),
    status: 'not-applicable',
    reason: /kms-key-pending-deletion/,
  },
]);
