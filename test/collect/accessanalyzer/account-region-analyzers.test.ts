/**
 * The IAM Access Analyzer analyzers of a region (`AWS::Account::Region` accessAnalyzers) against a
 * mocked Access Analyzer: ListAnalyzers pages (nextToken) with AnalyzerSummary items as the IAM
 * Access Analyzer API reference documents them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessAnalyzerClient,
  AccessDeniedException,
  ListAnalyzersCommand,
  ThrottlingException,
  type AnalyzerSummary,
  type ListAnalyzersRequest,
} from '@aws-sdk/client-accessanalyzer';
import accessAnalyzers from '../../../src/collect/collectors/accessanalyzer/account-region-analyzers.js';
import { accountRegion } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, expectValid, regionOf, runSettings } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const ORG_ACCOUNT = '999988887777';

function analyzer(name: string, overrides: Partial<AnalyzerSummary> = {}): AnalyzerSummary {
  return {
    arn: `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/${name}`,
    name,
    type: 'ACCOUNT',
    createdAt: new Date('2025-03-04T10:00:00Z'),
    lastResourceAnalyzed: `arn:aws:s3:::ledger-exports`,
    lastResourceAnalyzedAt: new Date('2026-02-28T23:10:00Z'),
    tags: {},
    status: 'ACTIVE',
    ...overrides,
  };
}

/** Three pages: an external-access analyzer, an unused-access one, an org analyzer being created, a failed one. */
const PAGES: Record<string, { analyzers: AnalyzerSummary[]; nextToken?: string }> = {
  first: { analyzers: [analyzer('ConsoleAnalyzer-1a2b3c')], nextToken: 'AAMA-token-2' },
  'AAMA-token-2': {
    analyzers: [
      analyzer('unused-access-90d', {
        type: 'ACCOUNT_UNUSED_ACCESS',
        configuration: { unusedAccess: { unusedAccessAge: 90 } },
      }),
      analyzer('org-analyzer', {
        arn: `arn:aws:access-analyzer:${REGION}:${ORG_ACCOUNT}:analyzer/org-analyzer`,
        type: 'ORGANIZATION',
        status: 'CREATING',
        lastResourceAnalyzed: undefined,
        lastResourceAnalyzedAt: undefined,
      }),
    ],
    nextToken: 'AAMA-token-3',
  },
  'AAMA-token-3': {
    analyzers: [analyzer('broken', { status: 'FAILED', statusReason: { code: 'SERVICE_LINKED_ROLE_CREATION_FAILED' } })],
  },
};

const client = mockClient(AccessAnalyzerClient);

function paged(pages: Record<string, { analyzers: AnalyzerSummary[]; nextToken?: string }>): void {
  client.on(ListAnalyzersCommand).callsFake((input: ListAnalyzersRequest) => {
    const page = pages[input.nextToken ?? 'first'];
    if (page === undefined) throw new Error(`unexpected token ${input.nextToken}`);
    return { analyzers: page.analyzers, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}), $metadata };
  });
}

function accessDenied(): AccessDeniedException {
  return new AccessDeniedException({
    $metadata: { httpStatusCode: 403 },
    message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/vigil/scan is not authorized to perform: access-analyzer:ListAnalyzers on resource: arn:aws:access-analyzer:${REGION}:${ACCOUNT}:* because no identity-based policy allows the access-analyzer:ListAnalyzers action`,
  });
}

afterEach(() => {
  client.reset();
});

describe('the IAM Access Analyzer analyzers of a region', () => {
  it('reads every page in the region and keeps every analyzer, of every type and status, sorted by name', async () => {
    const regions: string[] = [];
    client.on(ListAnalyzersCommand).callsFake(async (input: ListAnalyzersRequest, getClient: () => unknown) => {
      regions.push(await regionOf(getClient));
      const page = PAGES[input.nextToken ?? 'first']!;
      return { analyzers: page.analyzers, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}), $metadata };
    });
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION });
    expect(coverage).toEqual([]);
    expect(regions).toEqual([REGION, REGION, REGION]);
    expect(client.commandCalls(ListAnalyzersCommand).map((call) => call.args[0].input)).toEqual([
      { maxResults: 100 },
      { maxResults: 100, nextToken: 'AAMA-token-2' },
      { maxResults: 100, nextToken: 'AAMA-token-3' },
    ]);
    expect(settings).toEqual({
      accessAnalyzers: [
        { name: 'ConsoleAnalyzer-1a2b3c', type: 'ACCOUNT', status: 'ACTIVE' },
        { name: 'broken', type: 'ACCOUNT', status: 'FAILED' },
        { name: 'org-analyzer', type: 'ORGANIZATION', status: 'CREATING' },
        { name: 'unused-access-90d', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' },
      ],
    });
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a region without analyzers has an empty list', async () => {
    client.on(ListAnalyzersCommand).resolves({ analyzers: [], $metadata });
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION });
    expect(settings).toEqual({ accessAnalyzers: [] });
    expect(coverage).toEqual([]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('AccessDenied: the analyzers are unknown, never "none", and coverage names the region', async () => {
    client.on(ListAnalyzersCommand).rejects(accessDenied());
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION });
    expect(settings).toEqual({ accessAnalyzers: unknown('AccessDeniedException: accessanalyzer:ListAnalyzers') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'accessanalyzer',
        operation: 'ListAnalyzers',
        resourceType: 'AWS::Account::Region',
        resourceArn: `arn:aws::${REGION}:${ACCOUNT}`,
        error: { code: 'AccessDeniedException', message: expect.stringContaining('access-analyzer:ListAnalyzers') },
        count: 1,
      },
    ]);
    expectValid([accountRegion(settings, { accountId: ACCOUNT, region: REGION })]);
  });

  it('a page that fails part-way makes the list unknown: the analyzer that counts could be on it', async () => {
    paged(PAGES);
    client
      .on(ListAnalyzersCommand, { nextToken: 'AAMA-token-3' })
      .rejects(new ThrottlingException({ $metadata: { httpStatusCode: 429 }, message: 'Rate exceeded', retryAfterSeconds: 1 }));
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION, clients: { maxAttempts: { default: 1 } } });
    expect(settings).toEqual({ accessAnalyzers: unknown('ThrottlingException: accessanalyzer:ListAnalyzers') });
    expect(coverage).toEqual([expect.objectContaining({ operation: 'ListAnalyzers', error: expect.objectContaining({ code: 'ThrottlingException' }) })]);
  });

  it('an analyzer with a status the model does not know makes the list unknown', async () => {
    client.on(ListAnalyzersCommand).resolves({ analyzers: [analyzer('odd', { status: 'PAUSED' as 'ACTIVE' })], $metadata });
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION });
    expect(settings).toEqual({ accessAnalyzers: unknown('UnexpectedResponse: accessanalyzer:ListAnalyzers') });
    expect(coverage).toEqual([expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'analyzer odd has status PAUSED' } })]);
  });

  it('an analyzer without a type makes the list unknown', async () => {
    client.on(ListAnalyzersCommand).resolves({ analyzers: [analyzer('untyped', { type: undefined })], $metadata });
    const { settings, coverage } = await runSettings(accessAnalyzers, { homeRegion: REGION });
    expect(settings).toEqual({ accessAnalyzers: unknown('UnexpectedResponse: accessanalyzer:ListAnalyzers') });
    expect(coverage).toEqual([
      expect.objectContaining({ error: { code: 'UnexpectedResponse', message: 'ListAnalyzers returned untyped without a name or type' } }),
    ]);
  });

  it('is not read when no selected insight needs it', async () => {
    const { settings } = await runSettings(accessAnalyzers, { fields: ['configRecorders'] });
    expect(settings).toEqual({ accessAnalyzers: unknown('NotCollected: accessanalyzer:ListAnalyzers') });
    expect(client.send.callCount).toBe(0);
  });
});
