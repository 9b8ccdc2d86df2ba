/**
 * The `configRecorders` setting of `AWS::Account::Region`: the region's customer-managed AWS Config
 * recorder (DescribeConfigurationRecorders) with its status (DescribeConfigurationRecorderStatus).
 * No recorder is an empty list — a fail for the insight, not an error.
 *
 * Normalised conservatively: a recorder records "all supported" types only when its recording
 * group says so and its recording strategy (where present) does not narrow it; a recorder linked
 * to another AWS service (which records what that service needs, for it) is not the account's
 * recorder. Daily recording frequency is not in the model (see the report).
 */
import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type ConfigurationRecorder as SdkRecorder,
  type ConfigurationRecorderStatus,
} from '@aws-sdk/client-config-service';
import { arnFor } from '../../../model/arn.js';
import type { ConfigRecorder } from '../../../model/types/account/account-region.js';
import type { Maybe } from '../../../model/unknown.js';
import type { SettingsContext } from '../../contract/collect-context.js';
import { defineSettingsCollector } from '../../contract/collector.js';
import { readEach, unexpected, UNEXPECTED_RESPONSE, type Read } from '../../contract/read-problem.js';
import { ok } from '../../../result.js';

type Ctx = SettingsContext<'AWS::Account::Region'>;

const NO_RECORDER = 'NoSuchConfigurationRecorderException';

const LAST_STATUS: Readonly<Record<string, ConfigRecorder['lastStatus']>> = {
  Success: 'SUCCESS',
  Failure: 'FAILURE',
  Pending: 'PENDING',
  // A recorder that has not delivered yet.
  NotApplicable: null,
};

/** Whether the recording group records every supported resource type. */
export function recordsAllSupported(recorder: SdkRecorder): boolean {
  const group = recorder.recordingGroup;
  if (group?.allSupported !== true) return false;
  const strategy = group.recordingStrategy?.useOnly;
  return strategy === undefined || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES';
}

function normalise(recorder: SdkRecorder & { name: string }, status: ConfigurationRecorderStatus | undefined): Read<ConfigRecorder> {
  if (status?.recording === undefined) return unexpected(`DescribeConfigurationRecorderStatus returned no recording state for recorder ${recorder.name}`);
  const last = status.lastStatus;
  let lastStatus: ConfigRecorder['lastStatus'] = null;
  if (last !== undefined) {
    const mapped = LAST_STATUS[last];
    if (mapped === undefined) return unexpected(`recorder ${recorder.name} has last status ${last}`);
    lastStatus = mapped;
  }
  return ok({
    name: recorder.name,
    recording: status.recording,
    allSupported: recordsAllSupported(recorder),
    includeGlobalResourceTypes: recorder.recordingGroup?.includeGlobalResourceTypes === true,
    lastStatus,
  });
}

function regionArn(ctx: Ctx): string {
  return arnFor('AWS::Account::Region', ctx.accountId, ctx.region, ctx.region, ctx.partition);
}

async function recorders(ctx: Ctx): Promise<Maybe<ConfigRecorder[]>> {
  const ref = { arn: regionArn(ctx) };
  const listed = await ctx.send(new DescribeConfigurationRecordersCommand({}));
  if (!listed.ok) return listed.notConfigured ? [] : ctx.unknownOf(listed, ref);
  const own = (listed.value.ConfigurationRecorders ?? []).filter((r) => r.servicePrincipal === undefined && r.recordingScope !== 'INTERNAL');
  if (own.length === 0) return [];
  const named: (SdkRecorder & { name: string })[] = [];
  for (const recorder of own) {
    if (recorder.name === undefined)
      return ctx.unreadable(listed.call, UNEXPECTED_RESPONSE, 'DescribeConfigurationRecorders returned a recorder without a name', ref);
    named.push({ ...recorder, name: recorder.name });
  }

  const statuses = await ctx.send(new DescribeConfigurationRecorderStatusCommand({}));
  // Deleted between the two calls.
  if (!statuses.ok) return statuses.notConfigured ? [] : ctx.unknownOf(statuses, ref);
  const byName = new Map((statuses.value.ConfigurationRecordersStatus ?? []).map((s) => [s.name, s]));
  const read = readEach(named, (recorder) => normalise(recorder, byName.get(recorder.name)));
  if (!read.ok) return ctx.unreadable(statuses.call, read.error.code, read.error.message, ref);
  return read.value.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export default defineSettingsCollector({
  resourceType: 'AWS::Account::Region',
  service: 'config',
  scope: 'region',
  fields: ['configRecorders'],
  operations: [
    // Without recorder names neither call answers NoSuchConfigurationRecorder; should one, there is no recorder.
    {
      operation: 'DescribeConfigurationRecorders',
      iamAction: 'config:DescribeConfigurationRecorders',
      fills: ['configRecorders'],
      notConfigured: [NO_RECORDER],
    },
    {
      operation: 'DescribeConfigurationRecorderStatus',
      iamAction: 'config:DescribeConfigurationRecorderStatus',
      fills: ['configRecorders'],
      notConfigured: [NO_RECORDER],
    },
  ],
  async collect(ctx) {
    // Both calls fill the one field, so they run together or not at all.
    if (!ctx.runs('DescribeConfigurationRecorders')) return { configRecorders: ctx.notCollected('DescribeConfigurationRecorders') };
    return { configRecorders: await recorders(ctx) };
  },
});
