/** The API call that sets tags on a resource, per type; S3 replaces the whole set, so it merges with the tags read live. */
import type { Resource, Tags } from '../../model/resource.js';
import type { ApiCall } from './define-action.js';

export const tagPermissions = [
  's3:PutBucketTagging',
  'kms:TagResource',
  'iam:TagUser',
  'rds:AddTagsToResource',
  'ec2:CreateTags',
  'sagemaker:AddTags',
] as const;

/** The call, or why there is none. */
export function tagCall(resource: Resource, current: Tags, wanted: Tags): ApiCall | string {
  const list = (tags: Tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  // Types not listed have no tagging call yet.
  switch (resource.type) {
    case 'AWS::S3::Bucket':
      return {
        service: 's3',
        operation: 'PutBucketTagging',
        input: { Bucket: resource.name, Tagging: { TagSet: list({ ...current, ...wanted }) } },
        permission: 's3:PutBucketTagging',
      };
    case 'AWS::KMS::Key':
      return {
        service: 'kms',
        operation: 'TagResource',
        input: { KeyId: resource.id, Tags: Object.entries(wanted).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) },
        permission: 'kms:TagResource',
      };
    case 'AWS::IAM::User':
      return { service: 'iam', operation: 'TagUser', input: { UserName: resource.name, Tags: list(wanted) }, permission: 'iam:TagUser' };
    case 'AWS::RDS::DBInstance':
      return { service: 'rds', operation: 'AddTagsToResource', input: { ResourceName: resource.arn, Tags: list(wanted) }, permission: 'rds:AddTagsToResource' };
    case 'AWS::EC2::Instance':
    case 'AWS::EC2::Volume':
      return { service: 'ec2', operation: 'CreateTags', input: { Resources: [resource.id], Tags: list(wanted) }, permission: 'ec2:CreateTags' };
    case 'AWS::SageMaker::NotebookInstance':
      return { service: 'sagemaker', operation: 'AddTags', input: { ResourceArn: resource.arn, Tags: list(wanted) }, permission: 'sagemaker:AddTags' };
    default:
      return `tagging ${resource.type} is not supported yet`;
  }
}
