/**
 * Reads every configuration item of one resource type with AWS Config's advanced query: per
 * account and region with SelectResourceConfig, or — when the configuration names an aggregator —
 * one organisation-wide SelectAggregateResourceConfig in the aggregator's region instead of
 * accounts × regions × types queries. Pages of 100 (the API's maximum), every page by NextToken.
 *
 * Each result is one item as a JSON string. An item that does not parse is left out and named in
 * coverage; a deleted resource is left out; a resource whose type the recorder does not record
 * (ResourceNotRecorded) is left out and named in coverage, because Config knows it exists but
 * holds nothing about it.
 */
import { SelectAggregateResourceConfigCommand, SelectResourceConfigCommand } from '@aws-sdk/client-config-service';
import type { ResourceType } from '../../model/resource-types.js';
import type { CallRef, CollectContext } from '../contract/collect-context.js';
import { readAllPages, type Pages } from '../contract/paginate.js';
import { readConfigItem, type ConfigItem } from './config-item.js';

/** SelectResourceConfig's Limit is 0 to 100. */
export const PAGE_SIZE = 100;

/** The properties every query selects: what the normalisers read. */
export const SELECTED_PROPERTIES = [
  'resourceId',
  'resourceName',
  'resourceType',
  'arn',
  'accountId',
  'awsRegion',
  'configuration',
  'supplementaryConfiguration',
  'tags',
  'configurationItemCaptureTime',
  'configurationItemStatus',
] as const;

/** A configuration aggregator to query instead of each account's own Config. */
export interface Aggregator {
  readonly name: string;
  /** The region the aggregator lives in. */
  readonly region: string;
  /** Only these accounts (`--account`); all of the aggregator's accounts when absent. */
  readonly accountIds?: readonly string[];
  /** Only these regions; all of the aggregator's regions when absent. */
  readonly regions?: readonly string[];
}

export type QuerySource = { readonly kind: 'account' } | { readonly kind: 'aggregator'; readonly aggregator: Aggregator };

const ACCOUNT_ID = /^[0-9]{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$/;
const RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

function oneOf(property: string, values: readonly string[], valid: RegExp): string {
  for (const value of values) if (!valid.test(value)) throw new Error(`cannot query ${property} '${value}'`);
  const quoted = values.map((value) => `'${value}'`);
  return quoted.length === 1 ? `${property} = ${quoted[0]}` : `${property} IN (${quoted.join(', ')})`;
}

/** The advanced query for one type, optionally limited to accounts and regions (aggregator queries). */
export function selectExpression(type: ResourceType, filter: { readonly accountIds?: readonly string[]; readonly regions?: readonly string[] } = {}): string {
  const where = [oneOf('resourceType', [type], RESOURCE_TYPE)];
  if (filter.accountIds !== undefined && filter.accountIds.length > 0) where.push(oneOf('accountId', filter.accountIds, ACCOUNT_ID));
  if (filter.regions !== undefined && filter.regions.length > 0) where.push(oneOf('awsRegion', filter.regions, REGION));
  return `SELECT ${SELECTED_PROPERTIES.join(', ')} WHERE ${where.join(' AND ')}`;
}

export interface SelectedItems {
  readonly items: ConfigItem[];
  /** Where the query went, for coverage entries about single items. */
  readonly call: CallRef;
  /** Whether every page was read (otherwise coverage names the failed call). */
  readonly complete: boolean;
}

/** Every current configuration item of the context's resource type. */
export async function selectConfigItems<T extends ResourceType>(ctx: CollectContext<T>, source: QuerySource): Promise<SelectedItems> {
  const type = ctx.resourceType;
  let pages: Pages<string>;
  let call: CallRef;
  if (source.kind === 'account') {
    const expression = selectExpression(type);
    call = { service: 'config', operation: 'SelectResourceConfig', region: ctx.region };
    pages = await readAllPages(ctx, {
      command: (token) => new SelectResourceConfigCommand({ Expression: expression, Limit: PAGE_SIZE, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.Results,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
  } else {
    const { aggregator } = source;
    const expression = selectExpression(type, {
      ...(aggregator.accountIds !== undefined ? { accountIds: aggregator.accountIds } : {}),
      ...(aggregator.regions !== undefined ? { regions: aggregator.regions } : {}),
    });
    call = { service: 'config', operation: 'SelectAggregateResourceConfig', region: aggregator.region };
    pages = await readAllPages(ctx, {
      command: (token) =>
        new SelectAggregateResourceConfigCommand({
          Expression: expression,
          ConfigurationAggregatorName: aggregator.name,
          Limit: PAGE_SIZE,
          ...(token !== undefined ? { NextToken: token } : {}),
        }),
      items: (page) => page.Results,
      next: (page) => ({ token: page.NextToken, truncated: false }),
      region: aggregator.region,
    });
  }

  const items: ConfigItem[] = [];
  for (const text of pages.items) {
    const read = readConfigItem(text);
    switch (read.kind) {
      case 'item':
        if (read.item.resourceType === type) items.push(read.item);
        else
          ctx.unreadable(call, 'UnexpectedConfigItem', `the query for ${type} returned an item of type ${read.item.resourceType}; it is left out`, {
            arn: read.item.arn ?? read.item.resourceId,
          });
        break;
      case 'deleted':
        break;
      case 'not-recorded':
        ctx.unreadable(call, 'ResourceNotRecorded', `Config discovered ${read.ref} but its recorder does not record ${type}; it is left out`, {
          ...(read.arn !== undefined ? { arn: read.arn } : {}),
        });
        break;
      case 'unparsable':
        ctx.unreadable(call, 'UnparsableConfigItem', `${read.message}; it is left out`, { ...(read.arn !== undefined ? { arn: read.arn } : {}) });
        break;
    }
  }
  return { items, call, complete: pages.failed === undefined };
}
