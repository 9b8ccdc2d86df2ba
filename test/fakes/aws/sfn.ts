/**
 * Step Functions (JSON 1.0, `AWSStepFunctions.*`): ListStateMachines, DescribeStateMachine
 * (metadata only), ListExecutions by status (newest first, `nextToken`) and a machine's tags.
 * EXPRESS machines have no executions to list: Step Functions refuses the call.
 */
import type { StateMachine, SyntheticAccount } from './account.js';
import { epoch, jsonError, jsonInput, jsonOperation, jsonReply, page, pageSize, type ServiceHandler } from './wire.js';

interface Input {
  stateMachineArn?: string;
  resourceArn?: string;
  statusFilter?: string;
  maxResults?: number;
  nextToken?: string;
}

export function sfn(account: SyntheticAccount): ServiceHandler {
  return (request, region) => {
    const input = jsonInput<Input>(request);
    const machines = account.stateMachines.filter((m) => m.region === region);
    const arn = (m: StateMachine) => `arn:aws:states:${region}:${account.accountId}:stateMachine:${m.name}`;
    const operation = jsonOperation(request);
    const reply = (body: unknown) => jsonReply(body, '1.0');
    if (operation === 'ListStateMachines') {
      const { items, next } = page(machines, input.nextToken, pageSize(input.maxResults, 100, 1000));
      return reply({
        stateMachines: items.map((m) => ({ stateMachineArn: arn(m), name: m.name, type: m.type, creationDate: epoch(m.createdAt) })),
        ...(next !== undefined ? { nextToken: next } : {}),
      });
    }
    const wanted = input.stateMachineArn ?? input.resourceArn;
    const machine = machines.find((m) => arn(m) === wanted);
    if (machine === undefined) return jsonError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${String(wanted)}'`, '1.0');
    switch (operation) {
      case 'DescribeStateMachine':
        return reply({
          stateMachineArn: arn(machine),
          name: machine.name,
          status: 'ACTIVE',
          roleArn: `arn:aws:iam::${account.accountId}:role/service-role/StepFunctions-${machine.name}`,
          type: machine.type,
          creationDate: epoch(machine.createdAt),
          loggingConfiguration: { level: 'OFF', includeExecutionData: false },
          tracingConfiguration: { enabled: false },
        });
      case 'ListExecutions': {
        if (machine.type === 'EXPRESS')
          return jsonError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine', '1.0');
        const matching = machine.failures.filter((f) => input.statusFilter === undefined || f.status === input.statusFilter);
        const { items, next } = page(matching, input.nextToken, pageSize(input.maxResults, 100, 1000));
        return reply({
          executions: items.map((f) => ({
            executionArn: `arn:aws:states:${region}:${account.accountId}:execution:${machine.name}:${f.name}`,
            stateMachineArn: arn(machine),
            name: f.name,
            status: f.status,
            startDate: epoch(f.startedAt),
            stopDate: epoch(f.stoppedAt),
          })),
          ...(next !== undefined ? { nextToken: next } : {}),
        });
      }
      case 'ListTagsForResource':
        return reply({ tags: Object.entries(machine.tags).map(([key, value]) => ({ key, value })) });
      default:
        return jsonError('UnknownOperationException', `the fake Step Functions does not answer ${operation}`, '1.0');
    }
  };
}
