/**
 * Reports a state machine's failed executions of the last 24 hours (as collected) to the
 * recipients a bot param lists: per execution its ARN, the state it failed in and the error, read
 * from the execution's history, newest event first.
 */
import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction, type ReadAnswer } from './define-action.js';
import { RecipientsParam, recipientsFrom } from './recipients.js';

const MAX_EXECUTIONS = 10;

export default defineAction({
  id: 'sfn-report-failures',
  title: "Report a state machine's failed executions with the failed state and the error",
  resourceType: 'AWS::StepFunctions::StateMachine',
  options: Type.Object({ recipients: Type.String(RecipientsParam) }, { additionalProperties: false }),
  permissions: ['states:GetExecutionHistory'],
  destructive: false,
  recordsOnly: true,
  reads: (machine) => {
    const failed = machine.config.recentFailedExecutions;
    if (isUnknown(failed)) return [];
    return failed.slice(0, MAX_EXECUTIONS).map((execution) => ({
      service: 'sfn' as const,
      operation: 'GetExecutionHistory',
      input: { executionArn: execution.executionArn, reverseOrder: true, maxResults: 25 },
      permission: 'states:GetExecutionHistory',
    }));
  },
  plan(machine, { options, params, answers }) {
    const failed = machine.config.recentFailedExecutions;
    if (isUnknown(failed)) return { kind: 'refused', summary: `the failed executions could not be read (${failed.$unknown})` };
    if (failed.length === 0) return { kind: 'in-desired-state', summary: 'no execution failed in the last 24 hours' };
    const to = recipientsFrom(params, options.recipients);
    if (typeof to === 'string') return { kind: 'refused', summary: to };
    const lines = failed.slice(0, MAX_EXECUTIONS).map((execution, index) => {
      const { state, error } = failure(answers[index]);
      return `${execution.executionArn} ${execution.status} at ${execution.stopDate}: failed in state ${state} with ${error}`;
    });
    const more = failed.length > MAX_EXECUTIONS ? ` (and ${failed.length - MAX_EXECUTIONS} more)` : '';
    const message = `State machine ${machine.name}: ${failed.length} failed executions in the last 24 hours${more}.\n${lines.join('\n')}`;
    return { kind: 'record', summary: `report ${failed.length} failed executions to ${to.join(', ')}`, records: [{ kind: 'notify', message, to }] };
  },
});

type HistoryEvent = Record<string, { name?: string; error?: string; cause?: string } | undefined>;

/** The state the execution failed in and its error, from its history read newest first. */
function failure(answer: ReadAnswer | undefined): { state: string; error: string } {
  if (answer === undefined || !answer.ok)
    return { state: '(unknown)', error: `(the history could not be read${answer?.ok === false ? `: ${answer.error}` : ''})` };
  const events = (Array.isArray(answer.value['events']) ? answer.value['events'] : []) as HistoryEvent[];
  const entered = events.find((e) => e['stateEnteredEventDetails']?.name !== undefined);
  const details = [
    'executionFailedEventDetails',
    'executionTimedOutEventDetails',
    'executionAbortedEventDetails',
    'taskFailedEventDetails',
    'lambdaFunctionFailedEventDetails',
  ]
    .map((key) => events.find((e) => e[key] !== undefined)?.[key])
    .find((d) => d !== undefined);
  const error =
    details === undefined ? '(no error recorded)' : `${details.error ?? 'an error'}${details.cause === undefined ? '' : ` (${details.cause.slice(0, 300)})`}`;
  return { state: entered?.['stateEnteredEventDetails']?.name ?? '(unknown)', error };
}
