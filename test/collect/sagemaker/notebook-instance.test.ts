/**
 * The SageMaker notebook instance collector against a mocked SageMaker: responses shaped as the
 * SageMaker API reference documents them, errors as the SDK's service exceptions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  ListTagsCommand,
  SageMakerClient,
  SageMakerServiceException,
  type DescribeNotebookInstanceOutput,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import sageMakerNotebookInstance from '../../../src/collect/collectors/sagemaker/notebook-instance.js';
import { unknown } from '../../../src/model/unknown.js';
import { ACCOUNT, byId, OBSERVED_AT, runCollector, sentOperations } from '../support/harness.js';

const REGION = 'eu-west-1';
const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const arn = (name: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/${name.toLowerCase()}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function described(name: string, overrides: Partial<DescribeNotebookInstanceOutput> = {}): DescribeNotebookInstanceOutput {
  return {
    NotebookInstanceArn: arn(name),
    NotebookInstanceName: name,
    NotebookInstanceStatus: 'InService',
    Url: `${name.toLowerCase()}.notebook.${REGION}.sagemaker.aws`,
    InstanceType: 'ml.t3.medium',
    SubnetId: 'subnet-0123456789abcdef0',
    SecurityGroups: ['sg-0123456789abcdef0'],
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole`,
    KmsKeyId: KEY,
    NetworkInterfaceId: 'eni-0123456789abcdef0',
    LastModifiedTime: new Date('2026-02-20T14:00:00Z'),
    CreationTime: new Date('2025-11-03T09:15:00Z'),
    DirectInternetAccess: 'Disabled',
    VolumeSizeInGB: 5,
    RootAccess: 'Disabled',
    PlatformIdentifier: 'notebook-al2-v2',
    InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    ...overrides,
  };
}

const NOTEBOOKS: Record<string, DescribeNotebookInstanceOutput> = {
  'Risk-Analysis': described('Risk-Analysis'),
  scratch: described('scratch', {
    NotebookInstanceStatus: 'Stopped',
    InstanceType: 'ml.t3.large',
    SubnetId: undefined,
    SecurityGroups: undefined,
    NetworkInterfaceId: undefined,
    KmsKeyId: undefined,
    DirectInternetAccess: 'Enabled',
    RootAccess: 'Enabled',
  }),
  'fraud-model': described('fraud-model', { InstanceType: 'ml.m5.xlarge' }),
  'churn-lab': described('churn-lab'),
};

/** ListNotebookInstances in three pages. */
const PAGES: { names: string[]; next?: string }[] = [
  { names: ['Risk-Analysis', 'scratch'], next: 'token-1' },
  { names: ['fraud-model'], next: 'token-2' },
  { names: ['churn-lab'] },
];

const TAGS: Record<string, Tag[][]> = {
  [arn('Risk-Analysis')]: [[{ Key: 'owner', Value: 'risk' }], [{ Key: 'environment', Value: 'production' }], [{ Key: 'cost-center', Value: 'cc-200' }]],
};

const sagemaker = mockClient(SageMakerClient);

function summary(notebook: DescribeNotebookInstanceOutput) {
  return {
    NotebookInstanceName: notebook.NotebookInstanceName,
    NotebookInstanceArn: notebook.NotebookInstanceArn,
    NotebookInstanceStatus: notebook.NotebookInstanceStatus,
    Url: notebook.Url,
    InstanceType: notebook.InstanceType,
    CreationTime: notebook.CreationTime,
    LastModifiedTime: notebook.LastModifiedTime,
  };
}

function standardSageMaker(): void {
  sagemaker.on(ListNotebookInstancesCommand).callsFake((input: { NextToken?: string }) => {
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('token-', ''));
    const page = PAGES[index];
    if (page === undefined) throw new Error(`unexpected token ${input.NextToken}`);
    return {
      NotebookInstances: page.names.map((name) => summary(NOTEBOOKS[name] as DescribeNotebookInstanceOutput)),
      ...(page.next !== undefined ? { NextToken: page.next } : {}),
      $metadata,
    };
  });
  sagemaker.on(DescribeNotebookInstanceCommand).callsFake((input: { NotebookInstanceName: string }) => {
    const found = NOTEBOOKS[input.NotebookInstanceName];
    if (found === undefined) {
      throw new SageMakerServiceException({ name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'RecordNotFound' });
    }
    return { ...found, $metadata };
  });
  sagemaker.on(ListTagsCommand).callsFake((input: { ResourceArn: string; NextToken?: string }) => {
    const pages = TAGS[input.ResourceArn] ?? [[]];
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken);
    const last = index === pages.length - 1;
    return { Tags: pages[index], ...(last ? {} : { NextToken: String(index + 1) }), $metadata };
  });
}

beforeEach(() => {
  sagemaker.reset();
  standardSageMaker();
});

afterEach(() => {
  sagemaker.reset();
});

describe('SageMaker notebook instance collector', () => {
  it('reads every page of notebooks and tags and normalises a notebook exactly', async () => {
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance);
    expect(coverage).toEqual([]);
    expect(sagemaker.commandCalls(ListNotebookInstancesCommand)).toHaveLength(3);
    expect(sagemaker.commandCalls(ListTagsCommand, { ResourceArn: arn('Risk-Analysis') })).toHaveLength(3);
    expect(resources.map((r) => r.id).sort()).toEqual(Object.keys(NOTEBOOKS).sort());
    expect(byId(resources, 'Risk-Analysis')).toEqual({
      arn: arn('Risk-Analysis'),
      type: 'AWS::SageMaker::NotebookInstance',
      accountId: ACCOUNT,
      region: REGION,
      id: 'Risk-Analysis',
      name: 'Risk-Analysis',
      tags: { owner: 'risk', environment: 'production', 'cost-center': 'cc-200' },
      createdAt: '2025-11-03T09:15:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        status: 'InService',
        instanceType: 'ml.t3.medium',
        directInternetAccess: 'Disabled',
        rootAccess: 'Disabled',
        kmsKeyId: KEY,
        subnetId: 'subnet-0123456789abcdef0',
        lastModifiedTime: '2026-02-20T14:00:00.000Z',
      },
    });
  });

  it('a notebook without a KMS key or subnet has null for both, not unknown', async () => {
    const { resources } = await runCollector(sageMakerNotebookInstance);
    expect(byId(resources, 'scratch').config).toEqual({
      status: 'Stopped',
      instanceType: 'ml.t3.large',
      directInternetAccess: 'Enabled',
      rootAccess: 'Enabled',
      kmsKeyId: null,
      subnetId: null,
      lastModifiedTime: '2026-02-20T14:00:00.000Z',
    });
    expect(byId(resources, 'scratch').tags).toEqual({});
  });

  it('AccessDenied on one notebook’s tags: its tags are unknown, coverage names it, the rest is collected', async () => {
    sagemaker.on(ListTagsCommand, { ResourceArn: arn('fraud-model') }).rejects(
      new SageMakerServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: sagemaker:ListTags on resource: ${arn('fraud-model')}`,
      }),
    );
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance);
    expect(byId(resources, 'fraud-model').tags).toEqual(unknown('AccessDeniedException: sagemaker:ListTags'));
    expect(byId(resources, 'fraud-model').config.instanceType).toBe('ml.m5.xlarge');
    expect(byId(resources, 'Risk-Analysis').tags).toMatchObject({ owner: 'risk' });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'sagemaker',
        operation: 'ListTags',
        resourceType: 'AWS::SageMaker::NotebookInstance',
        resourceArn: arn('fraud-model'),
        error: { code: 'AccessDeniedException', message: expect.stringContaining('sagemaker:ListTags') },
        count: 1,
      },
    ]);
  });

  it('a notebook deleted between the listing and DescribeNotebookInstance is left out and named in coverage', async () => {
    sagemaker.on(ListNotebookInstancesCommand).resolves({
      NotebookInstances: [summary(NOTEBOOKS['scratch'] as DescribeNotebookInstanceOutput), summary(described('gone', { NotebookInstanceStatus: 'Deleting' }))],
      $metadata,
    });
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance);
    expect(resources.map((r) => r.id)).toEqual(['scratch']);
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'DescribeNotebookInstance',
        resourceArn: arn('gone'),
        error: { code: 'ValidationException', message: 'RecordNotFound' },
      }),
    ]);
  });

  it('an unexpected DirectInternetAccess value is unknown, not a guess', async () => {
    sagemaker
      .on(DescribeNotebookInstanceCommand, { NotebookInstanceName: 'churn-lab' })
      .resolves({ ...described('churn-lab', { DirectInternetAccess: 'Sometimes' as 'Enabled' }), $metadata });
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance);
    expect(byId(resources, 'churn-lab').config.directInternetAccess).toEqual(unknown('UnexpectedResponse: sagemaker:DescribeNotebookInstance'));
    expect(coverage).toEqual([expect.objectContaining({ resourceArn: arn('churn-lab'), error: expect.objectContaining({ code: 'UnexpectedResponse' }) })]);
  });

  it('a page of the listing that fails keeps the notebooks already read and records the incomplete list', async () => {
    sagemaker
      .on(ListNotebookInstancesCommand, { NextToken: 'token-1' })
      .rejects(new SageMakerServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }));
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance);
    expect(resources.map((r) => r.id).sort()).toEqual(['Risk-Analysis', 'scratch']);
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'ListNotebookInstances', error: { code: 'ThrottlingException', message: 'Rate exceeded' } }),
    ]);
  });

  it('runs only the operations the selected fields need; the other fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(sageMakerNotebookInstance, { fields: ['directInternetAccess'] });
    expect(new Set(sentOperations(sagemaker.send.getCalls()))).toEqual(new Set(['ListNotebookInstances', 'DescribeNotebookInstance']));
    expect(byId(resources, 'Risk-Analysis').tags).toEqual(unknown('NotCollected: sagemaker:ListTags'));
    expect(coverage).toEqual([]);
  });
});
