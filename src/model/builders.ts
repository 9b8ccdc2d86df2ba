/**
 * Resource builders: a valid resource of each type, compliant by default, with overrides. Tests
 * state only what matters to a case; the demo and benchmark generators start from the same shapes.
 */
import { accountOfArn, arnFor } from './arn.js';
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
      accessAnalyzers: [{ name: 'ConsoleAnalyzer', type: 'ACCOUNT', status: 'ACTIVE' }],
      securityHub: {
        hubArn: `arn:aws:securityhub:${region}:${accountId}:hub/default`,
        subscribedAt: '2025-01-15T09:30:00.000Z',
        autoEnableControls: true,
      },
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
      autoMinorVersionUpgrade: true,
      ...config,
    },
    { ...envelope, id },
  );
}

/** An encrypted Aurora PostgreSQL cluster with a writer and a reader in another zone. */
export function rdsCluster(
  config: Partial<ConfigOf<'AWS::RDS::DBCluster'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::RDS::DBCluster'> {
  const id = envelope.id ?? 'example-cluster';
  const region = envelope.region ?? DEFAULT_REGION;
  return build(
    'AWS::RDS::DBCluster',
    id,
    {
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      engineMode: 'provisioned',
      status: 'available',
      storageEncrypted: true,
      kmsKeyId: `arn:aws:kms:${region}:${envelope.accountId ?? DEFAULT_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`,
      multiAz: true,
      availabilityZones: [`${region}a`, `${region}b`, `${region}c`],
      members: [
        { instanceIdentifier: `${id}-1`, isWriter: true },
        { instanceIdentifier: `${id}-2`, isWriter: false },
      ],
      publiclyAccessible: null,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      cloudwatchLogsExports: ['postgresql'],
      autoMinorVersionUpgrade: true,
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

/** The bank's key as a SaaS account sees it: owned by another account, described, usable (envelope `id`: the key ARN). */
export function kmsSharedKey(config: Partial<ConfigOf<'AWS::KMS::SharedKey'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::KMS::SharedKey'> {
  const region = envelope.region ?? DEFAULT_REGION;
  const keyArn = envelope.id ?? `arn:aws:kms:${region}:999999999999:key/99999999-8888-7777-6666-555555555555`;
  return build(
    'AWS::KMS::SharedKey',
    keyArn,
    {
      describe: 'ok',
      ownerAccountId: accountOfArn(keyArn) ?? '999999999999',
      keyManager: 'CUSTOMER',
      keyState: 'Enabled',
      enabled: true,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'EXTERNAL',
      multiRegion: false,
      validTo: null,
      deletionDate: null,
      usable: 'authorised',
      dryRunAnswer: 'DryRunOperationException',
      grants: [],
      ...config,
    },
    { ...envelope, region, id: keyArn, name: envelope.name ?? keyArn },
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

/** A certificate valid until 2027, well after the test clock. */
export function iamServerCertificate(
  config: Partial<ConfigOf<'AWS::IAM::ServerCertificate'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::IAM::ServerCertificate'> {
  const name = envelope.id ?? config.serverCertificateName ?? 'www-example-com';
  return build(
    'AWS::IAM::ServerCertificate',
    name,
    {
      serverCertificateName: name,
      serverCertificateId: 'ASCAEXAMPLECERTID0001',
      path: '/',
      expiration: '2027-01-15T12:00:00.000Z',
      uploadDate: DEFAULT_TIME,
      ...config,
    },
    { ...envelope, id: name },
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
      rootDeviceType: 'ebs',
      instanceStorage: null,
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

/** A NACL on one subnet that lets in HTTPS from anywhere and denies the rest. */
export function networkAcl(
  config: Partial<ConfigOf<'AWS::EC2::NetworkAcl'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::EC2::NetworkAcl'> {
  const id = envelope.id ?? 'acl-0123456789abcdef0';
  const rule = (ruleNumber: number, egress: boolean, ruleAction: 'allow' | 'deny', protocol: string, ports: number | null) => ({
    ruleNumber,
    egress,
    protocol,
    ruleAction,
    cidrBlock: '0.0.0.0/0',
    ipv6CidrBlock: null,
    fromPort: ports,
    toPort: ports,
  });
  return build(
    'AWS::EC2::NetworkAcl',
    id,
    {
      networkAclId: id,
      ownerId: envelope.accountId ?? DEFAULT_ACCOUNT,
      vpcId: 'vpc-0123456789abcdef0',
      isDefault: false,
      entries: [rule(100, false, 'allow', '6', 443), rule(32767, false, 'deny', '-1', null), rule(100, true, 'allow', '-1', null), rule(32767, true, 'deny', '-1', null)],
      subnetIds: ['subnet-0123456789abcdef0'],
      ...config,
    },
    { ...envelope, id },
  );
}

/** A VPC with an active flow log of all its traffic. */
export function vpc(config: Partial<ConfigOf<'AWS::EC2::VPC'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::EC2::VPC'> {
  const id = envelope.id ?? 'vpc-0123456789abcdef0';
  return build(
    'AWS::EC2::VPC',
    id,
    {
      vpcId: id,
      ownerId: envelope.accountId ?? DEFAULT_ACCOUNT,
      isDefault: false,
      cidrBlock: '10.0.0.0/16',
      state: 'available',
      flowLogs: [{ flowLogId: 'fl-0123456789abcdef0', trafficType: 'ALL', flowLogStatus: 'ACTIVE', deliverLogsStatus: 'SUCCESS', logDestinationType: 'cloud-watch-logs' }],
      ...config,
    },
    { ...envelope, id },
  );
}

export function efsFileSystem(
  config: Partial<ConfigOf<'AWS::EFS::FileSystem'>> = {},
  envelope: EnvelopeOverrides = {},
): Resource<'AWS::EFS::FileSystem'> {
  const id = envelope.id ?? 'fs-0123456789abcdef0';
  return build(
    'AWS::EFS::FileSystem',
    id,
    {
      fileSystemId: id,
      encrypted: true,
      kmsKeyId: `arn:aws:kms:${envelope.region ?? DEFAULT_REGION}:${envelope.accountId ?? DEFAULT_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`,
      lifeCycleState: 'available',
      performanceMode: 'generalPurpose',
      throughputMode: 'elastic',
      ...config,
    },
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
      s3DataEvents: { read: { buckets: 'all', exceptArnPrefixes: [] }, write: { buckets: 'all', exceptArnPrefixes: [] } },
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

/** A log group kept a year and encrypted with a customer key, without metric filters. */
export function logGroup(config: Partial<ConfigOf<'AWS::Logs::LogGroup'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::Logs::LogGroup'> {
  const name = envelope.id ?? 'aws-cloudtrail-logs';
  const region = envelope.region ?? DEFAULT_REGION;
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  return build(
    'AWS::Logs::LogGroup',
    name,
    {
      logGroupName: name,
      retentionInDays: 365,
      kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/11111111-2222-3333-4444-555555555555`,
      metricFilters: [],
      ...config,
    },
    { ...envelope, id: name },
  );
}

/** An enabled metric alarm on one metric that notifies the `security-alerts` topic of snsTopic(). */
export function metricAlarm(config: Partial<ConfigOf<'AWS::CloudWatch::Alarm'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::CloudWatch::Alarm'> {
  const name = envelope.id ?? 'unauthorized-api-calls';
  const region = envelope.region ?? DEFAULT_REGION;
  const accountId = envelope.accountId ?? DEFAULT_ACCOUNT;
  return build(
    'AWS::CloudWatch::Alarm',
    name,
    {
      alarmName: name,
      actionsEnabled: true,
      alarmActions: [arnFor('AWS::SNS::Topic', accountId, region, 'security-alerts')],
      metrics: [{ namespace: 'CISBenchmark', metricName: 'UnauthorizedAPICalls' }],
      stateValue: 'OK',
      ...config,
    },
    { ...envelope, id: name },
  );
}

/** An SNS topic with one confirmed e-mail subscription. */
export function snsTopic(config: Partial<ConfigOf<'AWS::SNS::Topic'>> = {}, envelope: EnvelopeOverrides = {}): Resource<'AWS::SNS::Topic'> {
  return build(
    'AWS::SNS::Topic',
    'security-alerts',
    { subscriptions: [{ protocol: 'email', endpoint: 'security@example.com', confirmed: true }], ...config },
    envelope,
  );
}
