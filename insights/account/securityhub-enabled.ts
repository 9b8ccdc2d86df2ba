import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import { isUnknown } from '../../src/model/unknown.js';

export default defineInsight({
  id: 'securityhub-enabled',
  title: 'AWS Security Hub is enabled in every region',
  resourceType: 'AWS::Account::Region',
  severity: 'medium',
  description:
    'Checks that the account is subscribed to AWS Security Hub in the region (DescribeHub returns the hub). Which standards are enabled is not judged here. Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
  rationale:
    'Security Hub gathers the findings of GuardDuty, Inspector, Macie, IAM Access Analyzer and Config and checks the account against security standards. Without it in a region, findings there are not collected or prioritised in one place and go unnoticed (CIS AWS 5.16).',
  remediation: {
    cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>',
    console:
      'Security Hub console (in the region) > Go to Security Hub > choose the security standards > Enable Security Hub; or, for an organization, configure it centrally from the delegated administrator account.',
  },
  reads: { self: ['securityHub'] },
  params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
  evaluate(region, { params, settings, verdict }) {
    const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
    if (outside !== undefined) return outside;
    const hub = region.config.securityHub;
    if (isUnknown(hub)) return verdict.unreadable('Security Hub subscription', hub);
    if (hub === null) return verdict.fail(`the account is not subscribed to Security Hub in ${region.region}`, { securityHub: null });
    return verdict.pass(`Security Hub is enabled (hub ${hub.hubArn}, subscribed ${hub.subscribedAt})`);
  },
});
