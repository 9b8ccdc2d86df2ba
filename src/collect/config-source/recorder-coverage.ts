/**
 * Whether a region's AWS Config recorder records a resource type — what `--source auto` decides
 * on: Config for a type the recorder covers, the API for the rest. Judged from the recorder as
 * DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus return it, conservatively:
 * only the account's own (customer-managed) recorder counts, it must be recording and its last
 * delivery must not have failed, and a type counts as recorded only when the recording group says
 * so — all supported types (with no strategy narrowing them), an inclusion list naming it, or an
 * exclusion list not naming it. Global types (IAM) also need `includeGlobalResourceTypes` under
 * "all supported".
 */
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import type { ResourceType } from '../../model/resource-types.js';

const GLOBAL_TYPES = new Set<string>(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy']);

function names(types: readonly string[] | undefined): readonly string[] {
  return types ?? [];
}

function records(recorder: ConfigurationRecorder, type: ResourceType): boolean {
  const group = recorder.recordingGroup;
  if (group === undefined) return false;
  const strategy = group.recordingStrategy?.useOnly;
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') return !names(group.exclusionByResourceTypes?.resourceTypes).includes(type);
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || group.allSupported !== true) return names(group.resourceTypes).includes(type);
  return !GLOBAL_TYPES.has(type) || group.includeGlobalResourceTypes === true;
}

/** Whether the region's own recorder currently records `type`. */
export function recorderRecords(recorders: readonly ConfigurationRecorder[], statuses: readonly ConfigurationRecorderStatus[], type: ResourceType): boolean {
  return recorders.some((recorder) => {
    // A recorder linked to another AWS service records for that service, not for the account.
    if (recorder.servicePrincipal !== undefined || recorder.recordingScope === 'INTERNAL') return false;
    const status = statuses.find((s) => s.name === recorder.name);
    return status?.recording === true && status.lastStatus !== 'Failure' && records(recorder, type);
  });
}
