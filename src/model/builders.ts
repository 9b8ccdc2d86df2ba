/**
 * Resource builders: each type's compliant example (its definition's `example`), with overrides.
 * Tests state only what matters to a case; the demo and benchmark generators start from the same
 * shapes.
 */
import { GLOBAL_REGION, type Resource, type ResourceSource, type Tags } from './resource.js';
import { definitionOf, type ConfigOf, type ResourceType } from './resource-types.js';
import type { Maybe } from './unknown.js';
import type { ResourceTypeDefinition, ExampleAt } from './resource-type.js';
import type { TObject } from '@sinclair/typebox';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './example-defaults.js';

export { DEFAULT_ACCOUNT, DEFAULT_REGION, STRONG_PASSWORD_POLICY, tlsOnlyStatement } from './example-defaults.js';

export interface EnvelopeOverrides {
  accountId?: string;
  region?: string;
  id?: string;
  name?: string;
  arn?: string;
  tags?: Maybe<Tags>;
  createdAt?: string;
  source?: ResourceSource;
  observedAt?: string;
}

/** The example of the type, with the config overrides spread over its config and the envelope's in place. */
export function example<T extends ResourceType>(type: T, config: Partial<ConfigOf<T>> = {}, envelope: EnvelopeOverrides = {}): Resource<T> {
  const definition = definitionOf(type) as unknown as ResourceTypeDefinition<T, TObject>;
  const overrides = config as Partial<Record<string, unknown>>;
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  const region = envelope.region ?? (definition.global === true ? GLOBAL_REGION : DEFAULT_REGION);
  const id = envelope.id ?? definition.example.id({ accountId, region }, overrides);
  const arn = envelope.arn ?? definition.arn({ partition: 'aws', accountId, region, id });
  const at: ExampleAt = { accountId, region, id, arn };
  const resource: Resource<T> = {
    arn,
    type,
    accountId,
    region,
    id,
    name: envelope.name ?? definition.example.name?.(at, overrides) ?? id,
    tags: envelope.tags ?? {},
    source: envelope.source ?? 'synthetic',
    config: { ...(definition.example.config(at) as object), ...config } as unknown as ConfigOf<T>,
  };
  if (envelope.createdAt !== undefined) resource.createdAt = envelope.createdAt;
  if (envelope.observedAt !== undefined) resource.observedAt = envelope.observedAt;
  return resource;
}

type Builder<T extends ResourceType> = (config?: Partial<ConfigOf<T>>, envelope?: EnvelopeOverrides) => Resource<T>;

function builder<T extends ResourceType>(type: T): Builder<T> {
  return (config = {}, envelope = {}) => example(type, config, envelope);
}

export const account = builder('AWS::Account');
export const accountRegion = builder('AWS::Account::Region');
export const cfnStack = builder('AWS::CloudFormation::Stack');
export const cloudTrail = builder('AWS::CloudTrail::Trail');
export const metricAlarm = builder('AWS::CloudWatch::Alarm');
export const ec2Instance = builder('AWS::EC2::Instance');
export const networkAcl = builder('AWS::EC2::NetworkAcl');
export const securityGroup = builder('AWS::EC2::SecurityGroup');
export const ebsVolume = builder('AWS::EC2::Volume');
export const vpc = builder('AWS::EC2::VPC');
export const efsFileSystem = builder('AWS::EFS::FileSystem');
export const iamGroup = builder('AWS::IAM::Group');
export const iamPolicy = builder('AWS::IAM::Policy');
export const iamRole = builder('AWS::IAM::Role');
export const iamServerCertificate = builder('AWS::IAM::ServerCertificate');
export const iamUser = builder('AWS::IAM::User');
export const kmsKey = builder('AWS::KMS::Key');
export const kmsSharedKey = builder('AWS::KMS::SharedKey');
export const logGroup = builder('AWS::Logs::LogGroup');
export const rdsCluster = builder('AWS::RDS::DBCluster');
export const rdsInstance = builder('AWS::RDS::DBInstance');
export const rdsSnapshot = builder('AWS::RDS::DBSnapshot');
export const s3Bucket = builder('AWS::S3::Bucket');
export const notebook = builder('AWS::SageMaker::NotebookInstance');
export const snsTopic = builder('AWS::SNS::Topic');
export const stateMachine = builder('AWS::StepFunctions::StateMachine');
export const wafWebAcl = builder('AWS::WAFv2::WebACL');
