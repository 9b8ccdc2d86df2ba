import { expect, it } from 'vitest';
import { stateMachine } from '../../../src/model/builders.js';
import { unknown } from '../../../src/model/unknown.js';
import { describeEachEngine } from '../../store/support/engines.js';
import { CatalogueAccount, DEV, outbox, PROD } from './catalogue-world.js';

const NOW = '2026-12-07T08:00:00Z';
const execution = (accountId: string, machine: string, name: string) => `arn:aws:states:eu-west-1:${accountId}:execution:${machine}:${name}`;
const machine = (accountId: string, id: string, failed: ReturnType<typeof unknown> | { executionArn: string; status: string; stopDate: string }[]) =>
  stateMachine(
    { recentFailedExecutions: failed },
    { accountId, region: 'eu-west-1', id, name: id, arn: `arn:aws:states:eu-west-1:${accountId}:stateMachine:${id}` },
  );

function world() {
  const account = new CatalogueAccount([
    machine(DEV, 'etl', [{ executionArn: execution(DEV, 'etl', 'run-1'), status: 'FAILED', stopDate: '2026-12-07T02:00:00Z' }]),
    machine(PROD, 'settlement', [{ executionArn: execution(PROD, 'settlement', 'run-9'), status: 'TIMED_OUT', stopDate: '2026-12-07T03:00:00Z' }]),
    machine(PROD, 'quiet', []),
    machine(PROD, 'denied', unknown('AccessDeniedException: states:ListExecutions')),
  ]);
  // GetExecutionHistory with reverseOrder: the newest event first.
  account.histories.set(execution(DEV, 'etl', 'run-1'), [
    {
      timestamp: new Date('2026-12-07T02:00:00Z'),
      type: 'ExecutionFailed',
      id: 7,
      previousEventId: 6,
      executionFailedEventDetails: { error: 'States.TaskFailed', cause: 'Lambda timed out' },
    },
    {
      timestamp: new Date('2026-12-07T01:59:00Z'),
      type: 'TaskFailed',
      id: 6,
      previousEventId: 5,
      taskFailedEventDetails: { error: 'States.TaskFailed', cause: 'Lambda timed out', resource: 'invoke', resourceType: 'lambda' },
    },
    {
      timestamp: new Date('2026-12-07T01:58:00Z'),
      type: 'TaskStateEntered',
      id: 4,
      previousEventId: 3,
      stateEnteredEventDetails: { name: 'LoadWarehouse', input: '{}' },
    },
  ]);
  account.histories.set(execution(PROD, 'settlement', 'run-9'), [
    {
      timestamp: new Date('2026-12-07T03:00:00Z'),
      type: 'ExecutionTimedOut',
      id: 5,
      previousEventId: 4,
      executionTimedOutEventDetails: { error: 'States.Timeout' },
    },
    {
      timestamp: new Date('2026-12-07T02:00:00Z'),
      type: 'TaskStateEntered',
      id: 3,
      previousEventId: 2,
      stateEnteredEventDetails: { name: 'PostLedger', input: '{}' },
    },
  ]);
  return account;
}

describeEachEngine('step-function-failures', (engine) => {
  it("tells development accounts' developers and production accounts' operations, with the execution, the failed state and the error", async () => {
    const store = await engine.store();
    const account = world();
    const { plan } = await account.run(store, 'step-function-failures', { mode: 'enforce', now: NOW });
    expect(plan.resources.map((r) => r.name)).toEqual(['etl', 'settlement']);
    expect(account.mutating).toEqual([]);
    const messages = (await outbox(store)).map((m) => [m.payload['to'], m.payload['message']]);
    expect(messages).toEqual([
      [
        ['#dev-alerts'],
        `State machine etl: 1 failed executions in the last 24 hours.\n${execution(DEV, 'etl', 'run-1')} FAILED at 2026-12-07T02:00:00Z: failed in state LoadWarehouse with States.TaskFailed (Lambda timed out)`,
      ],
      [
        ['#ops-alerts'],
        `State machine settlement: 1 failed executions in the last 24 hours.\n${execution(PROD, 'settlement', 'run-9')} TIMED_OUT at 2026-12-07T03:00:00Z: failed in state PostLedger with States.Timeout`,
      ],
    ]);
    await account.run(store, 'step-function-failures', { mode: 'enforce', now: '2026-12-07T09:00:00Z' });
    expect(await outbox(store)).toHaveLength(2);
  });
});
