import { Type } from '@sinclair/typebox';
import { defineInsight } from '../../src/engine/define-insight.js';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import type { AccessAnalyzer } from '../../src/model/types/account/account-region.js';
import { isUnknown } from '../../src/model/unknown.js';

/**
 * Analyzers that find external access (CIS 2.18 "External Access Analyzer"). Unused-access and
 * internal-access analyzers answer other questions and do not count.
 */
const EXTERNAL_ACCESS_TYPES: ReadonlySet<string> = new Set(['ACCOUNT', 'ORGANIZATION']);

function summary(analyzer: AccessAnalyzer): string {
  return `${analyzer.name} (${analyzer.type}, ${analyzer.status})`;
}

export default defineInsight({
  id: 'access-analyzer-enabled',
  title: 'IAM Access Analyzer finds external access in every region',
  resourceType: 'AWS::Account::Region',
  severity: 'medium',
  description:
    'Checks that the region has an active IAM Access Analyzer external-access analyzer (type ACCOUNT or ORGANIZATION, status ACTIVE). Unused-access and internal-access analyzers do not count, nor do analyzers being created, disabled or failed. An organization analyzer counts in the account that owns it (the management or delegated administrator account); member accounts list only their own analyzers. Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
  rationale:
    'Access Analyzer continuously finds S3 buckets, KMS keys, IAM roles, Lambda functions, queues and secrets shared outside the account or organization. Analyzers are regional: a region without one lets a resource made public or shared with an unknown account there go unnoticed (CIS AWS 2.18).',
  remediation: {
    cli: 'aws accessanalyzer create-analyzer --analyzer-name <name> --type ACCOUNT --region <region>',
    console:
      'IAM console (in the region) > Access analyzer > Analyzer settings > Create analyzer > Resource analysis – External access; zone of trust: current account (or the organization, from the delegated administrator account).',
  },
  reads: { self: ['accessAnalyzers'] },
  params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
  evaluate(region, { params, settings, verdict }) {
    const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
    if (outside !== undefined) return outside;
    const analyzers = region.config.accessAnalyzers;
    if (isUnknown(analyzers)) return verdict.unreadable('IAM Access Analyzer analyzers', analyzers);
    const external = analyzers.filter((analyzer) => EXTERNAL_ACCESS_TYPES.has(analyzer.type));
    const active = external.find((analyzer) => analyzer.status === 'ACTIVE');
    if (active !== undefined) return verdict.pass(`external-access analyzer ${active.name} (${active.type}) is active`);
    if (analyzers.length === 0) return verdict.fail(`no IAM Access Analyzer analyzer exists in ${region.region}`, { accessAnalyzers: [] });
    if (external.length === 0) {
      return verdict.fail(`no external-access analyzer in ${region.region}; only ${analyzers.map(summary).join(', ')}`, { accessAnalyzers: analyzers });
    }
    return verdict.fail(`no external-access analyzer is active in ${region.region}: ${external.map(summary).join(', ')}`, { accessAnalyzers: analyzers });
  },
});
