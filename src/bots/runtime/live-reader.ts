/**
 * The live re-read a bot makes before it decides (plan) and before it acts (apply): the one
 * resource read again through its collector (`readResource`; the account's settings collectors for
 * `AWS::Account` and `AWS::Account::Region`), with the same clients — credentials, assumed roles,
 * endpoints, retries — as the scan, and its insights evaluated again so the filters see live
 * findings. An IAM user's access keys are read with ListAccessKeys (live-access-keys.ts).
 *
 * A resource whose read recorded any failure for it (access denied, throttled out, an answer the
 * model does not take) is unreadable, never "gone" and never "unchanged": the bot skips it and
 * says why. Only a not-found answer, or a listing without it, means gone.
 */
import type { AwsClients } from '../../collect/aws/aws-clients.js';
import { resourceCollectors, settingsCollectors } from '../../collect/collectors/index.js';
import type { AnyResourceCollector, ResourceCollector } from '../../collect/contract/collector.js';
import { CoverageRecorder } from '../../collect/contract/coverage-recorder.js';
import { readResource, type AccountRun } from '../../collect/contract/run-collector.js';
import { accountResource, regionResource } from '../../collect/organisation/settings-resource.js';
import type { AnyCollectedResource, Resource, Tags } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';
import { isUnknown } from '../../model/unknown.js';
import type { PlannedResource } from './bot-plan.js';
import { candidateFindings, type FindingsScope } from './candidate-findings.js';
import { liveAccessKeyPermissions, readLiveAccessKeys } from './live-access-keys.js';
import type { UnreadableLive } from './live-read.js';
import type { Candidate } from './plan-bot.js';

/** The answers that mean the resource no longer exists, as the collectors record them. */
const GONE_CODES: ReadonlySet<string> = new Set(['NoSuchBucket', 'NoSuchEntity', 'NotFoundException', 'DBInstanceNotFound', 'DBInstanceNotFoundFault']);

/** Read-only permissions the live re-read needs beyond the scan's (for `vigil iam-policy --bots`). */
export const liveReadPermissions: readonly string[] = [...liveAccessKeyPermissions];

export interface LiveReaderOptions {
  readonly clients: AwsClients;
  /** The region of global calls (IAM, S3 listing, S3 Control), as in live collection. */
  readonly homeRegion: string;
  /** Default `aws`. */
  readonly partition?: string;
  /** The scan's plan, exemptions and accounts: the findings are evaluated again exactly as the scan would. */
  readonly scope: FindingsScope;
  readonly clock?: () => Date;
}

/** The resource to read: as a candidate or a planned resource names it. */
interface Target {
  readonly type: string;
  readonly arn: string;
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  /** The account's tags come from the configuration, not from AWS: an `AWS::Account` keeps them. */
  readonly tags: unknown;
}

export interface LiveReader {
  /** PlanInput.readLive: the candidate as it is now with its findings evaluated again. */
  readLive(candidate: Candidate): Promise<Candidate | UnreadableLive | undefined>;
  /** ApplyContext.recheck: the state `{ tags, config }` a plan compares with, read now. */
  recheck(resource: PlannedResource): Promise<{ tags: unknown; config: unknown } | UnreadableLive | undefined>;
}

const byType = new Map<string, AnyResourceCollector>(resourceCollectors.map((collector) => [collector.resourceType, collector]));

export function liveReader(options: LiveReaderOptions): LiveReader {
  const clock = options.clock ?? (() => new Date());

  async function read(target: Target): Promise<AnyCollectedResource | UnreadableLive | undefined> {
    const coverage = new CoverageRecorder();
    const run: AccountRun = {
      accountId: target.accountId,
      regions: [target.region],
      homeRegion: options.homeRegion,
      partition: options.partition ?? 'aws',
      clients: options.clients,
      coverage,
      clock,
    };
    let found: AnyCollectedResource | undefined;
    const collector = byType.get(target.type);
    if (collector !== undefined) {
      found = (await readResource(collector as ResourceCollector<ResourceType>, run, { id: target.id, region: target.region })) as
        AnyCollectedResource | undefined;
    } else if (target.type === 'AWS::Account') {
      const tags = (isUnknown(target.tags) ? {} : target.tags) as Tags;
      found = await accountResource(run, settingsCollectors, { name: target.name, tags }, clock().toISOString());
    } else if (target.type === 'AWS::Account::Region') {
      found = await regionResource(run, settingsCollectors, target.region, clock().toISOString());
    } else {
      return { unreadable: `no collector reads ${target.type} live` };
    }
    // Failures of other resources read alongside (a region's listing) do not concern this one.
    const failures = coverage.list().filter((entry) => entry.resourceArn === undefined || entry.resourceArn === target.arn);
    if (failures.length > 0) {
      if (found === undefined && failures.every((entry) => GONE_CODES.has(entry.error.code))) return undefined;
      return { unreadable: failures.map((entry) => `${entry.error.code}: ${entry.service}:${entry.operation}: ${entry.error.message}`).join('; ') };
    }
    if (found === undefined || found.type !== 'AWS::IAM::User') return found;
    const keys = await readLiveAccessKeys(options.clients, { accountId: target.accountId, region: options.homeRegion, userName: found.name });
    if (!keys.ok) return keys.gone ? undefined : { unreadable: keys.reason };
    return { ...found, config: { ...found.config, accessKeys: keys.keys } };
  }

  return {
    async readLive(candidate) {
      const { resource } = candidate;
      const live = await read(resource);
      if (live === undefined || 'unreadable' in live) return live;
      return { resource: live as Resource, findings: candidateFindings(live, options.scope) };
    },
    async recheck(planned) {
      const before = planned.before as { tags?: unknown } | undefined;
      const live = await read({ ...planned, tags: before?.tags });
      if (live === undefined || 'unreadable' in live) return live;
      return { tags: live.tags, config: live.config };
    },
  };
}
