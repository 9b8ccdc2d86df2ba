/**
 * Configuration items as AWS Config's advanced query returns them (one JSON string per item, the
 * properties the Config source selects, camelCase as the Config resource schema names them), and a
 * mocked ConfigServiceClient answering SelectResourceConfig page by page.
 */
import { expect } from 'vitest';
import type { AwsStub } from 'aws-sdk-client-mock';
import {
  ConfigServiceServiceException,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
  type ConfigServiceClient,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-config-service';
import type { CollectedResource } from '../../../src/model/resource.js';
import { ACCOUNT, regionOf } from '../support/harness.js';

export const CAPTURED_AT = '2026-02-28T23:10:04.512Z';
export const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };

export interface ItemSpec {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  readonly arn: string;
  readonly accountId?: string;
  readonly awsRegion: string;
  readonly configuration: Record<string, unknown>;
  readonly supplementaryConfiguration?: Record<string, unknown>;
  readonly tags?: Record<string, string>;
  readonly configurationItemStatus?: string;
  readonly configurationItemCaptureTime?: string;
}

/** One result string of SelectResourceConfig; tags as the advanced query lists them. */
export function configItem(spec: ItemSpec): string {
  return JSON.stringify({
    resourceId: spec.resourceId,
    resourceName: spec.resourceName ?? spec.resourceId,
    resourceType: spec.resourceType,
    arn: spec.arn,
    accountId: spec.accountId ?? ACCOUNT,
    awsRegion: spec.awsRegion,
    configuration: spec.configuration,
    supplementaryConfiguration: spec.supplementaryConfiguration ?? {},
    tags: Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value, tag: `${key}=${value}` })),
    configurationItemCaptureTime: spec.configurationItemCaptureTime ?? CAPTURED_AT,
    configurationItemStatus: spec.configurationItemStatus ?? 'OK',
  });
}

export const EXPRESSION_PREFIX =
  'SELECT resourceId, resourceName, resourceType, arn, accountId, awsRegion, configuration, supplementaryConfiguration, tags, configurationItemCaptureTime, configurationItemStatus WHERE ';

/** The resource type an expression asks for. */
export function typeOf(expression: string): string {
  const match = /resourceType = '([^']+)'/.exec(expression);
  if (match?.[1] === undefined) throw new Error(`no resource type in ${expression}`);
  return match[1];
}

type ConfigMock = AwsStub<ServiceInputTypes, ServiceOutputTypes, ConfigServiceClient['config']>;

/**
 * SelectResourceConfig answering from `items` (region → results) in pages of `pageSize`, with
 * NextTokens `page-2`, `page-3` ...; every call recorded with the region of its client.
 */
export function answerSelect(
  mock: ConfigMock,
  items: (region: string, type: string) => readonly string[],
  pageSize = 100,
): { region: string; expression: string; token?: string }[] {
  const calls: { region: string; expression: string; token?: string }[] = [];
  mock.on(SelectResourceConfigCommand).callsFake(async (input: { Expression?: string; Limit?: number; NextToken?: string }, getClient: () => unknown) => {
    const region = await regionOf(getClient);
    calls.push({ region, expression: input.Expression ?? '', ...(input.NextToken !== undefined ? { token: input.NextToken } : {}) });
    expect(input.Limit).toBe(100);
    const all = items(region, typeOf(input.Expression ?? ''));
    const page = input.NextToken === undefined ? 1 : Number(input.NextToken.replace('page-', ''));
    const results = all.slice((page - 1) * pageSize, page * pageSize);
    const more = page * pageSize < all.length;
    return { Results: [...results], QueryInfo: { SelectFields: [] }, ...(more ? { NextToken: `page-${page + 1}` } : {}), $metadata };
  });
  return calls;
}

export function answerAggregate(mock: ConfigMock, pages: readonly (readonly string[])[]): void {
  mock.on(SelectAggregateResourceConfigCommand).callsFake((input: { NextToken?: string }) => {
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('agg-', ''));
    const last = index === pages.length - 1;
    return { Results: [...(pages[index] ?? [])], ...(last ? {} : { NextToken: `agg-${index + 1}` }), $metadata };
  });
}

/** Config's answer to a caller its policy does not allow (a JSON-protocol AccessDeniedException). */
export function configAccessDenied(action: string): ConfigServiceServiceException {
  return new ConfigServiceServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req' },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  });
}

/** The resource without what necessarily differs between the sources: where and when it was read. */
export function withoutProvenance<R extends CollectedResource>(resource: R): Omit<R, 'source' | 'observedAt'> {
  const { source: _source, observedAt: _observedAt, ...rest } = resource;
  return rest;
}
