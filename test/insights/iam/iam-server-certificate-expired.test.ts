import expired from '../../../insights/iam/iam-server-certificate-expired.js';
import { iamServerCertificate } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { testInsight, TEST_NOW } from '../../support/insight-tester.js';

testInsight(
  expired,
  [
    { name: 'valid for months', resource: iamServerCertificate({ expiration: '2027-01-15T12:00:00.000Z' }), status: 'pass', reason: /valid until 2027-01-15/ },
    {
      name: 'expires within the warning window: a pass with a warning',
      resource: iamServerCertificate({ expiration: '2026-06-11T12:00:00.000Z' }),
      status: 'pass',
      reason: /expires in 10 days: renew it/,
      evidence: { daysLeft: 10, warning: 'expires within 30 days' },
    },
    {
      name: 'expires in hours',
      resource: iamServerCertificate({ expiration: '2026-06-01T18:00:00.000Z' }),
      status: 'pass',
      reason: /expires within a day/,
    },
    {
      name: 'outside a narrower warning window',
      resource: iamServerCertificate({ expiration: '2026-06-11T12:00:00.000Z' }),
      params: { expiryWarningDays: 7 },
      status: 'pass',
      reason: /^the certificate is valid until 2026-06-11T12:00:00.000Z$/,
    },
    {
      name: 'expired months ago',
      resource: iamServerCertificate({ expiration: '2025-11-30T23:59:59.000Z' }),
      status: 'fail',
      reason: /expired on 2025-11-30T23:59:59.000Z, 182 days ago/,
      evidence: { expiration: '2025-11-30T23:59:59.000Z', daysSinceExpiry: 182 },
    },
    {
      name: 'expires at the very instant of the scan',
      resource: iamServerCertificate({ expiration: TEST_NOW }),
      status: 'fail',
      evidence: { daysSinceExpiry: 0 },
    },
    {
      name: 'expiration not reported',
      resource: iamServerCertificate({ expiration: unknown('UnexpectedResponse: iam:ListServerCertificates') }),
      status: 'error',
    },
  ],
  { alwaysApplies: 'every server certificate has an expiry date, and CIS 2.17 applies to each one whatever its path or use' },
);
