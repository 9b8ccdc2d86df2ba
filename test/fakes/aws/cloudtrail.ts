/**
 * CloudTrail (JSON 1.1, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*`): DescribeTrails
 * (the region's own trails, plus the shadows of multi-region trails homed elsewhere when asked),
 * GetTrailStatus, GetEventSelectors and ListTags for up to 20 trails a call.
 */
import type { SyntheticAccount, Trail } from './account.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, type ServiceHandler } from './wire.js';

interface Input {
  includeShadowTrails?: boolean;
  Name?: string;
  TrailName?: string;
  ResourceIdList?: string[];
}

export function cloudtrail(account: SyntheticAccount): ServiceHandler {
  const arn = (t: Trail) => `arn:aws:cloudtrail:${t.homeRegion}:${account.accountId}:trail/${t.name}`;
  const byArn = new Map(account.trails.map((t) => [arn(t), t]));
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const operation = jsonOperation(request);
    if (operation === 'DescribeTrails') {
      const shadows = input.includeShadowTrails !== false;
      const listed = account.trails.filter((t) => t.homeRegion === region || (shadows && t.multiRegion));
      return jsonReply({
        trailList: listed.map((t) => ({
          Name: t.name,
          S3BucketName: `cloudtrail-logs-${account.accountId}`,
          IncludeGlobalServiceEvents: t.multiRegion,
          IsMultiRegionTrail: t.multiRegion,
          HomeRegion: t.homeRegion,
          TrailARN: arn(t),
          LogFileValidationEnabled: t.multiRegion,
          ...(t.kmsKey !== undefined ? { KmsKeyId: t.kmsKey } : {}),
          ...(t.logGroup !== undefined
            ? {
                CloudWatchLogsLogGroupArn: `arn:aws:logs:${t.homeRegion}:${account.accountId}:log-group:${t.logGroup}:*`,
                CloudWatchLogsRoleArn: `arn:aws:iam::${account.accountId}:role/CloudTrail_CloudWatchLogs_Role`,
              }
            : {}),
          HasCustomEventSelectors: !t.multiRegion,
          HasInsightSelectors: false,
          IsOrganizationTrail: false,
        })),
      });
    }
    if (operation === 'ListTags') {
      const ids = input.ResourceIdList ?? [];
      if (ids.length > 20) return jsonError('InvalidParameterException', 'ResourceIdList holds at most 20 ARNs');
      return jsonReply({ ResourceTagList: ids.map((id) => ({ ResourceId: id, TagsList: [{ Key: 'team', Value: 'security' }] })) });
    }
    const trail = byArn.get(input.Name ?? input.TrailName ?? '');
    if (trail === undefined)
      return jsonError('TrailNotFoundException', `Unknown trail: ${String(input.Name ?? input.TrailName)} for the user: ${account.accountId}`);
    switch (operation) {
      case 'GetTrailStatus':
        return jsonReply({
          IsLogging: trail.logging,
          LatestDeliveryTime: epoch(account.now) - 300,
          StartLoggingTime: epoch('2024-01-01T00:00:00Z'),
          ...(trail.logging ? {} : { StopLoggingTime: epoch('2025-06-01T00:00:00Z') }),
        });
      case 'GetEventSelectors':
        return jsonReply({
          TrailARN: arn(trail),
          EventSelectors: trail.multiRegion
            ? [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }]
            : [
                {
                  ReadWriteType: 'WriteOnly',
                  IncludeManagementEvents: false,
                  DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
                  ExcludeManagementEventSources: [],
                },
              ],
        });
      default:
        return jsonError('UnknownOperationException', `the fake CloudTrail does not answer ${operation}`);
    }
  };
}
