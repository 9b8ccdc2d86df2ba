/**
 * The AWS Config source (`--source config|auto`): one collector per resource type the normalisers
 * know, under the same contract as the API collectors — declared operations, the guarded context,
 * coverage — so that `vigil iam-policy` derives config:SelectResourceConfig (or
 * config:SelectAggregateResourceConfig) from them, and the run loop treats them as any other.
 *
 *  - Per account and region: SelectResourceConfig (scope `region`).
 *  - With an aggregator: one SelectAggregateResourceConfig for every account and region the
 *    aggregator covers (scope `account`, run once, in the aggregator account, sent to the
 *    aggregator's region); the resources carry their own account and region.
 *
 * A field Config does not record is `unknown('NotInConfig: <field>')` in the emitted resource
 * ({@link notInConfigFields} finds them), for the orchestrator to fill from the API or leave unknown.
 */
import type { ResourceType } from '../../model/resource-types.js';
import type { CollectContext } from '../contract/collect-context.js';
import { defineCollector, type FieldOf, type ResourceCollector } from '../contract/collector.js';
import { uniqueBy } from '../contract/normalise.js';
import type { ConfigItem } from './config-item.js';
import type { ConfigSourceType, NormaliseContext, Normaliser } from './normaliser.js';
import { normaliseSecurityGroup, SECURITY_GROUP_CONFIG_FILLS } from '../collectors/ec2/security-group-from-config.js';
import { KMS_CONFIG_FILLS, KMS_NOT_IN_CONFIG, normaliseKmsKey } from '../collectors/kms/key-from-config.js';
import { normaliseRdsDbCluster, RDS_CLUSTER_CONFIG_FILLS } from '../collectors/rds/db-cluster-from-config.js';
import { normaliseRdsDbInstance, RDS_INSTANCE_CONFIG_FILLS } from '../collectors/rds/db-instance-from-config.js';
import { normaliseS3Bucket, S3_CONFIG_FILLS, S3_NOT_IN_CONFIG } from '../collectors/s3/bucket-from-config.js';
import { selectConfigItems, type Aggregator, type QuerySource } from './select-config-items.js';

interface TypeSpec<T extends ConfigSourceType> {
  readonly normalise: Normaliser<T>;
  /** The fields a configuration item fills. */
  readonly fills: readonly FieldOf<T>[];
  /** The fields it never fills (NotInConfig, unless an API call fills them). */
  readonly notInConfig: readonly FieldOf<T>[];
}

const TYPES: { readonly [T in ConfigSourceType]: TypeSpec<T> } = {
  'AWS::EC2::SecurityGroup': { normalise: normaliseSecurityGroup, fills: SECURITY_GROUP_CONFIG_FILLS, notInConfig: [] },
  'AWS::KMS::Key': { normalise: normaliseKmsKey, fills: KMS_CONFIG_FILLS, notInConfig: KMS_NOT_IN_CONFIG },
  'AWS::RDS::DBCluster': { normalise: normaliseRdsDbCluster, fills: RDS_CLUSTER_CONFIG_FILLS, notInConfig: [] },
  'AWS::RDS::DBInstance': { normalise: normaliseRdsDbInstance, fills: RDS_INSTANCE_CONFIG_FILLS, notInConfig: [] },
  'AWS::S3::Bucket': { normalise: normaliseS3Bucket, fills: S3_CONFIG_FILLS, notInConfig: S3_NOT_IN_CONFIG },
};

/** The resource types the Config source can collect, sorted. */
export const configSourceTypes: readonly ConfigSourceType[] = (Object.keys(TYPES) as ConfigSourceType[]).sort();

export function isConfigSourceType(type: ResourceType): type is ConfigSourceType {
  return Object.hasOwn(TYPES, type);
}

/** The fields Config never records for the type: what `auto` must weigh against the selected insights. */
export function fieldsNotInConfig<T extends ConfigSourceType>(type: T): readonly FieldOf<T>[] {
  return TYPES[type].notInConfig;
}

async function collectItems<T extends ConfigSourceType>(
  ctx: CollectContext<T>,
  source: QuerySource,
  normalise: Normaliser<T>,
  onIncomplete?: () => void,
): Promise<void> {
  const { items, call, complete } = await selectConfigItems(ctx, source);
  if (!complete) onIncomplete?.();
  const nctx: NormaliseContext = {
    partition: ctx.partition,
    unreadable: (arn, code, message) => ctx.unreadable(call, code, message, { arn }),
  };
  for (const item of uniqueBy(items, (i: ConfigItem) => `${i.accountId}|${i.awsRegion}|${i.arn ?? i.resourceId}`)) {
    const result = normalise(item, nctx);
    if (result.ok) ctx.emit(result.resource);
    else ctx.unreadable(call, result.code, result.message, { arn: result.arn });
  }
}

/** The collector of one type reading each account's and region's own Config. */
export function configCollector<T extends ConfigSourceType>(type: T): ResourceCollector<T> {
  const spec = TYPES[type] as TypeSpec<T>;
  return defineCollector<T>({
    resourceType: type,
    service: 'config',
    scope: 'region',
    operations: [{ operation: 'SelectResourceConfig', iamAction: 'config:SelectResourceConfig', fills: spec.fills, required: true, lists: true }],
    collect: (ctx) => collectItems(ctx, { kind: 'account' }, spec.normalise),
  });
}

/**
 * The collector of one type reading an aggregator: run it for the aggregator's account only.
 * `onIncomplete` hears of a query that could not read every page (already in coverage), so that
 * the orchestration can ask each account instead of taking a partial answer for the whole.
 */
export function aggregatorCollector<T extends ConfigSourceType>(type: T, aggregator: Aggregator, onIncomplete?: () => void): ResourceCollector<T> {
  const spec = TYPES[type] as TypeSpec<T>;
  return defineCollector<T>({
    resourceType: type,
    service: 'config',
    scope: 'account',
    operations: [
      { operation: 'SelectAggregateResourceConfig', iamAction: 'config:SelectAggregateResourceConfig', fills: spec.fills, required: true, lists: true },
    ],
    collect: (ctx) => collectItems(ctx, { kind: 'aggregator', aggregator }, spec.normalise, onIncomplete),
  });
}

/** A resource collector of any Config-source type, as registries hold them. */
export type AnyConfigCollector = { [T in ConfigSourceType]: ResourceCollector<T> }[ConfigSourceType];

/** One collector per type, reading each account's and region's own Config. */
export const configResourceCollectors: readonly AnyConfigCollector[] = configSourceTypes.map((type) => configCollector(type) as AnyConfigCollector);

/** One collector per type reading the aggregator (for `vigil iam-policy`, any aggregator will do). */
export function aggregatorResourceCollectors(aggregator: Aggregator): AnyConfigCollector[] {
  return configSourceTypes.map((type) => aggregatorCollector(type, aggregator) as AnyConfigCollector);
}
