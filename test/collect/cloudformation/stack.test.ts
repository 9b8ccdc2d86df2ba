/**
 * The CloudFormation stack collector against a mocked CloudFormation: DescribeStacks as the
 * CloudFormation API reference documents it (query protocol: AccessDenied, ValidationError).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudFormationClient, CloudFormationServiceException, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import cloudFormationStack, { stackIdOf } from '../../../src/collect/collectors/cloudformation/stack.js';
import { arnFor } from '../../../src/model/arn.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const stackArn = (name: string, uuid: string, region = REGION) => `arn:aws:cloudformation:${region}:${ACCOUNT}:stack/${name}/${uuid}`;

function stack(name: string, uuid: string, overrides: Partial<Stack> = {}): Stack {
  return {
    StackId: stackArn(name, uuid),
    StackName: name,
    Description: `${name} stack`,
    Parameters: [],
    CreationTime: new Date('2025-09-01T10:00:00Z'),
    RollbackConfiguration: {},
    StackStatus: 'CREATE_COMPLETE',
    DisableRollback: false,
    NotificationARNs: [],
    Capabilities: ['CAPABILITY_NAMED_IAM'],
    Outputs: [],
    Tags: [],
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    ...overrides,
  };
}

const UUID = {
  network: '0a1b2c3d-0000-1111-2222-333344445555',
  payments: '1b2c3d4e-0000-1111-2222-333344445555',
  broken: '2c3d4e5f-0000-1111-2222-333344445555',
  nested: '3d4e5f60-0000-1111-2222-333344445555',
};

/** DescribeStacks in three pages. */
const PAGES: Stack[][] = [
  [
    stack('network', UUID.network, {
      StackStatus: 'UPDATE_COMPLETE',
      LastUpdatedTime: new Date('2026-02-10T16:30:00Z'),
      EnableTerminationProtection: true,
      Tags: [
        { Key: 'owner', Value: 'platform' },
        { Key: 'environment', Value: 'production' },
      ],
    }),
  ],
  [
    stack('payments', UUID.payments, { StackStatus: 'UPDATE_ROLLBACK_FAILED', StackStatusReason: 'The following resource(s) failed to update: [Database].' }),
    stack('broken', UUID.broken, {
      StackStatus: 'ROLLBACK_COMPLETE',
      StackStatusReason: 'The following resource(s) failed to create: [Queue]. Rollback requested by user.',
      Tags: [{ Key: 'owner', Value: 'payments' }],
    }),
  ],
  [
    stack('network-Vpc-1ABCDEF', UUID.nested, {
      ParentId: stackArn('network', UUID.network),
      RootId: stackArn('network', UUID.network),
      EnableTerminationProtection: true,
    }),
  ],
];

const cfn = mockClient(CloudFormationClient);

function standardCfn(pages: Stack[][] = PAGES): void {
  cfn.on(DescribeStacksCommand).callsFake((input: { NextToken?: string; StackName?: string }) => {
    expect(input.StackName).toBeUndefined();
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('page-', ''));
    const last = index === pages.length - 1;
    return { Stacks: pages[index], ...(last ? {} : { NextToken: `page-${index + 1}` }), $metadata };
  });
}

beforeEach(() => {
  cfn.reset();
  standardCfn();
});

afterEach(() => {
  cfn.reset();
});

describe('CloudFormation stack collector', () => {
  it('reads every page and normalises a stack exactly; its id gives back its ARN', async () => {
    const { resources, coverage } = await runCollector(cloudFormationStack);
    expect(coverage).toEqual([]);
    expect(cfn.commandCalls(DescribeStacksCommand)).toHaveLength(3);
    const id = `network/${UUID.network}`;
    expect(resources.map((r) => r.name).sort()).toEqual(['broken', 'network', 'network-Vpc-1ABCDEF', 'payments']);
    expect(byId(resources, id)).toEqual({
      arn: stackArn('network', UUID.network),
      type: 'AWS::CloudFormation::Stack',
      accountId: ACCOUNT,
      region: REGION,
      id,
      name: 'network',
      tags: { owner: 'platform', environment: 'production' },
      createdAt: '2025-09-01T10:00:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        stackId: id,
        status: 'UPDATE_COMPLETE',
        statusReason: null,
        lastUpdatedTime: '2026-02-10T16:30:00.000Z',
        terminationProtection: true,
      },
    });
    for (const r of resources) expect(arnFor('AWS::CloudFormation::Stack', ACCOUNT, REGION, r.id)).toBe(r.arn);
  });

  it('reports a stack in ROLLBACK_COMPLETE with its reason', async () => {
    const { resources } = await runCollector(cloudFormationStack);
    const broken = byId(resources, `broken/${UUID.broken}`);
    expect(broken.config).toEqual({
      stackId: `broken/${UUID.broken}`,
      status: 'ROLLBACK_COMPLETE',
      statusReason: 'The following resource(s) failed to create: [Queue]. Rollback requested by user.',
      lastUpdatedTime: null,
      terminationProtection: false,
    });
    expect(broken.tags).toEqual({ owner: 'payments' });
    expect(byId(resources, `payments/${UUID.payments}`).config.status).toBe('UPDATE_ROLLBACK_FAILED');
  });

  it('leaves out a deleted stack, should DescribeStacks return one', async () => {
    standardCfn([
      [
        ...(PAGES[0] as Stack[]),
        stack('old', '4e5f6071-0000-1111-2222-333344445555', { StackStatus: 'DELETE_COMPLETE', DeletionTime: new Date('2026-01-01T00:00:00Z') }),
      ],
    ]);
    const { resources, coverage } = await runCollector(cloudFormationStack);
    expect(resources.map((r) => r.name)).toEqual(['network']);
    expect(coverage).toEqual([]);
  });

  it('collects each region with that region’s client', async () => {
    cfn.on(DescribeStacksCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      return { Stacks: [{ ...stack(`app-${region}`, UUID.network), StackId: stackArn(`app-${region}`, UUID.network, region) }], $metadata };
    });
    const { resources } = await runCollector(cloudFormationStack, { regions: ['eu-west-1', 'us-east-1'] });
    expect(resources.map((r) => [r.region, r.arn])).toEqual([
      ['eu-west-1', stackArn('app-eu-west-1', UUID.network, 'eu-west-1')],
      ['us-east-1', stackArn('app-us-east-1', UUID.network, 'us-east-1')],
    ]);
  });

  it('AccessDenied: no stacks, and coverage names the region', async () => {
    cfn.on(DescribeStacksCommand).rejects(
      new CloudFormationServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: cloudformation:DescribeStacks`,
      }),
    );
    const { resources, coverage } = await runCollector(cloudFormationStack);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'cloudformation',
        operation: 'DescribeStacks',
        resourceType: 'AWS::CloudFormation::Stack',
        error: { code: 'AccessDenied', message: expect.stringContaining('cloudformation:DescribeStacks') },
        count: 1,
      },
    ]);
  });

  it('a page that fails keeps the stacks already read and records the incomplete list', async () => {
    cfn
      .on(DescribeStacksCommand, { NextToken: 'page-2' })
      .rejects(new CloudFormationServiceException({ name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }));
    const { resources, coverage } = await runCollector(cloudFormationStack);
    expect(resources.map((r) => r.name).sort()).toEqual(['broken', 'network', 'payments']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'DescribeStacks', error: { code: 'Throttling', message: 'Rate exceeded' } })]);
  });

  it('a stack without a well-formed StackId is left out and named in coverage', async () => {
    standardCfn([[...(PAGES[0] as Stack[]), stack('odd', 'x', { StackId: 'not-an-arn' })]]);
    const { resources, coverage } = await runCollector(cloudFormationStack);
    expect(resources.map((r) => r.name)).toEqual(['network']);
    expect(coverage).toEqual([expect.objectContaining({ resourceArn: 'not-an-arn', error: expect.objectContaining({ code: 'UnexpectedResponse' }) })]);
  });

  it('takes the stack id from the StackId', () => {
    expect(stackIdOf(stackArn('network', UUID.network))).toBe(`network/${UUID.network}`);
    expect(stackIdOf(`arn:aws-cn:cloudformation:cn-north-1:${ACCOUNT}:stack/a/b`)).toBe('a/b');
    expect(stackIdOf('network')).toBeUndefined();
  });
});
