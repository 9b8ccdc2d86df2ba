import { defineInsight } from '../../src/engine/define-insight.js';
import { Type } from '@sinclair/typebox';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import { multiRegionTrailGaps } from '../../src/analysis/multi-region-trail.js';
import { missingTrailReason } from '../../src/analysis/missing-trail.js';
import type { Resource } from '../../src/model/resource.js';
import { isUnknown } from '../../src/model/unknown.js';

type TrailJudgement =
  | { arn: string; outcome: 'qualifies' }
  | { arn: string; outcome: 'falls-short'; shortfalls: string[] }
  | { arn: string; outcome: 'undecided'; unreadable: string[] };

/** Whether one trail is a logging multi-region trail that records all management events. */
function judgeTrail(arn: string, trail: Resource<'AWS::CloudTrail::Trail'> | undefined, accountId: string): TrailJudgement {
  if (trail === undefined) return { arn, outcome: 'undecided', unreadable: [missingTrailReason(arn, accountId)] };
  const { shortfalls, unreadable } = multiRegionTrailGaps(trail);
  // A proven shortfall disqualifies the trail whatever its unreadable fields.
  if (shortfalls.length > 0) return { arn, outcome: 'falls-short', shortfalls };
  if (unreadable.length > 0) return { arn, outcome: 'undecided', unreadable };
  return { arn, outcome: 'qualifies' };
}

/**
 * Judged per region rather than per trail: CIS asks for at least one multi-region trail, so a
 * single-region trail beside a good multi-region one is no failure. Each region lists the trails
 * that log it (its own and the shadows of multi-region and organization trails), looked up here.
 */
export default defineInsight({
  id: 'cloudtrail-multi-region',
  title: 'A multi-region CloudTrail trail logs all management events',
  resourceType: 'AWS::Account::Region',
  severity: 'high',
  description:
    'Checks that the region is logged by at least one CloudTrail trail that is multi-region, is logging, and records all management events, read and write (an organization trail counts). Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
  rationale:
    'CloudTrail is the record of who did what in the account; without a multi-region trail logging every management event, activity in an unwatched region or of one kind (read or write) leaves no trace for detection or investigation (CIS AWS 4.1).',
  remediation: {
    cli: 'aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn> && aws cloudtrail put-event-selectors --trail-name <trail> --event-selectors ReadWriteType=All,IncludeManagementEvents=true && aws cloudtrail start-logging --name <trail>',
    console:
      'CloudTrail console > Trails > Create trail (or edit the trail): Enable for all regions (or all accounts in the organization), Management events: Read and Write; make sure Logging is on.',
  },
  reads: { self: ['trailArns'], lookups: { 'AWS::CloudTrail::Trail': ['isMultiRegionTrail', 'isLogging', 'managementEvents'] } },
  params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
  evaluate(region, { params, settings, inventory, verdict }) {
    const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
    if (outside !== undefined) return outside;
    const arns = region.config.trailArns;
    if (isUnknown(arns)) return verdict.unreadable('trails', arns);
    const judgements = arns.map((arn) => judgeTrail(arn, inventory.get('AWS::CloudTrail::Trail', arn), region.accountId));
    const good = judgements.find((j) => j.outcome === 'qualifies');
    if (good !== undefined) return verdict.pass(`${good.arn} logs all management events of every region`);
    const undecided = judgements.filter((j) => j.outcome === 'undecided');
    if (undecided.length > 0) {
      return verdict.error(
        `no trail is proven to log all management events, and ${undecided.length === 1 ? 'one trail' : `${undecided.length} trails`} could not be judged: ${undecided.map((j) => `${j.arn}: ${j.unreadable.join(', ')}`).join('; ')}`,
        { trails: judgements },
      );
    }
    if (judgements.length === 0) return verdict.fail(`no trail logs ${region.region}`, { trails: [] });
    return verdict.fail(
      `no multi-region trail logs all management events: ${judgements.map((j) => (j.outcome === 'falls-short' ? `${j.arn} is ${j.shortfalls.join(', ')}` : j.arn)).join('; ')}`,
      { trails: judgements },
    );
  },
});
