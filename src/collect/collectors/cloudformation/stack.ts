/**
 * `AWS::CloudFormation::Stack`, per region: every stack of DescribeStacks (all pages), which
 * already carries status, termination protection and tags — one call a page, none per stack.
 * Deleted stacks are not returned without their stack id; one that is anyway is skipped. The id is
 * `<name>/<uuid>` from the StackId, so the ARN of the id is the StackId itself.
 */
import { DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { reported } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::CloudFormation::Stack'>;

/** `arn:aws:cloudformation:eu-west-1:111122223333:stack/network/0a1b…` → `network/0a1b…`. */
export function stackIdOf(stackArn: string): string | undefined {
  const match = /^arn:[^:]+:cloudformation:[^:]*:[0-9]{12}:stack\/([^/]+\/[^/]+)$/.exec(stackArn);
  return match?.[1];
}

export default defineCollector({
  resourceType: 'AWS::CloudFormation::Stack',
  service: 'cloudformation',
  scope: 'region',
  operations: [
    {
      operation: 'DescribeStacks',
      iamAction: 'cloudformation:DescribeStacks',
      // Without a stack name, DescribeStacks needs ListStacks as well (AWS CloudFormation API reference).
      alsoRequires: ['cloudformation:ListStacks'],
      fills: ['stackId', 'status', 'statusReason', 'lastUpdatedTime', 'terminationProtection', 'name', 'tags', 'createdAt'],
      required: true,
      lists: true,
    },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new DescribeStacksCommand(token !== undefined ? { NextToken: token } : {}),
      items: (page) => page.Stacks,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    const call: CallRef = { service: 'cloudformation', operation: 'DescribeStacks', region: ctx.region };
    for (const stack of listedOnce(ctx, call, listed.items, (s) => s.StackId, 'StackId')) collectStack(ctx, stack, call);
  },
});

function collectStack(ctx: Ctx, stack: Stack, call: CallRef): void {
  if (stack.StackStatus === 'DELETE_COMPLETE') return;
  const arn = stack.StackId;
  const id = arn === undefined ? undefined : stackIdOf(arn);
  const name = stack.StackName;
  if (arn === undefined || id === undefined || name === undefined) {
    // The stack id and name are its identity: without them there is no resource to keep a finding on.
    ctx.unreadable(
      call,
      UNEXPECTED_RESPONSE,
      `DescribeStacks returned a stack without a well-formed StackId or StackName (${String(arn ?? name)}); it is left out`,
      {
        ...(arn !== undefined ? { arn } : {}),
      },
    );
    return;
  }
  const created = isoDate(stack.CreationTime);
  const resource = ctx.resource({
    arn,
    id,
    name,
    tags: tagMap(
      stack.Tags,
      (t) => t.Key,
      (t) => t.Value,
    ),
    config: {
      stackId: id,
      status: reported(ctx, call, stack.StackStatus, 'StackStatus', { arn }),
      statusReason: stack.StackStatusReason ?? null,
      lastUpdatedTime: isoDate(stack.LastUpdatedTime),
      // Termination protection is off unless enabled (nested stacks carry their root's setting).
      terminationProtection: stack.EnableTerminationProtection ?? false,
    },
    createdAt: created,
  });
  ctx.emit(resource);
}
