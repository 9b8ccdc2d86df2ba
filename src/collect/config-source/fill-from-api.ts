/**
 * A Config-sourced resource completed from the API: the fields AWS Config does not record (S3's
 * ownership controls, a sub-document an item lacks) read live for that one resource by its API
 * collector's `readOne`, exactly as an API collection reads them (same readers, "not configured"
 * answers, coverage), and nothing else.
 */
import type { CollectedResource } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';
import type { ResourceCollector } from '../contract/collector.js';
import { readResource, type AccountRun } from '../contract/run-collector.js';

/**
 * The resource with `fields` (config fields, or `tags`) read from the API; the resource unchanged
 * when there are none; undefined when it no longer exists (coverage names it, as a collection would).
 */
export async function fillFromApi<R extends CollectedResource<ResourceType>>(
  resource: R,
  apiCollector: ResourceCollector<ResourceType>,
  run: AccountRun,
  fields: readonly string[],
): Promise<R | undefined> {
  if (fields.length === 0) return resource;
  if (resource.accountId !== run.accountId) {
    throw new Error(`${resource.arn} of account ${resource.accountId} cannot be read with the credentials of account ${run.accountId}`);
  }
  const read = await readResource(apiCollector, { ...run, fields: new Set(fields) }, { id: resource.id, region: resource.region });
  if (read === undefined) return undefined;
  const config = { ...resource.config } as Record<string, unknown>;
  let tags = resource.tags;
  for (const field of fields) {
    if (field === 'tags') tags = read.tags;
    else if (field in config) config[field] = (read.config as Record<string, unknown>)[field];
  }
  return { ...resource, tags, config: config as R['config'] };
}
