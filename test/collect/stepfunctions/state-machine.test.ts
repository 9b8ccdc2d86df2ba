/**
 * The Step Functions state machine collector against a mocked Step Functions: responses shaped as
 * the Step Functions API reference documents them (camelCase members, newest executions first),
 * errors as the SDK's service exceptions. The collection clock is OBSERVED_AT; the window of
 * recent failures starts 24 hours earlier.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  SFNClient,
  SFNServiceException,
  StateMachineDoesNotExist,
  type ExecutionListItem,
  type ExecutionStatus,
  type StateMachineType,
} from '@aws-sdk/client-sfn';
import stepFunctionsStateMachine from '../../../src/collect/collectors/stepfunctions/state-machine.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const machineArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
const executionArn = (machine: string, id: string) => `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine}:${id}`;
/** A time `hours` before the collection clock. */
const ago = (hours: number) => new Date(new Date(OBSERVED_AT).getTime() - hours * 3_600_000);

interface MachineSpec {
  type: StateMachineType;
  status: 'ACTIVE' | 'DELETING';
}

const MACHINES: Record<string, MachineSpec> = {
  'settlement-batch': { type: 'STANDARD', status: 'ACTIVE' },
  'events-express': { type: 'EXPRESS', status: 'ACTIVE' },
  'quiet-workflow': { type: 'STANDARD', status: 'ACTIVE' },
  'retired-workflow': { type: 'STANDARD', status: 'DELETING' },
};

/** ListStateMachines in three pages. */
const MACHINE_PAGES: { names: string[]; next?: string }[] = [
  { names: ['settlement-batch', 'events-express'], next: 'machines-1' },
  { names: ['quiet-workflow'], next: 'machines-2' },
  { names: ['retired-workflow'] },
];

function execution(id: string, status: ExecutionStatus, startedHoursAgo: number, stoppedHoursAgo: number, machine = 'settlement-batch'): ExecutionListItem {
  return {
    executionArn: executionArn(machine, id),
    stateMachineArn: machineArn(machine),
    name: id,
    status,
    startDate: ago(startedHoursAgo),
    stopDate: ago(stoppedHoursAgo),
    redriveCount: 0,
  };
}

/** The pages of ListExecutions of settlement-batch, per status filter, newest first. */
const EXECUTION_PAGES: Record<string, ExecutionListItem[][]> = {
  FAILED: [
    [execution('f1', 'FAILED', 1, 0.5), execution('f2', 'FAILED', 13, 12.5)],
    // f4 started and ended before the window: paging stops after this page.
    [execution('f3', 'FAILED', 23, 22.9), execution('f4', 'FAILED', 25, 24.5)],
    [execution('f5', 'FAILED', 30, 29)],
  ],
  // A long wait that started three days ago and timed out inside the window.
  TIMED_OUT: [[execution('t1', 'TIMED_OUT', 72, 2)], [execution('t2', 'TIMED_OUT', 80, 79)]],
  ABORTED: [[execution('a1', 'ABORTED', 3, 2.5)], [execution('a2', 'ABORTED', 4, 3.5)], [execution('a3', 'ABORTED', 5, 4.5)]],
};

const sfn = mockClient(SFNClient);

function standardSfn(): void {
  sfn.on(ListStateMachinesCommand).callsFake((input: { nextToken?: string }) => {
    const index = input.nextToken === undefined ? 0 : Number(input.nextToken.replace('machines-', ''));
    const page = MACHINE_PAGES[index];
    if (page === undefined) throw new Error(`unexpected token ${input.nextToken}`);
    return {
      stateMachines: page.names.map((name) => ({
        stateMachineArn: machineArn(name),
        name,
        type: MACHINES[name]?.type,
        creationDate: new Date('2025-04-01T12:00:00Z'),
      })),
      ...(page.next !== undefined ? { nextToken: page.next } : {}),
      $metadata,
    };
  });
  sfn.on(DescribeStateMachineCommand).callsFake((input: { stateMachineArn: string }) => {
    const name = input.stateMachineArn.split(':').at(-1) ?? '';
    const spec = MACHINES[name];
    if (spec === undefined)
      throw new StateMachineDoesNotExist({ message: `State Machine Does Not Exist: '${input.stateMachineArn}'`, $metadata: { httpStatusCode: 400 } });
    return {
      stateMachineArn: input.stateMachineArn,
      name,
      status: spec.status,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/StepFunctions-${name}`,
      type: spec.type,
      creationDate: new Date('2025-04-01T12:00:00Z'),
      loggingConfiguration: { level: 'ERROR', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` },
      $metadata,
    };
  });
  sfn.on(ListExecutionsCommand).callsFake((input: { stateMachineArn: string; statusFilter: string; nextToken?: string; maxResults?: number }) => {
    expect(input.maxResults).toBe(100);
    const pages = input.stateMachineArn === machineArn('settlement-batch') ? (EXECUTION_PAGES[input.statusFilter] ?? [[]]) : [[]];
    const index = input.nextToken === undefined ? 0 : Number(input.nextToken.split('-').at(-1));
    const last = index === pages.length - 1;
    return { executions: pages[index], ...(last ? {} : { nextToken: `${input.statusFilter}-${index + 1}` }), $metadata };
  });
  sfn.on(ListTagsForResourceCommand).callsFake((input: { resourceArn: string }) => ({
    tags:
      input.resourceArn === machineArn('settlement-batch')
        ? [
            { key: 'owner', value: 'payments' },
            { key: 'environment', value: 'production' },
          ]
        : [],
    $metadata,
  }));
}

function accessDenied(action: string): SFNServiceException {
  return new SFNServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: ${action}`,
  });
}

beforeEach(() => {
  sfn.reset();
  standardSfn();
});

afterEach(() => {
  sfn.reset();
});

const listCalls = (status: string) =>
  sfn.commandCalls(ListExecutionsCommand, { stateMachineArn: machineArn('settlement-batch'), statusFilter: status as ExecutionStatus });

describe('Step Functions state machine collector', () => {
  it('reads every page of state machines and normalises a machine with its recent failures exactly', async () => {
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine);
    expect(sfn.commandCalls(ListStateMachinesCommand)).toHaveLength(3);
    expect(resources.map((r) => r.id).sort()).toEqual(Object.keys(MACHINES).sort());
    expect(byId(resources, 'settlement-batch')).toEqual({
      arn: machineArn('settlement-batch'),
      type: 'AWS::StepFunctions::StateMachine',
      accountId: ACCOUNT,
      region: REGION,
      id: 'settlement-batch',
      name: 'settlement-batch',
      tags: { owner: 'payments', environment: 'production' },
      createdAt: '2025-04-01T12:00:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        machineType: 'STANDARD',
        status: 'ACTIVE',
        recentFailedExecutions: [
          { executionArn: executionArn('settlement-batch', 'f1'), status: 'FAILED', stopDate: ago(0.5).toISOString() },
          { executionArn: executionArn('settlement-batch', 't1'), status: 'TIMED_OUT', stopDate: ago(2).toISOString() },
          { executionArn: executionArn('settlement-batch', 'a1'), status: 'ABORTED', stopDate: ago(2.5).toISOString() },
          { executionArn: executionArn('settlement-batch', 'a2'), status: 'ABORTED', stopDate: ago(3.5).toISOString() },
          { executionArn: executionArn('settlement-batch', 'a3'), status: 'ABORTED', stopDate: ago(4.5).toISOString() },
          { executionArn: executionArn('settlement-batch', 'f2'), status: 'FAILED', stopDate: ago(12.5).toISOString() },
          { executionArn: executionArn('settlement-batch', 'f3'), status: 'FAILED', stopDate: ago(22.9).toISOString() },
        ],
      },
    });
    // The express machine's executions are not listed; coverage says so (see the next test).
    expect(coverage.map((entry) => entry.error.code)).toEqual(['NotReported']);
  });

  it('stops paging once a page reaches executions started before the 24-hour window', async () => {
    await runCollector(stepFunctionsStateMachine);
    // FAILED: page 2 holds f4, started 25 h ago; page 3 is never asked for.
    expect(listCalls('FAILED').map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'FAILED-1']);
    // TIMED_OUT: the first page already holds an execution started 72 h ago.
    expect(listCalls('TIMED_OUT')).toHaveLength(1);
    // ABORTED: every page is inside the window.
    expect(listCalls('ABORTED').map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'ABORTED-1', 'ABORTED-2']);
  });

  it('an EXPRESS machine has no listed executions: unknown, and coverage says why', async () => {
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine);
    expect(sfn.commandCalls(ListExecutionsCommand, { stateMachineArn: machineArn('events-express') })).toHaveLength(0);
    const express = byId(resources, 'events-express');
    expect(express.config).toEqual({ machineType: 'EXPRESS', status: 'ACTIVE', recentFailedExecutions: unknown('NotReported: sfn:ListExecutions') });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'sfn',
        operation: 'ListExecutions',
        resourceType: 'AWS::StepFunctions::StateMachine',
        resourceArn: machineArn('events-express'),
        error: { code: 'NotReported', message: expect.stringContaining('EXPRESS') },
        count: 1,
      },
    ]);
  });

  it('a machine without failures has none; one being deleted says so', async () => {
    const { resources } = await runCollector(stepFunctionsStateMachine);
    expect(byId(resources, 'quiet-workflow').config.recentFailedExecutions).toEqual([]);
    expect(byId(resources, 'quiet-workflow').tags).toEqual({});
    expect(byId(resources, 'retired-workflow').config.status).toBe('DELETING');
  });

  it('describes without the definition, which needs no kms:Decrypt', async () => {
    await runCollector(stepFunctionsStateMachine);
    for (const call of sfn.commandCalls(DescribeStateMachineCommand)) expect(call.args[0].input.includedData).toBe('METADATA_ONLY');
  });

  it('AccessDenied on one listing of executions: the failures are unknown, coverage names the machine, the rest is collected', async () => {
    sfn
      .on(ListExecutionsCommand, { stateMachineArn: machineArn('settlement-batch'), statusFilter: 'TIMED_OUT' })
      .rejects(accessDenied('states:ListExecutions'));
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine);
    const machine = byId(resources, 'settlement-batch');
    expect(machine.config.recentFailedExecutions).toEqual(unknown('AccessDeniedException: sfn:ListExecutions'));
    expect(machine.tags).toMatchObject({ owner: 'payments' });
    expect(byId(resources, 'quiet-workflow').config.recentFailedExecutions).toEqual([]);
    expect(coverage).toContainEqual({
      accountId: ACCOUNT,
      region: REGION,
      service: 'sfn',
      operation: 'ListExecutions',
      resourceType: 'AWS::StepFunctions::StateMachine',
      resourceArn: machineArn('settlement-batch'),
      error: { code: 'AccessDeniedException', message: expect.stringContaining('states:ListExecutions') },
      count: 1,
    });
  });

  it('a failing later page of executions makes the failures unknown, not short', async () => {
    sfn
      .on(ListExecutionsCommand, { stateMachineArn: machineArn('settlement-batch'), statusFilter: 'ABORTED', nextToken: 'ABORTED-2' })
      .rejects(new SFNServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }));
    const { resources } = await runCollector(stepFunctionsStateMachine);
    expect(byId(resources, 'settlement-batch').config.recentFailedExecutions).toEqual(unknown('ThrottlingException: sfn:ListExecutions'));
  });

  it('a machine deleted between the listing and DescribeStateMachine is left out and named in coverage', async () => {
    sfn.on(ListStateMachinesCommand).resolves({
      stateMachines: [{ stateMachineArn: machineArn('gone'), name: 'gone', type: 'STANDARD', creationDate: new Date('2025-01-01T00:00:00Z') }],
      $metadata,
    });
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine);
    expect(resources).toEqual([]);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeStateMachine',
        resourceArn: machineArn('gone'),
        error: expect.objectContaining({ code: 'StateMachineDoesNotExist' }),
      }),
    ]);
  });

  it('tags that cannot be read are unknown', async () => {
    sfn.on(ListTagsForResourceCommand).rejects(accessDenied('states:ListTagsForResource'));
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine);
    for (const r of resources) expect(r.tags).toEqual(unknown('AccessDeniedException: sfn:ListTagsForResource'));
    expect(coverage).toContainEqual(expect.objectContaining({ operation: 'ListTagsForResource', count: 4 }));
  });

  it('runs only the operations the selected fields need; the other fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(stepFunctionsStateMachine, { fields: ['status'] });
    expect(new Set(sentOperations(sfn.send.getCalls()))).toEqual(new Set(['ListStateMachines', 'DescribeStateMachine']));
    const machine = byId(resources, 'settlement-batch');
    expect(machine.config.recentFailedExecutions).toEqual(unknown('NotCollected: sfn:ListExecutions'));
    expect(machine.tags).toEqual(unknown('NotCollected: sfn:ListTagsForResource'));
    expect(byId(resources, 'events-express').config.recentFailedExecutions).toEqual(unknown('NotCollected: sfn:ListExecutions'));
    expect(coverage).toEqual([]);
  });
});
