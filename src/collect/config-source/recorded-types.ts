/**
 * Which resource types each region's AWS Config recorder records in one account — what
 * `--source auto` decides on per type, and what `--source config` warns about. Read from
 * DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus as the API returns them
 * (the recording group's type lists are not in the resource model); judged by
 * {@link recorderRecords}. A region whose recorders cannot be read records nothing, as far as
 * this goes: its types are read from the APIs (auto) or named in coverage (config).
 */
import { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import type { AwsClients } from '../aws/aws-clients.js';
import { describeAwsError } from '../aws/aws-error.js';
import type { CoverageRecorder } from '../contract/coverage-recorder.js';
import type { ConfigSourceType } from './normaliser.js';
import { recorderRecords } from './recorder-coverage.js';

/** Per region, the types of `wanted` its recorder records. */
export type RecordedTypes = ReadonlyMap<string, ReadonlySet<ConfigSourceType>>;

export async function recordedTypes(
  clients: AwsClients,
  accountId: string,
  regions: readonly string[],
  wanted: readonly ConfigSourceType[],
  coverage: CoverageRecorder,
): Promise<RecordedTypes> {
  const out = new Map<string, ReadonlySet<ConfigSourceType>>();
  await Promise.all(
    regions.map(async (region) => {
      const client = clients.get('config', accountId, region);
      let operation = 'DescribeConfigurationRecorders';
      try {
        const { ConfigurationRecorders: recorders = [] } = await client.send(new DescribeConfigurationRecordersCommand({}));
        operation = 'DescribeConfigurationRecorderStatus';
        const { ConfigurationRecordersStatus: statuses = [] } =
          recorders.length === 0 ? {} : await client.send(new DescribeConfigurationRecorderStatusCommand({}));
        out.set(region, new Set(wanted.filter((type) => recorderRecords(recorders, statuses, type))));
      } catch (error) {
        const failure = describeAwsError(error);
        coverage.record({ accountId, region, service: 'config', operation, code: failure.code, message: failure.message });
        out.set(region, new Set());
      }
    }),
  );
  return out;
}

/** The types every one of the regions records. */
export function recordedEverywhere(recorded: RecordedTypes, wanted: readonly ConfigSourceType[]): Set<ConfigSourceType> {
  return new Set(wanted.filter((type) => [...recorded.values()].every((types) => types.has(type))));
}
