/**
 * The AWS services Vigil collects from: the SDK client of each, its SDK service id (which names the
 * `AWS_ENDPOINT_URL_<SERVICE>` variable the SDK reads), and the default budgets — retry attempts
 * and requests in flight per account.
 */
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EFSClient } from '@aws-sdk/client-efs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';

/**
 * Each service Vigil collects from: its SDK client class and SDK service id (as
 * `AWS_ENDPOINT_URL_<ID upper-cased, spaces to _>` and shared-config `services` sections use it).
 * Adding a service is one line here.
 */
export const services = {
  accessanalyzer: { client: AccessAnalyzerClient, sdkId: 'AccessAnalyzer' },
  cloudformation: { client: CloudFormationClient, sdkId: 'CloudFormation' },
  cloudtrail: { client: CloudTrailClient, sdkId: 'CloudTrail' },
  cloudwatch: { client: CloudWatchClient, sdkId: 'CloudWatch' },
  config: { client: ConfigServiceClient, sdkId: 'Config Service' },
  ec2: { client: EC2Client, sdkId: 'EC2' },
  efs: { client: EFSClient, sdkId: 'EFS' },
  iam: { client: IAMClient, sdkId: 'IAM' },
  kms: { client: KMSClient, sdkId: 'KMS' },
  logs: { client: CloudWatchLogsClient, sdkId: 'CloudWatch Logs' },
  organizations: { client: OrganizationsClient, sdkId: 'Organizations' },
  rds: { client: RDSClient, sdkId: 'RDS' },
  s3: { client: S3Client, sdkId: 'S3' },
  s3control: { client: S3ControlClient, sdkId: 'S3 Control' },
  sagemaker: { client: SageMakerClient, sdkId: 'SageMaker' },
  securityhub: { client: SecurityHubClient, sdkId: 'SecurityHub' },
  sfn: { client: SFNClient, sdkId: 'SFN' },
  sns: { client: SNSClient, sdkId: 'SNS' },
  sts: { client: STSClient, sdkId: 'STS' },
  tagging: { client: ResourceGroupsTaggingAPIClient, sdkId: 'Resource Groups Tagging API' },
  wafv2: { client: WAFV2Client, sdkId: 'WAFV2' },
} as const;

/** Vigil's name of a service: the prefix of coverage entries, stats and budgets. */
export type ServiceName = keyof typeof services;

export type ServiceClients = { [S in ServiceName]: InstanceType<(typeof services)[S]['client']> };

export type ServiceClientConfigs = { [S in ServiceName]: NonNullable<ConstructorParameters<(typeof services)[S]['client']>[0]> };

export const clientClasses = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.client])) as unknown as {
  readonly [S in ServiceName]: new (config: ServiceClientConfigs[S]) => ServiceClients[S];
};

/** The SDK service id of each service. */
export const sdkServiceIds = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.sdkId])) as Record<ServiceName, string>;

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
