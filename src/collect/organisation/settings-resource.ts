/**
 * Builds the settings resources of an account — `AWS::Account` and one `AWS::Account::Region` per
 * region — from the settings collectors that each read a few of their fields (IAM, S3 Control,
 * EC2, Config, CloudTrail), all at once. A field no collector read is unknown (`NotCollected`),
 * never absent.
 */
import { arnFor } from '../../model/arn.js';
import { GLOBAL_REGION, type Resource, type Tags } from '../../model/resource.js';
import { resourceConfigSchemas, type ConfigOf } from '../../model/resource-types.js';
import { unknown } from '../../model/unknown.js';
import type { AnySettingsCollector, SettingsCollector } from '../contract/collector.js';
import { collectSettings, type AccountRun } from '../contract/run-collector.js';

type SettingsType = 'AWS::Account' | 'AWS::Account::Region';

async function mergedConfig<T extends SettingsType>(
  type: T,
  run: AccountRun,
  collectors: readonly AnySettingsCollector[],
  region: string | undefined,
): Promise<ConfigOf<T>> {
  const config: Record<string, unknown> = {};
  // The collectors of a settings resource read different services: side by side, merged in registry order.
  const parts = await Promise.all(
    collectors
      .filter((collector) => collector.resourceType === type)
      // The registry erases each collector's field set; its type is the one filtered on above.
      .map((collector) => collectSettings(collector as unknown as SettingsCollector<T, keyof ConfigOf<T> & string>, run, region)),
  );
  for (const part of parts) Object.assign(config, part);
  for (const field of Object.keys(resourceConfigSchemas[type].properties)) {
    if (!(field in config)) config[field] = unknown(`NotCollected: no collector reads ${type} ${field}`);
  }
  return config as ConfigOf<T>;
}

export async function accountResource(
  run: AccountRun,
  collectors: readonly AnySettingsCollector[],
  account: { name: string; tags: Tags },
  observedAt: string,
): Promise<Resource<'AWS::Account'>> {
  const partition = run.partition ?? 'aws';
  return {
    arn: arnFor('AWS::Account', run.accountId, GLOBAL_REGION, run.accountId, partition),
    type: 'AWS::Account',
    accountId: run.accountId,
    region: GLOBAL_REGION,
    id: run.accountId,
    name: account.name,
    tags: account.tags,
    source: 'api',
    observedAt,
    config: await mergedConfig('AWS::Account', run, collectors, undefined),
  };
}

export async function regionResource(
  run: AccountRun,
  collectors: readonly AnySettingsCollector[],
  region: string,
  observedAt: string,
): Promise<Resource<'AWS::Account::Region'>> {
  const partition = run.partition ?? 'aws';
  return {
    arn: arnFor('AWS::Account::Region', run.accountId, region, region, partition),
    type: 'AWS::Account::Region',
    accountId: run.accountId,
    region,
    id: region,
    name: region,
    tags: {},
    source: 'api',
    observedAt,
    config: await mergedConfig('AWS::Account::Region', run, collectors, region),
  };
}
