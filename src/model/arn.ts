/** ARNs as AWS writes them for each resource type. */
import type { ResourceType } from './resource-types.js';

export function arnFor(type: ResourceType, accountId: string, region: string, id: string, partition = 'aws'): string {
  switch (type) {
    case 'AWS::Account':
      return `arn:${partition}:::${accountId}`;
    case 'AWS::Account::Region':
      return `arn:${partition}::${region}:${accountId}`;
    case 'AWS::S3::Bucket':
      return `arn:${partition}:s3:::${id}`;
    case 'AWS::RDS::DBCluster':
      return `arn:${partition}:rds:${region}:${accountId}:cluster:${id}`;
    case 'AWS::RDS::DBInstance':
      return `arn:${partition}:rds:${region}:${accountId}:db:${id}`;
    case 'AWS::RDS::DBSnapshot':
      return `arn:${partition}:rds:${region}:${accountId}:snapshot:${id}`;
    case 'AWS::KMS::Key':
      return `arn:${partition}:kms:${region}:${accountId}:key/${id}`;
    // Not an AWS ARN: the inventory and findings are keyed by ARN, and two accounts may use the same
    // bank key, so each observing account's view of it gets its own (id: the key ARN).
    case 'AWS::KMS::SharedKey': {
      const key = /^arn:[^:]+:kms:[^:]*:([0-9]{12}):key\/(.+)$/.exec(id);
      return `arn:${partition}:kms:${region}:${accountId}:shared-key/${key !== null ? `${key[1]}/${key[2]}` : id}`;
    }
    case 'AWS::IAM::User':
      return `arn:${partition}:iam::${accountId}:user/${id}`;
    case 'AWS::IAM::Group':
      return `arn:${partition}:iam::${accountId}:group/${id}`;
    case 'AWS::IAM::Role':
      return `arn:${partition}:iam::${accountId}:role/${id}`;
    case 'AWS::IAM::Policy':
      return `arn:${partition}:iam::${accountId}:policy/${id}`;
    case 'AWS::IAM::ServerCertificate':
      return `arn:${partition}:iam::${accountId}:server-certificate/${id}`;
    case 'AWS::EC2::SecurityGroup':
      return `arn:${partition}:ec2:${region}:${accountId}:security-group/${id}`;
    case 'AWS::EC2::Instance':
      return `arn:${partition}:ec2:${region}:${accountId}:instance/${id}`;
    case 'AWS::EC2::Volume':
      return `arn:${partition}:ec2:${region}:${accountId}:volume/${id}`;
    case 'AWS::EC2::NetworkAcl':
      return `arn:${partition}:ec2:${region}:${accountId}:network-acl/${id}`;
    case 'AWS::EC2::VPC':
      return `arn:${partition}:ec2:${region}:${accountId}:vpc/${id}`;
    case 'AWS::EFS::FileSystem':
      return `arn:${partition}:elasticfilesystem:${region}:${accountId}:file-system/${id}`;
    case 'AWS::CloudTrail::Trail':
      return `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${id}`;
    case 'AWS::SageMaker::NotebookInstance':
      return `arn:${partition}:sagemaker:${region}:${accountId}:notebook-instance/${id.toLowerCase()}`;
    case 'AWS::CloudFormation::Stack':
      return `arn:${partition}:cloudformation:${region}:${accountId}:stack/${id}`;
    case 'AWS::StepFunctions::StateMachine':
      return `arn:${partition}:states:${region}:${accountId}:stateMachine:${id}`;
    // DescribeLogGroups' logGroupArn: without the `:*` that its `arn` and CloudTrail's CloudWatchLogsLogGroupArn carry.
    case 'AWS::Logs::LogGroup':
      return `arn:${partition}:logs:${region}:${accountId}:log-group:${id}`;
    case 'AWS::CloudWatch::Alarm':
      return `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${id}`;
    case 'AWS::SNS::Topic':
      return `arn:${partition}:sns:${region}:${accountId}:${id}`;
  }
}

/** A KMS key ARN; groups: partition, region, account, key id. The one definition parameters, collectors and analysers use. */
export const KMS_KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):key\/(.+)$/;

/** The account id in an ARN (`arn:aws:kms:eu-west-1:111122223333:key/...`), or undefined. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^[0-9]{12}$/.test(account) ? account : undefined;
}
