/**
 * `AWS::StepFunctions::StateMachine`, per region: every state machine of ListStateMachines (all
 * pages), each described (type, status; unknown when it cannot be), then — as the selection asks — its tags and the
 * executions that ended FAILED, TIMED_OUT or ABORTED in the 24 hours before the collection clock.
 *
 * ListExecutions has no date filter: one listing per status, newest first, read page by page
 * until a page reaches executions started before the window. An execution that started before the
 * window and ended inside it is found only on the pages read (a long wait that timed out may be
 * missed); reading every page of a busy machine's history instead would cost without bound.
 * EXPRESS state machines have no ListExecutions (their executions go to CloudWatch Logs): their
 * failed executions are unknown, and coverage says why.
 */
import {
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  type ExecutionListItem,
  type ExecutionStatus,
  type StateMachineListItem,
} from '@aws-sdk/client-sfn';
import type { Tags } from '../../../model/resource.js';
import type { StateMachineConfig } from '../../../model/types/stepfunctions/state-machine.js';
import type { Maybe, Unknown } from '../../../model/unknown.js';
import type { CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce, uniqueBy } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::StepFunctions::StateMachine'>;

const WINDOW_MS = 24 * 60 * 60 * 1000;
const FAILED_STATUSES: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

type FailedExecution = Exclude<StateMachineConfig['recentFailedExecutions'], Unknown>[number];

interface Machine {
  readonly arn: string;
  readonly name: string;
  readonly machineType: Maybe<StateMachineConfig['machineType']>;
  readonly status: Maybe<StateMachineConfig['status']>;
  readonly createdAt: string | null;
}

/** The machine as described; undefined when it was deleted since the listing (coverage names it). */
async function describe(ctx: Ctx, listed: StateMachineListItem): Promise<Machine | undefined> {
  const arn = listed.stateMachineArn;
  const name = listed.name;
  if (arn === undefined || name === undefined) return undefined;
  // METADATA_ONLY: a definition encrypted with a customer key would otherwise need kms:Decrypt.
  const outcome = await ctx.send(new DescribeStateMachineCommand({ stateMachineArn: arn, includedData: 'METADATA_ONLY' }));
  if (!outcome.ok) {
    const why = ctx.unknownOf(outcome, { arn });
    if (outcome.failure.code === 'StateMachineDoesNotExist') return undefined;
    // Listed but not described (denied, say): kept with what the listing tells.
    const listedType = listed.type === 'STANDARD' || listed.type === 'EXPRESS' ? listed.type : why;
    return { arn, name, machineType: listedType, status: why, createdAt: isoDate(listed.creationDate) };
  }
  const out = outcome.value;
  const machineType = out.type ?? listed.type;
  const status = out.status;
  const unexpected = (field: string, value: string | undefined) =>
    ctx.unreadable(outcome.call, UNEXPECTED_RESPONSE, `DescribeStateMachine returned ${field} ${String(value)}, which the model does not know`, { arn });
  return {
    arn,
    name: out.name ?? name,
    machineType: machineType === 'STANDARD' || machineType === 'EXPRESS' ? machineType : unexpected('type', machineType),
    status: status === 'ACTIVE' || status === 'DELETING' ? status : unexpected('status', status),
    createdAt: isoDate(out.creationDate ?? listed.creationDate),
  };
}

async function failedExecutions(ctx: Ctx, machine: Machine): Promise<StateMachineConfig['recentFailedExecutions']> {
  if (!ctx.runs('ListExecutions')) return ctx.notCollected('ListExecutions');
  if (machine.machineType === 'EXPRESS') {
    return ctx.unreadable(
      { service: 'sfn', operation: 'ListExecutions', region: ctx.region },
      'NotReported',
      'Step Functions does not list the executions of EXPRESS state machines; they are logged to CloudWatch Logs only',
      { arn: machine.arn },
    );
  }
  const now = ctx.now().getTime();
  const cutoff = now - WINDOW_MS;
  const startedBeforeWindow = (execution: ExecutionListItem | undefined) => execution?.startDate !== undefined && execution.startDate.getTime() < cutoff;
  const listings = await Promise.all(
    FAILED_STATUSES.map((statusFilter) =>
      readAllPages(ctx, {
        command: (token) =>
          new ListExecutionsCommand({ stateMachineArn: machine.arn, statusFilter, maxResults: 100, ...(token !== undefined ? { nextToken: token } : {}) }),
        items: (page) => page.executions,
        // Newest first: once a page reaches executions started before the window, later pages hold only older ones.
        next: (page) => ({ token: startedBeforeWindow(page.executions?.at(-1)) ? undefined : page.nextToken, truncated: false }),
        resource: { arn: machine.arn },
      }),
    ),
  );
  const failed = listings.find((listing) => listing.unknown !== undefined);
  if (failed?.unknown !== undefined) return failed.unknown;

  const recent: FailedExecution[] = [];
  for (const [index, listing] of listings.entries()) {
    for (const execution of listing.items) {
      const status = execution.status ?? FAILED_STATUSES[index];
      if (execution.executionArn === undefined || execution.stopDate === undefined || status === undefined) {
        return ctx.unreadable(
          { service: 'sfn', operation: 'ListExecutions', region: ctx.region },
          UNEXPECTED_RESPONSE,
          `ListExecutions returned a ${String(status)} execution without an ARN or stop date (${String(execution.executionArn ?? execution.name)})`,
          { arn: machine.arn },
        );
      }
      if (execution.stopDate.getTime() < cutoff) continue;
      recent.push({ executionArn: execution.executionArn, status, stopDate: execution.stopDate.toISOString() });
    }
  }
  return uniqueBy(recent, (e) => e.executionArn).sort((a, b) =>
    a.stopDate > b.stopDate ? -1 : a.stopDate < b.stopDate ? 1 : a.executionArn < b.executionArn ? -1 : 1,
  );
}

async function tags(ctx: Ctx, machine: Machine): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTagsForResource')) return ctx.notCollected('ListTagsForResource');
  // Not paginated: a state machine has at most 50 tags.
  const outcome = await ctx.send(new ListTagsForResourceCommand({ resourceArn: machine.arn }));
  if (!outcome.ok) return ctx.unknownOf(outcome, { arn: machine.arn });
  return tagMap(
    outcome.value.tags,
    (t) => t.key,
    (t) => t.value,
  );
}

export default defineCollector({
  resourceType: 'AWS::StepFunctions::StateMachine',
  service: 'sfn',
  scope: 'region',
  operations: [
    { operation: 'ListStateMachines', iamAction: 'states:ListStateMachines', fills: [], required: true, lists: true },
    { operation: 'DescribeStateMachine', iamAction: 'states:DescribeStateMachine', fills: ['machineType', 'status', 'createdAt'], required: true },
    { operation: 'ListExecutions', iamAction: 'states:ListExecutions', fills: ['recentFailedExecutions'] },
    { operation: 'ListTagsForResource', iamAction: 'states:ListTagsForResource', fills: ['tags'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new ListStateMachinesCommand({ maxResults: 1000, ...(token !== undefined ? { nextToken: token } : {}) }),
      items: (page) => page.stateMachines,
      next: (page) => ({ token: page.nextToken, truncated: false }),
    });
    await Promise.all(
      listedOnce(
        ctx,
        { service: 'sfn', operation: 'ListStateMachines', region: ctx.region },
        listed.items,
        (m) => (m.name === undefined ? undefined : m.stateMachineArn),
        'stateMachineArn or name',
      ).map((item) => collectMachine(ctx, item)),
    );
  },
});

async function collectMachine(ctx: Ctx, listed: StateMachineListItem): Promise<void> {
  const machine = await describe(ctx, listed);
  if (machine === undefined) return;
  const [recentFailed, machineTags] = await Promise.all([failedExecutions(ctx, machine), tags(ctx, machine)]);
  const resource = ctx.resource({
    arn: machine.arn,
    id: machine.name,
    tags: machineTags,
    config: { machineType: machine.machineType, status: machine.status, recentFailedExecutions: recentFailed },
    createdAt: machine.createdAt,
  });
  ctx.emit(resource);
}
