/**
 * The AWS services Vigil collects from: the SDK client of each, its SDK service id (which names the
 * `AWS_ENDPOINT_URL_<SERVICE>` variable the SDK reads), and the default budgets — retry attempts
 * and requests in flight per account.
 */
import { AccessAnalyzerClient, type AccessAnalyzerClientConfig } from '@aws-sdk/client-accessanalyzer';
import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { EFSClient, type EFSClientConfig } from '@aws-sdk/client-efs';
import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import { ResourceGroupsTaggingAPIClient, type ResourceGroupsTaggingAPIClientConfig } from '@aws-sdk/client-resource-groups-tagging-api';
import { SecurityHubClient, type SecurityHubClientConfig } from '@aws-sdk/client-securityhub';
import { SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import { CloudFormationClient, type CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, type CloudTrailClientConfig } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient, type ConfigServiceClientConfig } from '@aws-sdk/client-config-service';
import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { OrganizationsClient, type OrganizationsClientConfig } from '@aws-sdk/client-organizations';
import { RDSClient, type RDSClientConfig } from '@aws-sdk/client-rds';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3ControlClient, type S3ControlClientConfig } from '@aws-sdk/client-s3-control';
import { SageMakerClient, type SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { SFNClient, type SFNClientConfig } from '@aws-sdk/client-sfn';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';

export interface ServiceClients {
  accessanalyzer: AccessAnalyzerClient;
  cloudformation: CloudFormationClient;
  cloudtrail: CloudTrailClient;
  cloudwatch: CloudWatchClient;
  config: ConfigServiceClient;
  ec2: EC2Client;
  efs: EFSClient;
  iam: IAMClient;
  kms: KMSClient;
  logs: CloudWatchLogsClient;
  organizations: OrganizationsClient;
  rds: RDSClient;
  s3: S3Client;
  s3control: S3ControlClient;
  sagemaker: SageMakerClient;
  securityhub: SecurityHubClient;
  sfn: SFNClient;
  sns: SNSClient;
  sts: STSClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

export interface ServiceClientConfigs {
  accessanalyzer: AccessAnalyzerClientConfig;
  cloudformation: CloudFormationClientConfig;
  cloudtrail: CloudTrailClientConfig;
  cloudwatch: CloudWatchClientConfig;
  config: ConfigServiceClientConfig;
  ec2: EC2ClientConfig;
  efs: EFSClientConfig;
  iam: IAMClientConfig;
  kms: KMSClientConfig;
  logs: CloudWatchLogsClientConfig;
  organizations: OrganizationsClientConfig;
  rds: RDSClientConfig;
  s3: S3ClientConfig;
  s3control: S3ControlClientConfig;
  sagemaker: SageMakerClientConfig;
  securityhub: SecurityHubClientConfig;
  sfn: SFNClientConfig;
  sns: SNSClientConfig;
  sts: STSClientConfig;
  tagging: ResourceGroupsTaggingAPIClientConfig;
}

/** Vigil's name of a service: the prefix of coverage entries, stats and budgets. */
export type ServiceName = keyof ServiceClients;

export const clientClasses: { [S in ServiceName]: new (config: ServiceClientConfigs[S]) => ServiceClients[S] } = {
  accessanalyzer: AccessAnalyzerClient,
  cloudformation: CloudFormationClient,
  cloudtrail: CloudTrailClient,
  cloudwatch: CloudWatchClient,
  config: ConfigServiceClient,
  ec2: EC2Client,
  efs: EFSClient,
  iam: IAMClient,
  kms: KMSClient,
  logs: CloudWatchLogsClient,
  organizations: OrganizationsClient,
  rds: RDSClient,
  s3: S3Client,
  s3control: S3ControlClient,
  sagemaker: SageMakerClient,
  securityhub: SecurityHubClient,
  sfn: SFNClient,
  sns: SNSClient,
  sts: STSClient,
  tagging: ResourceGroupsTaggingAPIClient,
};

/** The SDK service id, as `AWS_ENDPOINT_URL_<ID upper-cased, spaces to _>` and shared-config `services` sections use it. */
export const sdkServiceIds: Record<ServiceName, string> = {
  accessanalyzer: 'AccessAnalyzer',
  cloudformation: 'CloudFormation',
  cloudtrail: 'CloudTrail',
  cloudwatch: 'CloudWatch',
  config: 'Config Service',
  ec2: 'EC2',
  efs: 'EFS',
  iam: 'IAM',
  kms: 'KMS',
  logs: 'CloudWatch Logs',
  organizations: 'Organizations',
  rds: 'RDS',
  s3: 'S3',
  s3control: 'S3 Control',
  sagemaker: 'SageMaker',
  securityhub: 'SecurityHub',
  sfn: 'SFN',
  sns: 'SNS',
  sts: 'STS',
  tagging: 'Resource Groups Tagging API',
};

/**
 * Attempts per call (first try included). IAM and Config throttle hard on large accounts, so
 * they get more; other services keep the SDK's adaptive back-off with a little more patience than
 * its default of 3. Keys are open so that services added later (iam, config) can be budgeted.
 */
export const DEFAULT_MAX_ATTEMPTS: Readonly<Record<string, number>> = {
  default: 5,
  iam: 10,
  config: 10,
};

/** Requests in flight per (account, service). IAM allows few concurrent calls per account. */
export const DEFAULT_CONCURRENCY: Readonly<Record<string, number>> = {
  default: 10,
  iam: 4,
  kms: 10,
  s3: 20,
  s3control: 4,
  sts: 4,
};

/** A budget table: the service's own entry, else `default`. */
export function budgetOf(table: Readonly<Record<string, number>>, service: string): number {
  const value = table[service] ?? table['default'];
  if (value === undefined || !Number.isInteger(value) || value < 1) {
    throw new Error(`budget for ${service} must be a positive integer (got ${String(value)})`);
  }
  return value;
}
