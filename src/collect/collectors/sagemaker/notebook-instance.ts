/**
 * `AWS::SageMaker::NotebookInstance`, per region: every notebook of ListNotebookInstances (all
 * pages), each described — its network placement, root access and volume key — and, as the
 * selection asks, its tags. A notebook DescribeNotebookInstance cannot read is kept with what the
 * listing says (status, instance type) and the rest unknown, never null (null would claim "not in
 * a VPC"); coverage names it.
 */
import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  ListTagsCommand,
  type DescribeNotebookInstanceOutput,
  type NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import { arnFor } from '../../../model/arn.js';
import type { CollectedConfig, Tags } from '../../../model/resource.js';
import type { SageMakerNotebookConfig } from '../../../model/types/sagemaker/notebook-instance.js';
import { isUnknown, type Maybe, type Unknown } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../contract/collect-context.js';
import { defineCollector } from '../../contract/collector.js';
import { isoDate, tagMap, listedOnce } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { reported } from '../../contract/reported.js';
import { UNEXPECTED_RESPONSE } from '../../contract/read-problem.js';

type Ctx = CollectContext<'AWS::SageMaker::NotebookInstance'>;

function enabledOrDisabled(ctx: Ctx, call: CallRef, value: string | undefined, field: string, arn: string): Maybe<'Enabled' | 'Disabled'> {
  if (value === 'Enabled' || value === 'Disabled') return value;
  return ctx.unreadable(call, UNEXPECTED_RESPONSE, `DescribeNotebookInstance returned ${field} ${String(value)}`, { arn });
}

async function tags(ctx: Ctx, arn: string): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTags')) return ctx.notCollected('ListTags');
  const pages = await readAllPages(ctx, {
    command: (token) => new ListTagsCommand({ ResourceArn: arn, MaxResults: 100, ...(token !== undefined ? { NextToken: token } : {}) }),
    items: (page) => page.Tags,
    next: (page) => ({ token: page.NextToken, truncated: false }),
    resource: { arn },
  });
  return (
    pages.unknown ??
    tagMap(
      pages.items,
      (t) => t.Key,
      (t) => t.Value,
    )
  );
}

export default defineCollector({
  resourceType: 'AWS::SageMaker::NotebookInstance',
  service: 'sagemaker',
  scope: 'region',
  operations: [
    { operation: 'ListNotebookInstances', iamAction: 'sagemaker:ListNotebookInstances', fills: [], required: true, lists: true },
    {
      operation: 'DescribeNotebookInstance',
      iamAction: 'sagemaker:DescribeNotebookInstance',
      fills: ['status', 'instanceType', 'directInternetAccess', 'rootAccess', 'kmsKeyId', 'subnetId', 'lastModifiedTime', 'createdAt'],
      required: true,
    },
    { operation: 'ListTags', iamAction: 'sagemaker:ListTags', fills: ['tags'] },
  ],
  async collect(ctx) {
    const listed = await readAllPages(ctx, {
      command: (token) => new ListNotebookInstancesCommand({ MaxResults: 100, ...(token !== undefined ? { NextToken: token } : {}) }),
      items: (page) => page.NotebookInstances,
      next: (page) => ({ token: page.NextToken, truncated: false }),
    });
    await Promise.all(
      listedOnce(
        ctx,
        { service: 'sagemaker', operation: 'ListNotebookInstances', region: ctx.region },
        listed.items,
        (n) => n.NotebookInstanceName,
        'NotebookInstanceName',
      ).map((summary) => collectNotebook(ctx, summary)),
    );
  },
});

async function collectNotebook(ctx: Ctx, summary: NotebookInstanceSummary): Promise<void> {
  const name = summary.NotebookInstanceName;
  if (name === undefined) return;
  const listedArn = summary.NotebookInstanceArn ?? arnFor('AWS::SageMaker::NotebookInstance', ctx.accountId, ctx.region, name, ctx.partition);
  const outcome = await ctx.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));
  if (!outcome.ok && outcome.failure.code === 'ValidationException' && /RecordNotFound|does not exist/i.test(outcome.failure.message)) {
    // Deleted since the listing: nothing left to judge; coverage names it.
    ctx.unknownOf(outcome, { arn: listedArn });
    return;
  }
  const call: CallRef = outcome.call;
  const arn = (outcome.ok ? outcome.value.NotebookInstanceArn : undefined) ?? listedArn;
  // Listed but not described (denied, say): what the listing tells is kept, the rest is unknown.
  const out: DescribeNotebookInstanceOutput | Unknown = outcome.ok ? outcome.value : ctx.unknownOf(outcome, { arn });
  const described = <V>(read: (out: DescribeNotebookInstanceOutput) => Maybe<V>): Maybe<V> => (isUnknown(out) ? out : read(out));
  const config: CollectedConfig<SageMakerNotebookConfig> = {
    status: reported(ctx, call, (isUnknown(out) ? undefined : out.NotebookInstanceStatus) ?? summary.NotebookInstanceStatus, 'NotebookInstanceStatus', { arn }),
    instanceType: reported(ctx, call, (isUnknown(out) ? undefined : out.InstanceType) ?? summary.InstanceType, 'InstanceType', { arn }),
    directInternetAccess: described((o) => enabledOrDisabled(ctx, call, o.DirectInternetAccess, 'DirectInternetAccess', arn)),
    rootAccess: described((o) => enabledOrDisabled(ctx, call, o.RootAccess, 'RootAccess', arn)),
    // No customer-managed key given for the ML storage volume.
    kmsKeyId: described((o) => o.KmsKeyId ?? null),
    subnetId: described((o) => o.SubnetId ?? null),
    lastModifiedTime:
      isUnknown(out) && summary.LastModifiedTime === undefined ? out : isoDate((isUnknown(out) ? undefined : out.LastModifiedTime) ?? summary.LastModifiedTime),
  };
  const created = isoDate((isUnknown(out) ? undefined : out.CreationTime) ?? summary.CreationTime);
  const resource = ctx.resource({
    arn,
    id: name,
    tags: await tags(ctx, arn),
    config,
    createdAt: created,
  });
  ctx.emit(resource);
}
