/**
 * The harness of the catalogue's in-process tests: the shipped bots loaded as `vigil` loads them
 * (insight types included), findings from the real insights evaluated at the run's clock, and a
 * stateful account that answers the catalogue's calls — mutating ones change it, read ones
 * answer from it — recording every call. A run plans and applies as `vigil bots run` does,
 * reading the store's pending marks for `when.due`.
 */
import { builtinInsights } from '../../../insights/index.js';
import { loadBots } from '../../../src/bots/load-bots.js';
import type { LoadedBot } from '../../../src/bots/loaded-bot.js';
import { applyPlan, type ApplyReport } from '../../../src/bots/runtime/apply-plan.js';
import type { BotRunPlan, PlanFile } from '../../../src/bots/runtime/bot-plan.js';
import { pacedReader } from '../../../src/bots/runtime/paced-reader.js';
import { planBot, type Candidate } from '../../../src/bots/runtime/plan-bot.js';
import { planFileText } from '../../../src/bots/runtime/plan-file.js';
import { shippedBotFiles } from '../../../src/bots/shipped-bots.js';
import type { AccountEntry } from '../../../src/config/account-entry.js';
import type { FindingStatus } from '../../../src/findings/finding.js';
import type { Resource, Tags } from '../../../src/model/resource.js';
import { pendingOpsLookup } from '../../../src/store/scheduled-ops.js';
import type { Store } from '../../../src/store/store.js';
import { evaluateCase } from '../../support/insight-tester.js';
import { isReadOperation } from '../runtime/fake-account.js';

export const DEV = '111111111111';
export const PROD = '222222222222';
export const accounts = new Map<string, AccountEntry>([
  [DEV, { id: DEV, name: 'dev', environment: 'development', timeZone: 'America/New_York' }],
  [PROD, { id: PROD, name: 'prod', environment: 'production', timeZone: 'Europe/Berlin' }],
]);
export const ALLOWED_REGIONS = ['eu-west-1', 'us-east-1'];

let loaded: Map<string, LoadedBot> | undefined;

export async function shippedBot(id: string): Promise<LoadedBot> {
  if (loaded === undefined) {
    const result = await loadBots({
      files: shippedBotFiles(),
      insightIds: new Set(builtinInsights.map((i) => i.id)),
      insightTypes: new Map(builtinInsights.map((i) => [i.id, i.resourceType as string])),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    loaded = new Map(result.value.map((bot) => [bot.id, bot]));
  }
  const bot = loaded.get(id);
  if (bot === undefined) throw new Error(`no shipped bot ${id}`);
  return bot;
}

/** The statuses of the real insights the bots name, on the resource as it is, at `now`. */
export function findingsOf(resource: Resource, now: Date): Candidate['findings'] {
  const result = new Map<string, { status: FindingStatus; id: string }>();
  for (const insight of builtinInsights) {
    if (insight.resourceType !== '*' && insight.resourceType !== resource.type) continue;
    // `status` is what a table case expects; evaluateCase only evaluates.
    const verdict = evaluateCase(insight, {
      name: insight.id,
      resource,
      status: 'pass',
      now: now.toISOString(),
      settings: { allowedRegions: ALLOWED_REGIONS },
    });
    result.set(insight.id, { status: verdict.status, id: `${insight.id}:${resource.arn}` });
  }
  return result;
}

export interface Snapshot {
  id: string;
  db: string;
  createdAt: string;
  status: string;
  tags: Tags;
}

export interface TrailEvent {
  name: string;
  resourceName: string;
  time: string;
  principal: string;
  sourceIp: string;
  userAgent: string;
}

/** A stateful account: resources by ARN, RDS snapshots, CloudTrail events, execution histories, metrics. */
export class CatalogueAccount {
  readonly resources = new Map<string, Resource>();
  readonly calls: { operation: string; input: Record<string, unknown>; at?: number }[] = [];
  snapshots: Snapshot[] = [];
  events: TrailEvent[] = [];
  histories = new Map<string, Record<string, unknown>[]>();
  metrics = new Map<string, { freeBytes: number[]; allocatedGiB: number }>();
  readOnly = false;
  /** An operation answered with AccessDenied. */
  failOn: string | undefined;
  /** The fake clock of the paced reader, in ms. */
  clockMs = 0;

  constructor(resources: readonly Resource[]) {
    for (const resource of resources) this.resources.set(resource.arn, structuredClone(resource));
  }

  get mutating(): string[] {
    return this.calls.filter((c) => !isReadOperation(c.operation) && c.operation !== 'LookupEvents').map((c) => c.operation);
  }

  candidates(now: Date): Candidate[] {
    return [...this.resources.values()].map((resource) => ({ resource: structuredClone(resource), findings: findingsOf(resource, now) }));
  }

  private send(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.calls.push({ operation, input: structuredClone(input), at: this.clockMs });
    if (this.readOnly && !isReadOperation(operation) && operation !== 'LookupEvents')
      return Promise.reject(new Error(`a mutating call reached AWS in a read-only run: ${operation}`));
    if (operation === this.failOn) return Promise.reject(Object.assign(new Error(`not authorized to perform ${operation}`), { name: 'AccessDenied' }));
    try {
      return Promise.resolve(this.answer(operation, input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Plans and applies one bot at `now` (ISO), reading the store's pending marks. */
  async run(
    store: Store,
    botId: string,
    options: { mode: 'dry-run' | 'enforce'; now: string; limits?: LoadedBot['limits'] },
  ): Promise<{ plan: BotRunPlan; report: ApplyReport }> {
    const base = await shippedBot(botId);
    const bot = options.limits === undefined ? base : { ...base, limits: options.limits };
    const now = new Date(options.now);
    const caller = {
      send: (_target: unknown, call: { operation: string; input: Readonly<Record<string, unknown>> }) => this.send(call.operation, { ...call.input }),
    };
    const read = pacedReader(caller, { now: () => this.clockMs, sleep: (ms) => Promise.resolve(void (this.clockMs += ms)) });
    const planned = await planBot(bot, {
      candidates: this.candidates(now),
      accounts,
      readLive: (candidate) => {
        const live = this.resources.get(candidate.resource.arn);
        return Promise.resolve(live === undefined ? undefined : { resource: structuredClone(live), findings: findingsOf(live, now) });
      },
      now,
      mode: options.mode,
      read,
      pendingOps: await pendingOpsLookup(store),
    });
    const plan: PlanFile = { version: 1, createdAt: now.toISOString(), now: now.toISOString(), bots: [planned] };
    const { sha256 } = planFileText(plan);
    const report = await applyPlan(plan, {
      store,
      caller,
      runId: `run-${sha256.slice(0, 8)}`,
      planHash: sha256,
      clock: () => now,
      recheck: (resource) => {
        const live = this.resources.get(resource.arn);
        return Promise.resolve(live === undefined ? undefined : { tags: live.tags, config: live.config });
      },
      pause: () => Promise.resolve(),
      notify: true,
    });
    return { plan: planned, report };
  }

  private find<T extends Resource['type']>(type: T, match: (r: Resource<T>) => boolean): Resource<T> {
    const found = [...this.resources.values()].find((r) => r.type === type && match(r as Resource<T>));
    if (found === undefined) throw Object.assign(new Error(`no such ${type}`), { name: 'NotFound' });
    return found as Resource<T>;
  }

  private addTags(resource: Resource, tags: unknown): void {
    const list = tags as { Key: string; Value: string }[];
    resource.tags = { ...(resource.tags as Tags), ...Object.fromEntries(list.map((t) => [t.Key, t.Value])) };
  }

  private answer(operation: string, input: Record<string, unknown>): Record<string, unknown> {
    switch (operation) {
      case 'StopNotebookInstance':
        this.find('AWS::SageMaker::NotebookInstance', (n) => n.id === input['NotebookInstanceName']).config.status = 'Stopping';
        return {};
      case 'StopInstances': {
        const ids = input['InstanceIds'] as string[];
        const instances = ids.map((id) => this.find('AWS::EC2::Instance', (i) => i.config.instanceId === id));
        for (const instance of instances) instance.config.state = 'stopping';
        return {
          StoppingInstances: ids.map((InstanceId) => ({
            InstanceId,
            CurrentState: { Code: 64, Name: 'stopping' },
            PreviousState: { Code: 16, Name: 'running' },
          })),
        };
      }
      case 'DeleteStack':
        this.resources.delete(this.find('AWS::CloudFormation::Stack', (s) => s.name === input['StackName']).arn);
        return {};
      case 'UpdateAccessKey': {
        const user = this.find('AWS::IAM::User', (u) => u.name === input['UserName']);
        const keys = user.config.accessKeys as Exclude<typeof user.config.accessKeys, { $unknown: string }>;
        user.config.accessKeys = keys.map((k) => (k.id === input['AccessKeyId'] ? { ...k, status: input['Status'] as 'Active' | 'Inactive' } : k));
        return {};
      }
      case 'TagUser':
        this.addTags(
          this.find('AWS::IAM::User', (u) => u.name === input['UserName']),
          input['Tags'],
        );
        return {};
      case 'CreateTags':
        for (const id of input['Resources'] as string[])
          this.addTags(
            this.find('AWS::EC2::Instance', (i) => i.id === id),
            input['Tags'],
          );
        return {};
      case 'AddTags':
        this.addTags(
          this.find('AWS::SageMaker::NotebookInstance', (n) => n.arn === input['ResourceArn']),
          input['Tags'],
        );
        return { Tags: input['Tags'] };
      case 'ModifyDBInstance': {
        const db = this.find('AWS::RDS::DBInstance', (d) => d.id === input['DBInstanceIdentifier']);
        if (input['BackupRetentionPeriod'] !== undefined) db.config.backupRetentionPeriod = input['BackupRetentionPeriod'] as number;
        return { DBInstance: { DBInstanceIdentifier: db.id } };
      }
      case 'CreateDBSnapshot': {
        const id = String(input['DBSnapshotIdentifier']);
        if (this.snapshots.some((s) => s.id === id)) throw Object.assign(new Error(`${id} exists`), { name: 'DBSnapshotAlreadyExistsFault' });
        const tags = Object.fromEntries(((input['Tags'] ?? []) as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
        this.snapshots.push({ id, db: String(input['DBInstanceIdentifier']), createdAt: new Date(this.clockMs).toISOString(), status: 'creating', tags });
        return { DBSnapshot: { DBSnapshotIdentifier: id, Status: 'creating' } };
      }
      case 'DeleteDBSnapshot': {
        const snapshot = this.snapshots.find((s) => s.id === input['DBSnapshotIdentifier']);
        if (snapshot === undefined) throw Object.assign(new Error('not found'), { name: 'DBSnapshotNotFoundFault' });
        this.snapshots = this.snapshots.filter((s) => s !== snapshot);
        return { DBSnapshot: { DBSnapshotIdentifier: snapshot.id, Status: 'deleted' } };
      }
      case 'DescribeDBSnapshots':
        // As the SDK gives it: SnapshotCreateTime a Date, TagList on each snapshot.
        return {
          DBSnapshots: this.snapshots
            .filter((s) => s.db === input['DBInstanceIdentifier'])
            .map((s) => ({
              DBSnapshotIdentifier: s.id,
              DBInstanceIdentifier: s.db,
              SnapshotType: 'manual',
              Status: s.status,
              SnapshotCreateTime: new Date(s.createdAt),
              TagList: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })),
            })),
        };
      case 'DescribeDBInstances': {
        const metric = this.metrics.get(String(input['DBInstanceIdentifier']));
        return { DBInstances: metric === undefined ? [] : [{ DBInstanceIdentifier: input['DBInstanceIdentifier'], AllocatedStorage: metric.allocatedGiB }] };
      }
      case 'GetMetricStatistics': {
        const [dimension] = input['Dimensions'] as { Name: string; Value: string }[];
        const metric = this.metrics.get(dimension!.Value);
        return {
          Label: 'FreeStorageSpace',
          Datapoints: (metric?.freeBytes ?? []).map((Minimum, i) => ({ Timestamp: new Date(i * 300_000), Minimum, Unit: 'Bytes' })),
        };
      }
      case 'LookupEvents': {
        const [attribute] = input['LookupAttributes'] as { AttributeKey: string; AttributeValue: string }[];
        const events = this.events
          .filter((e) => attribute!.AttributeKey === 'ResourceName' && e.resourceName === attribute!.AttributeValue)
          .map((e, i) => ({
            EventId: `event-${i}`,
            EventName: e.name,
            ReadOnly: 'false',
            EventTime: new Date(e.time),
            EventSource: 'rds.amazonaws.com',
            Username: e.principal.split('/').pop(),
            Resources: [{ ResourceType: 'AWS::RDS::DBInstance', ResourceName: e.resourceName }],
            CloudTrailEvent: JSON.stringify({
              eventVersion: '1.09',
              userIdentity: { type: 'AssumedRole', arn: e.principal },
              eventTime: e.time,
              eventName: e.name,
              sourceIPAddress: e.sourceIp,
              userAgent: e.userAgent,
            }),
          }));
        // One event a page, so that pagination is exercised.
        const start = Number(input['NextToken'] ?? 0);
        return { Events: events.slice(start, start + 1), ...(start + 1 < events.length && { NextToken: String(start + 1) }) };
      }
      case 'GetExecutionHistory':
        return { events: this.histories.get(String(input['executionArn'])) ?? [] };
      default:
        throw new Error(`the fake does not answer ${operation}`);
    }
  }
}

/** The outbox's messages, as delivery will see them. */
export async function outbox(store: Store): Promise<{ channel: string; payload: Record<string, unknown> }[]> {
  const rows = await store.db.selectFrom('outbox').select(['channel', 'payload']).orderBy('id').execute();
  return rows.map((row) => ({ channel: row.channel, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}
