/**
 * Fills the fields of a Config-sourced bucket that Config does not record (ownership controls
 * always; ACL, policy, versioning or logging when an item lacks them) with direct S3 calls — only
 * the Get* calls for those fields, sent to the bucket's region. The calls are made by the S3 API
 * collector itself, for this one bucket, so the sub-documents are read exactly as in an API
 * collection (same readers, "not configured" answers, coverage) and the declarations of
 * `s3Bucket` (hence `vigil iam-policy`) cover them.
 *
 * The API collector enumerates buckets with ListBuckets; here the bucket is already known from
 * Config, so its listing is answered from the configuration item instead of calling S3 (see the
 * report: exporting the collector's per-bucket function would make this step unnecessary).
 */
import { ListBucketsCommand, type ListBucketsCommandOutput } from '@aws-sdk/client-s3';
import type { CollectedResource } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';
import { operationOfCommandName } from '../call-stats.js';
import { CollectionContext, UndeclaredOperationError, type CallRef, type CollectContext, type CommandLike, type Outcome } from '../collect-context.js';
import { operationsToRun, type FieldOf, type ResourceCollector } from '../collector.js';
import s3Bucket from '../collectors/s3/bucket.js';
import { CoverageRecorder } from '../coverage-recorder.js';
import { ServiceBudgets } from '../limiter.js';
import { DEFAULT_HOME_REGION, type AccountRun } from '../run-collector.js';
import type { ServiceName } from '../services.js';

type Bucket = CollectedResource<'AWS::S3::Bucket'>;
type Field = FieldOf<'AWS::S3::Bucket'>;

export type FillResult =
  | { readonly ok: true; readonly resource: Bucket; readonly filled: readonly Field[] }
  /** The bucket no longer exists (S3 answered NoSuchBucket); coverage names it and it is left out, as the API collector does. */
  | { readonly ok: false; readonly gone: true };

/**
 * The context an API fill runs in: the API collector's declarations and the operations that fill
 * `fields` (plus the collector's required ones), for one account — in its home region, where an
 * account-scope collector such as the S3 one runs (a bucket's calls still go to the bucket's
 * region). One per account and collector; many resources share it.
 */
export function apiFillContext<T extends ResourceType>(
  collector: ResourceCollector<T>,
  run: AccountRun,
  fields: ReadonlySet<string>,
  region: string = run.homeRegion ?? DEFAULT_HOME_REGION,
): CollectionContext<T> {
  return new CollectionContext<T>({
    collector,
    selected: operationsToRun(collector, fields),
    accountId: run.accountId,
    region,
    partition: run.partition ?? 'aws',
    clients: run.clients,
    budgets: run.budgets ?? new ServiceBudgets(),
    coverage: run.coverage ?? new CoverageRecorder(),
    clock: run.clock ?? (() => new Date()),
    emit: () => {
      throw new Error(`an API fill of ${collector.resourceType} hands its resource back, it does not emit`);
    },
  });
}

/**
 * The bucket with `missing` read from S3 (those whose operation runs in `ctx`); fields S3 cannot
 * be asked for, or whose operation does not run, stay as they are. `ctx` is a context of the S3
 * API collector for the bucket's account ({@link apiFillContext}).
 */
export async function fillFromApi(resource: Bucket, missing: readonly Field[], ctx: CollectContext<'AWS::S3::Bucket'>): Promise<FillResult> {
  if (resource.accountId !== ctx.accountId) {
    throw new Error(`bucket ${resource.id} of account ${resource.accountId} cannot be filled with the credentials of account ${ctx.accountId}`);
  }
  const wanted = new Set<string>(missing);
  // The Get* calls filling a missing field (never the listing or location calls: the item names the bucket's region).
  const operations = s3Bucket.operations.filter((op) => op.required !== true && op.fills.some((field) => wanted.has(field)) && ctx.runs(op.operation));
  const running = new Set(operations.map((op) => op.operation));
  const filled = [...new Set(operations.flatMap((op) => op.fills.filter((field) => wanted.has(field))))];
  if (filled.length === 0) return { ok: true, resource, filled: [] };

  const listing: Outcome<ListBucketsCommandOutput> = {
    ok: true,
    value: { Buckets: [{ Name: resource.id, BucketRegion: resource.region }], $metadata: {} },
    call: { service: 's3', operation: 'ListBuckets', region: ctx.region } satisfies CallRef,
  };
  let read: Bucket | undefined;
  const one: CollectContext<'AWS::S3::Bucket'> = {
    accountId: ctx.accountId,
    region: ctx.region,
    partition: ctx.partition,
    resourceType: ctx.resourceType,
    now: () => ctx.now(),
    runs: (operation, service) => running.has(operation) && ctx.runs(operation, service),
    send: <O extends object>(command: CommandLike<O>, options?: { readonly region?: string; readonly service?: ServiceName }) => {
      if (command instanceof ListBucketsCommand) return Promise.resolve(listing as unknown as Outcome<O>);
      const operation = operationOfCommandName(command.constructor.name);
      if (!running.has(operation)) throw new UndeclaredOperationError(`the S3 fill of ${resource.id} does not run ${operation}`);
      return ctx.send(command, options);
    },
    unknownOf: (outcome, ref) => ctx.unknownOf(outcome, ref),
    unreadable: (call, code, message, ref) => ctx.unreadable(call, code, message, ref),
    notCollected: (operation, service) => ctx.notCollected(operation, service),
    emit: (bucket) => {
      read = bucket;
    },
  };
  await s3Bucket.collect(one);
  if (read === undefined) return { ok: false, gone: true };

  const from = read;
  const config = { ...resource.config };
  let tags = resource.tags;
  for (const field of filled) {
    if (field === 'tags') tags = from.tags;
    else if (field in config) (config as Record<string, unknown>)[field] = (from.config as Record<string, unknown>)[field];
  }
  return { ok: true, resource: { ...resource, tags, config }, filled };
}
