/**
 * The Config source's query against a mocked AWS Config: SelectResourceConfig pages (NextToken,
 * Limit 100), the aggregator query, items that cannot be used, and a denied query — each with the
 * coverage it leaves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConfigServiceClient,
  InvalidNextTokenException,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { requiredPermissions } from '../../../src/collect/contract/collector.js';
import {
  aggregatorCollector,
  aggregatorResourceCollectors,
  configCollector,
  configResourceCollectors,
  fieldsNotInConfig,
} from '../../../src/collect/config-source/config-collectors.js';
import { selectExpression } from '../../../src/collect/config-source/select-config-items.js';
import { resourceConfigSchemas } from '../../../src/model/resource-types.js';
import { ACCOUNT, regionOf, runCollector } from '../support/harness.js';
import { answerAggregate, answerSelect, CAPTURED_AT, configAccessDenied, configItem, EXPRESSION_PREFIX } from './config-items.js';

const REGION = 'eu-west-1';
const OTHER_ACCOUNT = '444455556666';
const TYPE = 'AWS::EC2::SecurityGroup';
const sgArn = (id: string, region = REGION, account = ACCOUNT) => `arn:aws:ec2:${region}:${account}:security-group/${id}`;
const groupId = (n: number) => `sg-${String(n).padStart(17, '0')}`;

function sgItem(id: string, options: { region?: string; account?: string; status?: string } = {}): string {
  const region = options.region ?? REGION;
  const account = options.account ?? ACCOUNT;
  return configItem({
    resourceType: TYPE,
    resourceId: id,
    resourceName: `group-${id}`,
    arn: sgArn(id, region, account),
    accountId: account,
    awsRegion: region,
    configuration: {
      ownerId: account,
      groupName: `group-${id}`,
      groupId: id,
      description: 'managed by terraform',
      ipPermissions: [],
      ipPermissionsEgress: [
        { ipProtocol: '-1', ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipRanges: ['0.0.0.0/0'] },
      ],
      vpcId: 'vpc-0a1b2c3d',
      tags: [],
    },
    ...(options.status !== undefined ? { configurationItemStatus: options.status } : {}),
  });
}

const config = mockClient(ConfigServiceClient);
let ITEMS: Record<string, string[]>;

beforeEach(() => {
  config.reset();
  ITEMS = { [REGION]: Array.from({ length: 250 }, (_, i) => sgItem(groupId(i))) };
});

afterEach(() => {
  config.reset();
});

describe('SelectResourceConfig', () => {
  it('reads every page (NextToken, Limit 100) with the documented expression', async () => {
    const calls = answerSelect(config, (region) => ITEMS[region] ?? []);
    const { resources, coverage } = await runCollector(configCollector(TYPE));
    expect(coverage).toEqual([]);
    expect(calls).toEqual([
      { region: REGION, expression: `${EXPRESSION_PREFIX}resourceType = 'AWS::EC2::SecurityGroup'` },
      { region: REGION, expression: `${EXPRESSION_PREFIX}resourceType = 'AWS::EC2::SecurityGroup'`, token: 'page-2' },
      { region: REGION, expression: `${EXPRESSION_PREFIX}resourceType = 'AWS::EC2::SecurityGroup'`, token: 'page-3' },
    ]);
    expect(resources).toHaveLength(250);
    expect(resources[0]).toMatchObject({ id: groupId(0), source: 'config', observedAt: CAPTURED_AT, accountId: ACCOUNT, region: REGION });
  });

  it('queries each region with a client of that region', async () => {
    ITEMS['us-east-1'] = [sgItem('sg-0e0e0e0e0e0e0e0e0', { region: 'us-east-1' })];
    const calls = answerSelect(config, (region) => ITEMS[region] ?? []);
    const { resources } = await runCollector(configCollector(TYPE), { regions: [REGION, 'us-east-1'] });
    expect(new Set(calls.map((c) => c.region))).toEqual(new Set([REGION, 'us-east-1']));
    expect(resources.find((r) => r.id === 'sg-0e0e0e0e0e0e0e0e0')?.region).toBe('us-east-1');
    expect(resources).toHaveLength(251);
  });

  it('leaves out an item that is not JSON, or not an item, and names it in coverage', async () => {
    ITEMS[REGION]!.splice(120, 0, '{"resourceId":"sg-0bad","configuration":{', '["not", "an", "item"]');
    ITEMS[REGION]!.splice(10, 0, JSON.stringify({ resourceId: 'sg-0nostatus', arn: sgArn('sg-0nostatus') }));
    answerSelect(config, (region) => ITEMS[region] ?? []);
    const { resources, coverage } = await runCollector(configCollector(TYPE));
    expect(resources).toHaveLength(250);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'config',
        operation: 'SelectResourceConfig',
        resourceType: TYPE,
        error: { code: 'UnparsableConfigItem', message: expect.stringContaining('it is left out') },
        count: 3,
      },
    ]);
  });

  it('leaves out deleted resources silently, and resources Config does not record with a coverage entry', async () => {
    ITEMS[REGION] = [
      sgItem(groupId(1)),
      sgItem(groupId(2), { status: 'ResourceDeleted' }),
      sgItem(groupId(3), { status: 'ResourceDeletedNotRecorded' }),
      sgItem(groupId(4), { status: 'ResourceNotRecorded' }),
      sgItem(groupId(5), { status: 'ResourceDiscovered' }),
    ];
    answerSelect(config, (region) => ITEMS[region] ?? []);
    const { resources, coverage } = await runCollector(configCollector(TYPE));
    expect(resources.map((r) => r.id)).toEqual([groupId(1), groupId(5)]);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'SelectResourceConfig',
        resourceArn: sgArn(groupId(4)),
        error: { code: 'ResourceNotRecorded', message: expect.stringContaining('recorder does not record AWS::EC2::SecurityGroup') },
      }),
    ]);
  });

  it('AccessDenied on SelectResourceConfig: no resources, the denied call in coverage', async () => {
    config.on(SelectResourceConfigCommand).rejects(configAccessDenied('config:SelectResourceConfig'));
    const { resources, coverage } = await runCollector(configCollector(TYPE));
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'config',
        operation: 'SelectResourceConfig',
        resourceType: TYPE,
        error: { code: 'AccessDeniedException', message: expect.stringContaining('not authorized to perform: config:SelectResourceConfig') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the items read before it and names the failure', async () => {
    answerSelect(config, (region) => ITEMS[region] ?? []);
    config
      .on(SelectResourceConfigCommand, { NextToken: 'page-2' })
      .rejects(new InvalidNextTokenException({ message: 'The specified next token is invalid.', $metadata: { httpStatusCode: 400 } }));
    const { resources, coverage } = await runCollector(configCollector(TYPE));
    expect(resources).toHaveLength(100);
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'SelectResourceConfig', error: expect.objectContaining({ code: 'InvalidNextTokenException' }) }),
    ]);
  });
});

describe('SelectAggregateResourceConfig', () => {
  const aggregator = { name: 'org-aggregator', region: 'eu-central-1', accountIds: [ACCOUNT, OTHER_ACCOUNT] };

  it('runs one organisation-wide query in the aggregator region, all pages, filtered by account', async () => {
    answerAggregate(config, [
      [sgItem(groupId(1)), sgItem(groupId(2), { account: OTHER_ACCOUNT })],
      [sgItem(groupId(3), { region: 'us-east-1', account: OTHER_ACCOUNT })],
      [sgItem(groupId(4), { region: 'ap-southeast-2' })],
    ]);
    const { resources, coverage } = await runCollector(aggregatorCollector(TYPE, aggregator), { regions: [REGION, 'us-east-1'], homeRegion: 'us-east-1' });
    expect(coverage).toEqual([]);
    const calls = config.commandCalls(SelectAggregateResourceConfigCommand);
    const regions = await Promise.all(calls.map((call) => regionOf(() => call.thisValue)));
    expect(regions).toEqual(['eu-central-1', 'eu-central-1', 'eu-central-1']);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      {
        Expression: `${EXPRESSION_PREFIX}resourceType = 'AWS::EC2::SecurityGroup' AND accountId IN ('${ACCOUNT}', '${OTHER_ACCOUNT}')`,
        ConfigurationAggregatorName: 'org-aggregator',
        Limit: 100,
      },
      expect.objectContaining({ NextToken: 'agg-1', ConfigurationAggregatorName: 'org-aggregator' }),
      expect.objectContaining({ NextToken: 'agg-2', ConfigurationAggregatorName: 'org-aggregator' }),
    ]);
    expect(config.commandCalls(SelectResourceConfigCommand)).toHaveLength(0);
    // Each resource keeps its own account and region (sorted by ARN).
    expect(resources.map((r) => [r.id, r.accountId, r.region])).toEqual([
      [groupId(4), ACCOUNT, 'ap-southeast-2'],
      [groupId(1), ACCOUNT, REGION],
      [groupId(2), OTHER_ACCOUNT, REGION],
      [groupId(3), OTHER_ACCOUNT, 'us-east-1'],
    ]);
  });

  it('builds its filters from account ids and regions, one or many', () => {
    expect(selectExpression('AWS::KMS::Key', { accountIds: [ACCOUNT] })).toBe(
      `${EXPRESSION_PREFIX}resourceType = 'AWS::KMS::Key' AND accountId = '${ACCOUNT}'`,
    );
    expect(selectExpression('AWS::KMS::Key', { regions: ['eu-west-1', 'us-gov-west-1'] })).toBe(
      `${EXPRESSION_PREFIX}resourceType = 'AWS::KMS::Key' AND awsRegion IN ('eu-west-1', 'us-gov-west-1')`,
    );
    expect(() => selectExpression('AWS::KMS::Key', { accountIds: ["1' OR '1'='1"] })).toThrow(/cannot query accountId/);
  });
});

describe('Config source declarations', () => {
  const fieldsOf = (type: keyof typeof resourceConfigSchemas) =>
    Object.keys((resourceConfigSchemas[type] as { properties: Record<string, unknown> }).properties);

  it('derives the least-privilege actions from the declared queries', () => {
    expect(requiredPermissions(configResourceCollectors)).toEqual(['config:SelectResourceConfig']);
    expect(requiredPermissions(aggregatorResourceCollectors({ name: 'org', region: 'us-east-1' }))).toEqual(['config:SelectAggregateResourceConfig']);
  });

  for (const collector of configResourceCollectors) {
    it(`${collector.resourceType}: every field is filled by the query or declared as not in Config`, () => {
      const filled = new Set<string>(collector.operations.flatMap((op) => op.fills));
      const lacking = new Set<string>(fieldsNotInConfig(collector.resourceType));
      const model = [...fieldsOf(collector.resourceType), 'name', 'tags'];
      for (const field of filled) expect([...model, 'createdAt'], `${field} is a model field`).toContain(field);
      for (const field of model) expect(filled.has(field) !== lacking.has(field), `${collector.resourceType}.${field}: filled xor not in Config`).toBe(true);
    });
  }
});
