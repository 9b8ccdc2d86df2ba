/**
 * `AWS::SageMaker::NotebookInstance`, per region: every notebook of ListNotebookInstances (all
 * pages), each described — its network placement, root access and volume key — and, as the
 * selection asks, its tags. A notebook DescribeNotebookInstance cannot read is left out and named in
 * coverage: the model has no notebook without its subnet (null would claim "not in a VPC").
 */
import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  ListTagsCommand,
  type DescribeNotebookInstanceOutput,
  type NotebookInstanceSummary,
} from '@aws-sdk/client-sagemaker';
import { arnFor } from '../../../model/arn.js';
import type { Resource, Tags } from '../../../model/resource.js';
import type { SageMakerNotebookConfig } from '../../../model/types/other.js';
import type { Maybe } from '../../../model/unknown.js';
import type { CallRef, CollectContext } from '../../collect-context.js';
import { defineCollector } from '../../collector.js';
import { isoDate, tagMap, uniqueBy } from '../../normalise.js';
import { readAllPages } from '../../paginate.js';

type Ctx = CollectContext<'AWS::SageMaker::NotebookInstance'>;

const UNEXPECTED = 'UnexpectedResponse';

function enabledOrDisabled(
  ctx: Ctx,
  call: CallRef,
  value: string | undefined,
  field: string,
  arn: string,
): Maybe<'Enabled' | 'Disabled'> {
  if (value === 'Enabled' || value === 'Disabled') return value;
  return ctx.unreadable(call, UNEXPECTED, `DescribeNotebookInstance returned ${field} ${String(value)}`, { arn });
}

async function tags(ctx: Ctx, arn: string): Promise<Maybe<Tags>> {
  if (!ctx.runs('ListTags')) return ctx.notCollected('ListTags');
  const pages = await readAllPages(ctx, {
    command: (token) => new ListTagsCommand({ ResourceArn: arn, MaxResults: 100, ...(token !== undefined ? { NextToken: token } : {}) }),
    items: (page) => page.Tags,
    next: (page) => ({ token: page.NextToken, truncated: false }),
    resource: { arn },
  });
  return pages.unknown ?? tagMap(pages.items, (t) => t.Key, (t) => t.Value);
}

export default defineCollector({
  resourceType: 'AWS::SageMaker::NotebookInstance',
  service: 'sagemaker',
  scope: 'region',
  operations: [
    { operation: 'ListNotebookInstances', iamAction: 'sagemaker:ListNotebookInstances', fills: [], required: true },
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
    await Promise.all(uniqueBy(listed.items, (n) => n.NotebookInstanceName).map((summary) => collectNotebook(ctx, summary)));
  },
});

async function collectNotebook(ctx: Ctx, summary: NotebookInstanceSummary): Promise<void> {
  const name = summary.NotebookInstanceName;
  if (name === undefined) return;
  const listedArn = summary.NotebookInstanceArn ?? arnFor('AWS::SageMaker::NotebookInstance', ctx.accountId, ctx.region, name, ctx.partition);
  const outcome = await ctx.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));
  if (!outcome.ok) {
    // ValidationException "RecordNotFound": deleted since the listing. Either way the notebook cannot be modelled.
    ctx.unknownOf(outcome, { arn: listedArn });
    return;
  }
  const out: DescribeNotebookInstanceOutput = outcome.value;
  const arn = out.NotebookInstanceArn ?? listedArn;
  const status = out.NotebookInstanceStatus ?? summary.NotebookInstanceStatus;
  const instanceType = out.InstanceType ?? summary.InstanceType;
  if (status === undefined || instanceType === undefined) {
    ctx.unreadable(outcome.call, UNEXPECTED, 'DescribeNotebookInstance returned no status or instance type; the notebook is left out', { arn });
    return;
  }
  const config: SageMakerNotebookConfig = {
    status,
    instanceType,
    directInternetAccess: enabledOrDisabled(ctx, outcome.call, out.DirectInternetAccess, 'DirectInternetAccess', arn),
    rootAccess: enabledOrDisabled(ctx, outcome.call, out.RootAccess, 'RootAccess', arn),
    // No customer-managed key given for the ML storage volume.
    kmsKeyId: out.KmsKeyId ?? null,
    subnetId: out.SubnetId ?? null,
    lastModifiedTime: isoDate(out.LastModifiedTime ?? summary.LastModifiedTime),
  };
  const resource: Resource<'AWS::SageMaker::NotebookInstance'> = {
    arn,
    type: 'AWS::SageMaker::NotebookInstance',
    accountId: ctx.accountId,
    region: ctx.region,
    id: name,
    name,
    tags: await tags(ctx, arn),
    source: 'api',
    observedAt: ctx.now().toISOString(),
    config,
  };
  const created = isoDate(out.CreationTime ?? summary.CreationTime);
  if (created !== null) resource.createdAt = created;
  ctx.emit(resource);
}
