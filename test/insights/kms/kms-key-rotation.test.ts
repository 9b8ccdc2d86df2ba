import keyRotation from '../../../insights/kms/kms-key-rotation.js';
import { kmsKey } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight } from '../../support/insight-tester.js';

testInsight(keyRotation, [
  { name: 'rotating yearly', resource: kmsKey({ rotation: { enabled: true, periodDays: 365, nextRotationDate: null } }), status: 'pass' },
  { name: 'rotating every 90 days', resource: kmsKey({ rotation: { enabled: true, periodDays: 90, nextRotationDate: null } }), status: 'pass' },
  { name: 'rotation off', resource: kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }), status: 'fail', reason: /off/ },
  {
    name: 'period longer than allowed',
    resource: kmsKey({ rotation: { enabled: true, periodDays: 730, nextRotationDate: null } }),
    status: 'fail',
    reason: /730 days/,
  },
  {
    name: 'period within a tightened parameter fails',
    resource: kmsKey({ rotation: { enabled: true, periodDays: 365, nextRotationDate: null } }),
    params: { maxRotationPeriodDays: 180 },
    status: 'fail',
  },
  { name: 'BYOK key', resource: kmsKey({ origin: 'EXTERNAL', rotation: null }), status: 'not-applicable', reason: /EXTERNAL/ },
  { name: 'CloudHSM key', resource: kmsKey({ origin: 'AWS_CLOUDHSM', rotation: null }), status: 'not-applicable' },
  { name: 'asymmetric key', resource: kmsKey({ spec: 'RSA_2048', usage: 'SIGN_VERIFY', rotation: null }), status: 'not-applicable' },
  { name: 'AWS-managed key', resource: kmsKey({ manager: 'AWS' }), status: 'not-applicable' },
  {
    name: 'access denied on rotation status',
    resource: kmsKey({ rotation: unknown('AccessDeniedException: kms:GetKeyRotationStatus') }),
    status: 'error',
    reason: /AccessDenied/,
  },
]);
