import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { daysSince, daysUntil } from '../../src/analysis/time.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * CIS 2.17 asks that expired certificates be removed; one about to expire is still valid and its
 * fix is a renewal, not a removal, so it passes with a warning in the evidence rather than
 * failing (kms-key-imported-material-expiry fails early because expiry there destroys data).
 */
export default defineInsight({
  id: 'iam-server-certificate-expired',
  title: 'No expired SSL/TLS certificate is stored in IAM',
  resourceType: 'AWS::IAM::ServerCertificate',
  severity: 'medium',
  description:
    'Checks that the server certificate stored in IAM has not expired. A certificate that expires within the warning window passes, with a warning in the evidence: it is still valid, and it needs renewing rather than removing.',
  rationale:
    'An expired certificate left in IAM can be deployed to a load balancer or CloudFront distribution by mistake, breaking TLS for its clients and eroding trust in the service; removing expired certificates keeps only usable ones to choose from (CIS AWS 2.17).',
  remediation: {
    cli: 'aws iam delete-server-certificate --server-certificate-name <certificate-name>',
    console:
      'IAM server certificates have no console page: list them with `aws iam list-server-certificates`, move any load balancer listener or CloudFront distribution still using the expired one to a valid certificate (preferably from ACM), then delete it with the CLI.',
  },
  reads: { self: ['expiration'] },
  params: Type.Object(
    {
      expiryWarningDays: Type.Integer({
        minimum: 0,
        maximum: 365,
        default: 30,
        description: 'Warn (in the evidence of a pass) when the certificate expires within this many days',
      }),
    },
    { additionalProperties: false },
  ),
  evaluate(certificate, { params, now, verdict }) {
    const { expiration } = certificate.config;
    if (isUnknown(expiration)) return verdict.unreadable('certificate expiration', expiration);
    if (Date.parse(expiration) <= now.getTime()) {
      const ago = daysSince(expiration, now);
      return verdict.fail(`the certificate expired on ${expiration}${ago >= 1 ? `, ${ago} day${ago === 1 ? '' : 's'} ago` : ''}, and is still stored in IAM`, {
        expiration,
        daysSinceExpiry: ago,
      });
    }
    const daysLeft = daysUntil(expiration, now);
    if (daysLeft <= params.expiryWarningDays) {
      const when = daysLeft === 0 ? 'within a day' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      return verdict.pass(`the certificate is valid until ${expiration}, but expires ${when}: renew it`, {
        expiration,
        daysLeft,
        warning: `expires within ${params.expiryWarningDays} days`,
      });
    }
    return verdict.pass(`the certificate is valid until ${expiration}`);
  },
});
