import { defineInsight } from '../../src/engine/define-insight.js';
import { Type } from '@sinclair/typebox';
import { onlyAllowedRegionsParam, outsideJudgedRegions } from '../judges/region-policy.js';
import type { ConfigRecorder } from '../../src/model/types/account/account-region.js';
import { isUnknown } from '../../src/model/unknown.js';

function shortfalls(recorder: ConfigRecorder): string[] {
  return [
    ...(recorder.recording ? [] : ['not recording']),
    ...(recorder.allSupported ? [] : ['records only selected resource types']),
    ...(recorder.lastStatus === 'FAILURE' ? ['its last delivery failed'] : []),
  ];
}

export default defineInsight({
  id: 'config-recorder-enabled',
  title: 'AWS Config records all resource types in every region',
  resourceType: 'AWS::Account::Region',
  severity: 'medium',
  description:
    'Checks that the region has an AWS Config recorder that is recording all supported resource types and whose last status is not a failure. No recorder fails. Every enabled region is judged unless onlyAllowedRegions limits it to the allowed regions.',
  rationale:
    'AWS Config keeps the history of every resource\u2019s configuration: without it, changes in the region go unrecorded, and investigations and audits have no record of what a resource looked like when (CIS AWS 4.3).',
  remediation: {
    cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket> && aws configservice start-configuration-recorder --configuration-recorder-name default',
    console:
      'AWS Config console (in the region) > Settings > Edit: Record all resource types supported in this region; check the delivery channel, then Start recording.',
  },
  reads: { self: ['configRecorders'] },
  params: Type.Object({ onlyAllowedRegions: onlyAllowedRegionsParam }, { additionalProperties: false }),
  evaluate(region, { params, settings, verdict }) {
    const outside = outsideJudgedRegions(region.region, settings, params.onlyAllowedRegions, verdict);
    if (outside !== undefined) return outside;
    const recorders = region.config.configRecorders;
    if (isUnknown(recorders)) return verdict.unreadable('configuration recorders', recorders);
    if (recorders.length === 0) return verdict.fail(`no configuration recorder exists in ${region.region}`, { configRecorders: [] });
    const good = recorders.find((recorder) => shortfalls(recorder).length === 0);
    if (good !== undefined) return verdict.pass(`recorder ${good.name} records all supported resource types`);
    return verdict.fail(recorders.map((recorder) => `recorder ${recorder.name} ${shortfalls(recorder).join(', ')}`).join('; '), {
      configRecorders: recorders,
    });
  },
});
