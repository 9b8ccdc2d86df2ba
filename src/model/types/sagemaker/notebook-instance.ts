/** `AWS::SageMaker::NotebookInstance`. */
import { Type, type Static } from '@sinclair/typebox';
import { MaybeSchema } from '../../unknown.js';
import { IsoDate } from '../../common.js';
import { defineResourceType } from '../../resource-type.js';
import { DEFAULT_TIME } from '../../example-defaults.js';

export const SageMakerNotebookConfig = Type.Object(
  {
    status: Type.String({ description: 'Pending, InService, Stopping, Stopped, Failed, Deleting, Updating' }),
    instanceType: Type.String(),
    directInternetAccess: MaybeSchema(Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled')])),
    rootAccess: MaybeSchema(Type.Union([Type.Literal('Enabled'), Type.Literal('Disabled')])),
    kmsKeyId: MaybeSchema(Type.Union([Type.String(), Type.Null()])),
    subnetId: Type.Union([Type.String(), Type.Null()]),
    lastModifiedTime: Type.Union([IsoDate, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SageMakerNotebookConfig = Static<typeof SageMakerNotebookConfig>;

export default defineResourceType({
  type: 'AWS::SageMaker::NotebookInstance',
  config: SageMakerNotebookConfig,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:sagemaker:${region}:${accountId}:notebook-instance/${id.toLowerCase()}`,
  example: {
    id: () => 'analysis-notebook',
    config: (): SageMakerNotebookConfig => ({
      status: 'InService',
      instanceType: 'ml.t3.medium',
      directInternetAccess: 'Disabled',
      rootAccess: 'Disabled',
      kmsKeyId: null,
      subnetId: 'subnet-0123456789abcdef0',
      lastModifiedTime: DEFAULT_TIME,
    }),
  },
});
