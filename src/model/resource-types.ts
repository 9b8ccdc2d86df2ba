/**
 * The registry of resource types: each type's name (AWS CloudFormation/Config spelling) and the
 * schema of its normalised `config`. Adding a type means adding its schema file and one entry here;
 * the engine, the snapshot reader and the validator take it from this table.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { AccountConfig } from './types/account.js';
import { AccountRegionConfig } from './types/account-region.js';
import { CloudFormationStackConfig, CloudTrailTrailConfig, SageMakerNotebookConfig, StateMachineConfig } from './types/other.js';
import { Ec2InstanceConfig, Ec2VolumeConfig, SecurityGroupConfig } from './types/ec2.js';
import { EfsFileSystemConfig } from './types/efs.js';
import { NetworkAclConfig, VpcConfig } from './types/network.js';
import { IamGroupConfig, IamPolicyConfig, IamRoleConfig, IamUserConfig } from './types/iam.js';
import { IamServerCertificateConfig } from './types/iam-server-certificate.js';
import { KmsKeyConfig } from './types/kms-key.js';
import { KmsSharedKeyConfig } from './types/kms-shared-key.js';
import { LogGroupConfig, MetricAlarmConfig, SnsTopicConfig } from './types/monitoring.js';
import { RdsDbClusterConfig } from './types/rds-db-cluster.js';
import { RdsDbInstanceConfig } from './types/rds-db-instance.js';
import { RdsDbSnapshotConfig } from './types/rds-db-snapshot.js';
import { S3BucketConfig } from './types/s3-bucket.js';

export const resourceConfigSchemas = {
  'AWS::Account': AccountConfig,
  'AWS::Account::Region': AccountRegionConfig,
  'AWS::CloudFormation::Stack': CloudFormationStackConfig,
  'AWS::CloudTrail::Trail': CloudTrailTrailConfig,
  'AWS::CloudWatch::Alarm': MetricAlarmConfig,
  'AWS::EC2::Instance': Ec2InstanceConfig,
  'AWS::EC2::NetworkAcl': NetworkAclConfig,
  'AWS::EC2::SecurityGroup': SecurityGroupConfig,
  'AWS::EC2::Volume': Ec2VolumeConfig,
  'AWS::EC2::VPC': VpcConfig,
  'AWS::EFS::FileSystem': EfsFileSystemConfig,
  'AWS::IAM::Group': IamGroupConfig,
  'AWS::IAM::Policy': IamPolicyConfig,
  'AWS::IAM::Role': IamRoleConfig,
  'AWS::IAM::ServerCertificate': IamServerCertificateConfig,
  'AWS::IAM::User': IamUserConfig,
  'AWS::KMS::Key': KmsKeyConfig,
  'AWS::KMS::SharedKey': KmsSharedKeyConfig,
  'AWS::Logs::LogGroup': LogGroupConfig,
  'AWS::RDS::DBCluster': RdsDbClusterConfig,
  'AWS::RDS::DBInstance': RdsDbInstanceConfig,
  'AWS::RDS::DBSnapshot': RdsDbSnapshotConfig,
  'AWS::S3::Bucket': S3BucketConfig,
  'AWS::SageMaker::NotebookInstance': SageMakerNotebookConfig,
  'AWS::SNS::Topic': SnsTopicConfig,
  'AWS::StepFunctions::StateMachine': StateMachineConfig,
} as const satisfies Record<string, TSchema>;

export type ResourceType = keyof typeof resourceConfigSchemas;

export type ConfigOf<T extends ResourceType> = Static<(typeof resourceConfigSchemas)[T]>;

export const resourceTypes: readonly ResourceType[] = Object.keys(resourceConfigSchemas).sort() as ResourceType[];

export function isResourceType(value: string): value is ResourceType {
  return Object.hasOwn(resourceConfigSchemas, value);
}
