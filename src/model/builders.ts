/**
 * Resource builders: a valid resource of each type, compliant by default, with overrides. Tests
 * state only what matters to a case; the demo and benchmark generators start from the same shapes.
 */
import { arnFor } from './arn.js';
import { GLOBAL_REGION, type Resource, type ResourceSource, type Tags } from './resource.js';
import type { ConfigOf, ResourceType } from './resource-types.js';
import type { Maybe } from './unknown.js';
import type { PasswordPolicy } from './types/account.js';

export const DEFAULT_ACCOUNT = '111111111111';
export const DEFAULT_REGION = 'eu-west-1';
const DEFAULT_TIME = '2026-01-15T10:00:00.000Z';

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

function build<T extends ResourceType>(
  type: T,
  defaultId: string,
  config: ConfigOf<T>,
  envelope: EnvelopeOverrides,
  global = false,
): Resource<T> {
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  const region = envelope.region ?? (global ? GLOBAL_REGION : DEFAULT_REGION);
  const id = envelope.id ?? defaultId;
  const resource: Resource<T> = {
    arn: envelope.arn ?? arnFor(type, accountId, region, id),
    type,
    accountId,
    region,
    id,
    name: envelope.name ?? id,
    tags: envelope.tags ?? {},
    source: envelope.source ?? 'synthetic',
    config,
  };
  if (envelope.createdAt !== undefined) resource.createdAt = envelope.createdAt;
  if (envelope.observedAt !== undefined) resource.observedAt = envelope.observedAt;
  return resource;
}

/** A password policy that meets CIS (length 14, reuse 24) and more. */
export const STRONG_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercase: true,
  requireLowercase: true,
  allowUsersToChangePassword: true,
  maxPasswordAgeDays: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};

/** The bucket policy statement that refuses requests made without TLS. */
export function tlsOnlyStatement(bucketArn: string): Record<string, unknown> {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

export function account(config: Partial<ConfigOf<'AWS::Account'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::Account'> {
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  return build(
    'AWS::Account',
    accountId,
    {
      passwordPolicy: STRONG_PASSWORD_POLICY,
      root: { passwordPresent: true, centrallyManaged: false, mfaActive: true, passwordLastUsed: null, accessKeys: [] },
      s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      iamUserCount: 1,
      ...config,
    },
    { ...envelope, accountId, id: accountId },
    true,
  );
}

export function accountRegion(
  config: Partial<ConfigOf<'AWS::Account::Region'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::Account::Region'> {
  const region = envelope.region ?? DEFAULT_REGION;
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  return build(
    'AWS::Account::Region',
    region,
    {
      ebsEncryptionByDefault: { enabled: true, kmsKeyId: null },
      configRecorders: [
        { name: 'default', recording: true, allSupported: true, includeGlobalResourceTypes: true, lastStatus: 'SUCCESS' },
      ],
      // The multi-region trail that cloudTrail() builds by default.
      trailArns: [arnFor('AWS::CloudTrail::Trail', accountId, DEFAULT_REGION, 'organization-trail')],
      ...config,
    },
    { ...envelope, region, id: region },
  );
}

export function s3Bucket(config: Partial<ConfigOf<'AWS::S3::Bucket'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::S3::Bucket'> {
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  const region = envelope.region ?? DEFAULT_REGION;
  const arn = envelope.arn ?? arnFor('AWS::S3::Bucket', accountId, region, envelope.id ?? 'example-bucket');
  return build(
    'AWS::S3::Bucket',
    'example-bucket',
    {
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
      policy: {
        Version: '2012-10-17',
        Statement: [
          tlsOnlyStatement(arn),
        ],
      },
      acl: { ownerId: 'owner-canonical-id', grants: [{ grantee: { type: 'CanonicalUser', id: 'owner-canonical-id' }, permission: 'FULL_CONTROL' }] },
      objectOwnership: 'BucketOwnerEnforced',
      // The customer-managed key kmsKey() builds by default.
      encryption: {
        rules: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: `arn:aws:kms:${region}:${accountId}:key/11111111-2222-3333-4444-555555555555`, bucketKeyEnabled: true }],
      },
      versioning: { status: 'Enabled', mfaDelete: 'Disabled' },
      objectLock: { enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: null, years: 6 } },
      lifecycleRules: [
        {
          id: 'archive-to-glacier',
          status: 'Enabled',
          prefix: '',
          transitions: [{ days: 90, date: null, storageClass: 'GLACIER' }],
          noncurrentVersionTransitions: [],
          expirationDays: null,
        },
      ],
      logging: null,
      ...config,
    },
    envelope,
  );
}

export function rdsInstance(
  config: Partial<ConfigOf<'AWS::RDS::DBInstance'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::RDS::DBInstance'> {
  const id = envelope.id ?? 'example-db';
  return build(
    'AWS::RDS::DBInstance',
    id,
    {
      engine: 'postgres',
      engineVersion: '16.4',
      instanceClass: 'db.m6g.large',
      status: 'available',
      publiclyAccessible: false,
      endpoint: { address: `${id}.abcdefghijkl.${envelope.region ?? DEFAULT_REGION}.rds.amazonaws.com`, port: 5432 },
      storageEncrypted: true,
      kmsKeyId: `arn:aws:kms:${envelope.region ?? DEFAULT_REGION}:${envelope.accountId ?? DEFAULT_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`,
      multiAz: true,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      vpcSecurityGroupIds: [],
      clusterIdentifier: null,
      readReplicaSourceIdentifier: null,
      ...config,
    },
    { ...envelope, id },
  );
}

export function rdsSnapshot(
  config: Partial<ConfigOf<'AWS::RDS::DBSnapshot'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::RDS::DBSnapshot'> {
  return build(
    'AWS::RDS::DBSnapshot',
    'example-db-manual-2026-01-15',
    {
      dbInstanceIdentifier: 'example-db',
      snapshotType: 'manual',
      engine: 'postgres',
      status: 'available',
      encrypted: true,
      kmsKeyId: null,
      restoreAccounts: [],
      snapshotCreateTime: DEFAULT_TIME,
      ...config,
    },
    envelope,
  );
}

export function kmsKey(config: Partial<ConfigOf<'AWS::KMS::Key'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::KMS::Key'> {
  const keyId = envelope.id ?? '11111111-2222-3333-4444-555555555555';
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  return build(
    'AWS::KMS::Key',
    keyId,
    {
      keyId,
      manager: 'CUSTOMER',
      origin: 'AWS_KMS',
      state: 'Enabled',
      spec: 'SYMMETRIC_DEFAULT',
      usage: 'ENCRYPT_DECRYPT',
      multiRegion: false,
      rotation: { enabled: true, periodDays: 365, nextRotationDate: null },
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      },
      keyMaterialExpires: null,
      validTo: null,
      keyMaterialImportedAt: null,
      deletionDate: null,
      aliases: [],
      ...config,
    },
    { ...envelope, id: keyId },
  );
}

export function iamUser(config: Partial<ConfigOf<'AWS::IAM::User'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::IAM::User'> {
  return build(
    'AWS::IAM::User',
    'alice',
    {
      userId: 'AIDAEXAMPLEUSERID0001',
      path: '/',
      createDate: DEFAULT_TIME,
      passwordEnabled: true,
      passwordLastUsed: DEFAULT_TIME,
      mfaActive: true,
      accessKeys: [],
      attachedPolicies: [],
      inlinePolicies: [],
      groups: ['engineers'],
      ...config,
    },
    envelope,
    true,
  );
}

export function iamGroup(config: Partial<ConfigOf<'AWS::IAM::Group'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::IAM::Group'> {
  return build(
    'AWS::IAM::Group',
    'engineers',
    {
      groupId: 'AGPAEXAMPLEGROUPID001',
      path: '/',
      members: ['alice'],
      attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }],
      inlinePolicies: [],
      ...config,
    },
    envelope,
    true,
  );
}

export function iamRole(config: Partial<ConfigOf<'AWS::IAM::Role'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::IAM::Role'> {
  return build(
    'AWS::IAM::Role',
    'deployer',
    {
      roleId: 'AROAEXAMPLEROLEID0001',
      path: '/',
      assumeRolePolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      attachedPolicies: [],
      inlinePolicies: [],
      lastUsed: null,
      ...config,
    },
    envelope,
    true,
  );
}

export function iamPolicy(config: Partial<ConfigOf<'AWS::IAM::Policy'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::IAM::Policy'> {
  return build(
    'AWS::IAM::Policy',
    'example-policy',
    {
      policyId: 'ANPAEXAMPLEPOLICYID01',
      path: '/',
      awsManaged: false,
      defaultVersionId: 'v1',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
      attachedTo: { users: [], groups: [], roles: [] },
      ...config,
    },
    envelope,
    true,
  );
}

export function securityGroup(
  config: Partial<ConfigOf<'AWS::EC2::SecurityGroup'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::EC2::SecurityGroup'> {
  const id = envelope.id ?? 'sg-0123456789abcdef0';
  return build(
    'AWS::EC2::SecurityGroup',
    id,
    {
      groupId: id,
      ownerId: envelope.accountId ?? DEFAULT_ACCOUNT,
      groupName: 'app',
      description: 'application servers',
      vpcId: 'vpc-0123456789abcdef0',
      ingress: [],
      egress: [
        { protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] },
      ],
      ...config,
    },
    { name: config.groupName ?? 'app', ...envelope, id },
  );
}

export function ec2Instance(
  config: Partial<ConfigOf<'AWS::EC2::Instance'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::EC2::Instance'> {
  const id = envelope.id ?? 'i-0123456789abcdef0';
  return build(
    'AWS::EC2::Instance',
    id,
    {
      instanceId: id,
      instanceType: 'm7g.large',
      state: 'running',
      publicIpAddress: null,
      privateIpAddress: '10.0.1.10',
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      securityGroupIds: [],
      iamInstanceProfileArn: null,
      launchTime: DEFAULT_TIME,
      vpcId: 'vpc-0123456789abcdef0',
      subnetId: 'subnet-0123456789abcdef0',
      ...config,
    },
    { ...envelope, id },
  );
}

export function ebsVolume(config: Partial<ConfigOf<'AWS::EC2::Volume'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::EC2::Volume'> {
  const id = envelope.id ?? 'vol-0123456789abcdef0';
  return build(
    'AWS::EC2::Volume',
    id,
    { volumeId: id, state: 'in-use', sizeGiB: 100, volumeType: 'gp3', encrypted: true, kmsKeyId: null, attachments: [], ...config },
    { ...envelope, id },
  );
}

export function cloudTrail(
  config: Partial<ConfigOf<'AWS::CloudTrail::Trail'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::CloudTrail::Trail'> {
  return build(
    'AWS::CloudTrail::Trail',
    'organization-trail',
    {
      homeRegion: envelope.region ?? DEFAULT_REGION,
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      logFileValidationEnabled: true,
      kmsKeyId: `arn:aws:kms:${envelope.region ?? DEFAULT_REGION}:${envelope.accountId ?? DEFAULT_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`,
      s3BucketName: 'cloudtrail-logs',
      cloudWatchLogsLogGroupArn: null,
      isLogging: true,
      managementEvents: 'All',
      ...config,
    },
    envelope,
  );
}

export function notebook(
  config: Partial<ConfigOf<'AWS::SageMaker::NotebookInstance'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::SageMaker::NotebookInstance'> {
  return build(
    'AWS::SageMaker::NotebookInstance',
    'analysis-notebook',
    {
      status: 'InService',
      instanceType: 'ml.t3.medium',
      directInternetAccess: 'Disabled',
      rootAccess: 'Disabled',
      kmsKeyId: null,
      subnetId: 'subnet-0123456789abcdef0',
      lastModifiedTime: DEFAULT_TIME,
      ...config,
    },
    envelope,
  );
}

export function cfnStack(
  config: Partial<ConfigOf<'AWS::CloudFormation::Stack'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::CloudFormation::Stack'> {
  return build(
    'AWS::CloudFormation::Stack',
    'network',
    {
      stackId: 'network/0a1b2c3d-0000-1111-2222-333344445555',
      status: 'CREATE_COMPLETE',
      statusReason: null,
      lastUpdatedTime: null,
      terminationProtection: true,
      ...config,
    },
    envelope,
  );
}

export function stateMachine(
  config: Partial<ConfigOf<'AWS::StepFunctions::StateMachine'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::StepFunctions::StateMachine'> {
  return build(
    'AWS::StepFunctions::StateMachine',
    'settlement-batch',
    { machineType: 'STANDARD', status: 'ACTIVE', recentFailedExecutions: [], ...config },
    envelope,
  );
}
