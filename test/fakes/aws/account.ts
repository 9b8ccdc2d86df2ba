/**
 * One synthetic AWS account for the collection benchmark: about N resources of every type Vigil
 * collects (or as many of each type as asked, see {@link BANK_SAAS}), across two regions, with a realistic spread of settings (buckets with and without a
 * policy, keys managed by AWS and by the customer, manual and automated snapshots, STANDARD and
 * EXPRESS state machines …). Plain data: the service fakes in this folder render it in each API's
 * wire format. Deterministic for a seed.
 */
import type { ResourceType } from '../../../src/model/resource-types.js';

export type Tags = Readonly<Record<string, string>>;

export interface Bucket {
  readonly name: string;
  readonly region: string;
  readonly createdAt: string;
  readonly policy: boolean;
  readonly publicAccessBlock: boolean;
  readonly ownershipControls: boolean;
  readonly kmsKey: string | undefined;
  readonly versioning: 'Enabled' | 'Suspended' | undefined;
  readonly objectLock: boolean;
  readonly lifecycle: boolean;
  readonly logging: boolean;
  readonly tags: Tags;
  /** The policy text when it is not the generated one (a test's, or what PutBucketPolicy wrote). */
  readonly policyDocument?: string | undefined;
  /** Every ACL grant, the owner's included, when they are not the generated ones (a test's, or what PutBucketAcl wrote). */
  readonly aclGrants?: readonly AclGrantRecord[];
}

/** One grant of a bucket ACL: to a canonical user (`id`) or a group (`uri`). */
export interface AclGrantRecord {
  readonly type: 'CanonicalUser' | 'Group';
  readonly id?: string;
  readonly uri?: string;
  readonly permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
}

export interface Key {
  readonly id: string;
  readonly region: string;
  readonly manager: 'AWS' | 'CUSTOMER';
  readonly origin: 'AWS_KMS' | 'EXTERNAL';
  readonly spec: 'SYMMETRIC_DEFAULT' | 'RSA_2048';
  readonly state: 'Enabled' | 'Disabled';
  readonly alias: string | undefined;
  readonly rotation: boolean;
  /** The rotation period when it is not the default 365 days (EnableKeyRotation's RotationPeriodInDays). */
  readonly rotationPeriodDays?: number;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface IamUser {
  readonly name: string;
  readonly id: string;
  readonly createdAt: string;
  readonly groups: readonly string[];
  readonly attached: readonly string[];
  readonly inline: boolean;
  readonly password: boolean;
  readonly mfa: boolean;
  readonly accessKey: boolean;
  readonly tags: Tags;
  /** The user's keys with their ids, when set (a test's, or as the mutating calls left them); else one key from `accessKey`. */
  readonly accessKeys?: readonly AccessKeyRecord[];
}

export interface AccessKeyRecord {
  readonly id: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt: string;
  /** Undefined: never used. */
  readonly lastUsed: string | undefined;
}

export interface IamGroup {
  readonly name: string;
  readonly id: string;
  readonly createdAt: string;
  readonly attached: readonly string[];
}

export interface IamRole {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly createdAt: string;
  readonly attached: readonly string[];
  readonly inline: boolean;
  readonly lastUsed: string | undefined;
  readonly tags: Tags;
}

export interface IamPolicy {
  readonly name: string;
  readonly id: string;
  /** Full ARN: customer policies in the account, AWS-managed ones under `aws`. */
  readonly arn: string;
  readonly createdAt: string;
  readonly attachments: number;
}

export interface Instance {
  readonly id: string;
  readonly region: string;
  readonly reservation: string;
  readonly type: string;
  readonly state: 'running' | 'stopped';
  readonly launchedAt: string;
  readonly publicIp: string | undefined;
  readonly privateIp: string;
  readonly imdsV2: boolean;
  readonly securityGroup: string;
  readonly profile: string | undefined;
  readonly tags: Tags;
}

export interface Volume {
  readonly id: string;
  readonly region: string;
  readonly sizeGiB: number;
  readonly type: 'gp3' | 'gp2' | 'io2';
  readonly encrypted: boolean;
  readonly kmsKey: string | undefined;
  readonly instance: string | undefined;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface SecurityGroup {
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly vpc: string;
  /** Ports open to 0.0.0.0/0. */
  readonly openPorts: readonly number[];
  readonly tags: Tags;
}

export interface DbInstance {
  readonly id: string;
  readonly region: string;
  readonly engine: 'postgres' | 'mysql' | 'aurora-postgresql';
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly encrypted: boolean;
  readonly kmsKey: string | undefined;
  readonly public: boolean;
  readonly multiAz: boolean;
  readonly backupDays: number;
  readonly cluster: string | undefined;
  readonly createdAt: string;
  readonly tags: Tags;
}

/** An Aurora cluster: the Aurora instances that name it in their region are its members. */
export interface DbCluster {
  readonly id: string;
  readonly region: string;
  readonly engine: 'aurora-postgresql';
  readonly engineVersion: string;
  readonly encrypted: boolean;
  readonly kmsKey: string | undefined;
  readonly multiAz: boolean;
  /** Member instance ids, the writer first. */
  readonly members: readonly string[];
  readonly backupDays: number;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface DbSnapshot {
  readonly id: string;
  readonly region: string;
  readonly instance: string;
  readonly engine: string;
  readonly type: 'manual' | 'automated';
  readonly encrypted: boolean;
  readonly kmsKey: string | undefined;
  readonly restore: readonly string[];
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface Trail {
  readonly name: string;
  readonly homeRegion: string;
  readonly multiRegion: boolean;
  readonly logging: boolean;
  readonly kmsKey: string | undefined;
  /** The log group the trail delivers to (`CloudWatchLogsLogGroupArn`), by name. */
  readonly logGroup: string | undefined;
}

export interface Notebook {
  readonly name: string;
  readonly region: string;
  readonly instanceType: string;
  readonly status: 'InService' | 'Stopped';
  readonly directInternet: boolean;
  readonly rootAccess: boolean;
  readonly subnet: string | undefined;
  readonly kmsKey: string | undefined;
  readonly createdAt: string;
  readonly tags: Tags;
}

/** An IAM server certificate (legacy TLS certificates for load balancers and CloudFront). */
export interface ServerCertificate {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly uploadedAt: string;
  readonly expiresAt: string;
  readonly tags: Tags;
}

export interface Stack {
  readonly name: string;
  readonly uuid: string;
  readonly region: string;
  readonly status: string;
  readonly protected: boolean;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface StateMachine {
  readonly name: string;
  readonly region: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly createdAt: string;
  /** Executions that ended FAILED / TIMED_OUT / ABORTED, newest first. */
  readonly failures: readonly {
    readonly name: string;
    readonly status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    readonly startedAt: string;
    readonly stoppedAt: string;
  }[];
  readonly tags: Tags;
}

export interface Vpc {
  readonly id: string;
  readonly region: string;
  readonly cidr: string;
  readonly isDefault: boolean;
  readonly subnets: readonly string[];
  readonly tags: Tags;
}

export interface NetworkAclEntry {
  readonly rule: number;
  readonly egress: boolean;
  /** An IP protocol number (`6` TCP), or `-1` for all. */
  readonly protocol: string;
  readonly action: 'allow' | 'deny';
  readonly cidr: string;
  readonly ports: readonly [number, number] | undefined;
}

export interface NetworkAcl {
  readonly id: string;
  readonly region: string;
  readonly vpc: string;
  readonly isDefault: boolean;
  /** As EC2 lists them, the final `*` deny (rule 32767) of each direction included. */
  readonly entries: readonly NetworkAclEntry[];
  readonly subnets: readonly string[];
  readonly tags: Tags;
}

export interface FlowLog {
  readonly id: string;
  readonly region: string;
  /** The VPC, subnet or interface it captures. */
  readonly resource: string;
  readonly trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  readonly destination: { readonly type: 'cloud-watch-logs'; readonly logGroup: string } | { readonly type: 's3'; readonly bucketArn: string };
  readonly delivering: boolean;
  readonly createdAt: string;
}

export interface FileSystem {
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly encrypted: boolean;
  readonly kmsKey: string | undefined;
  readonly performanceMode: 'generalPurpose' | 'maxIO';
  readonly throughputMode: 'bursting' | 'elastic' | 'provisioned';
  readonly mountTargets: number;
  readonly sizeBytes: number;
  readonly createdAt: string;
  readonly tags: Tags;
}

export interface MetricFilter {
  readonly name: string;
  readonly pattern: string;
  readonly metricName: string;
  readonly namespace: string;
  readonly createdAt: string;
}

export interface LogGroup {
  readonly name: string;
  readonly region: string;
  /** Undefined: the events never expire. */
  readonly retentionDays: number | undefined;
  readonly kmsKey: string | undefined;
  readonly storedBytes: number;
  readonly createdAt: string;
  readonly metricFilters: readonly MetricFilter[];
  readonly tags: Tags;
}

export interface Subscription {
  readonly id: string;
  readonly protocol: 'email' | 'sqs' | 'lambda' | 'https';
  readonly endpoint: string;
  /** An unconfirmed subscription's ARN reads `PendingConfirmation`. */
  readonly confirmed: boolean;
}

export interface Topic {
  readonly name: string;
  readonly region: string;
  readonly subscriptions: readonly Subscription[];
  readonly tags: Tags;
}

export interface Alarm {
  readonly name: string;
  readonly region: string;
  /** One metric, or those a metric-math `expression` reads. */
  readonly metrics: readonly { readonly namespace: string; readonly metricName: string }[];
  readonly expression: string | undefined;
  readonly actionsEnabled: boolean;
  /** SNS topic ARNs. */
  readonly actions: readonly string[];
  readonly state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  readonly updatedAt: string;
  readonly tags: Tags;
}

export interface Analyzer {
  readonly name: string;
  readonly region: string;
  readonly type: 'ACCOUNT' | 'ACCOUNT_UNUSED_ACCESS';
  readonly status: 'ACTIVE' | 'CREATING' | 'DISABLED' | 'FAILED';
  readonly createdAt: string;
}

/** A WAF IP set: the addresses a web ACL's rules name. */
export interface WafIpSet {
  readonly name: string;
  readonly id: string;
  /** Where WAF keeps it: its region, us-east-1 for CLOUDFRONT scope. */
  readonly region: string;
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly version: 'IPV4' | 'IPV6';
  readonly addresses: readonly string[];
}

/**
 * A WAF web ACL in one of three designs, whose rules the fake writes out: `allow-list` (default
 * Block; a managed rule group scoped down to the bank's IPv4 set, then Allow on the bank's IPv4 or
 * IPv6 set), `block-outside` (default Allow; a Firewall Manager rule group first, Block on what is
 * not the bank's IPv4 set, then a rate limit), `open` (default Allow; a geo block, a rule group of
 * the account's, Allow on an IPv6 set read from X-Forwarded-For).
 */
export interface WebAcl {
  readonly name: string;
  readonly id: string;
  /** Where WAF keeps it: its region, us-east-1 for CLOUDFRONT scope. */
  readonly region: string;
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly design: 'allow-list' | 'block-outside' | 'open';
  readonly ipv4Set: WafIpSet;
  readonly ipv6Set: WafIpSet;
  /** What ListResourcesForWebACL lists, by its ResourceType. */
  readonly associated: readonly { readonly resourceType: 'APPLICATION_LOAD_BALANCER' | 'API_GATEWAY'; readonly arn: string }[];
  /** Where it logs; undefined: logging is not configured. */
  readonly logDestinations: readonly string[] | undefined;
  /** The logging configuration keeps only blocked requests. */
  readonly logFilter: boolean;
  readonly tags: Tags;
}

export interface SyntheticAccount {
  readonly accountId: string;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  /** The collection clock: reports, executions and ages are relative to it. */
  readonly now: string;
  readonly buckets: readonly Bucket[];
  readonly keys: readonly Key[];
  readonly users: readonly IamUser[];
  readonly groups: readonly IamGroup[];
  readonly roles: readonly IamRole[];
  /** Customer-managed policies, then the AWS-managed ones attached in the account. */
  readonly policies: readonly IamPolicy[];
  readonly instances: readonly Instance[];
  readonly volumes: readonly Volume[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly dbInstances: readonly DbInstance[];
  readonly dbClusters: readonly DbCluster[];
  readonly dbSnapshots: readonly DbSnapshot[];
  readonly trails: readonly Trail[];
  readonly notebooks: readonly Notebook[];
  readonly stacks: readonly Stack[];
  readonly serverCertificates: readonly ServerCertificate[];
  readonly stateMachines: readonly StateMachine[];
  readonly vpcs: readonly Vpc[];
  readonly networkAcls: readonly NetworkAcl[];
  readonly flowLogs: readonly FlowLog[];
  readonly fileSystems: readonly FileSystem[];
  readonly logGroups: readonly LogGroup[];
  readonly topics: readonly Topic[];
  readonly alarms: readonly Alarm[];
  readonly analyzers: readonly Analyzer[];
  /** When the account subscribed to Security Hub, per region; a region not named is not subscribed. */
  readonly securityHub: Readonly<Record<string, string>>;
  /** EBS encryption by default, per region. */
  readonly ebsDefault: Readonly<Record<string, boolean>>;
  readonly wafIpSets: readonly WafIpSet[];
  readonly webAcls: readonly WebAcl[];
  /** The account-level S3 Block Public Access: all four settings on (undefined, the default) or none configured (false). */
  readonly accountPublicAccessBlock?: boolean;
}

/**
 * Share of the resources each type takes (trails are a fixed three: one multi-region, one per
 * region; each region has at least its default VPC, and each VPC its default network ACL).
 */
export const MIX = {
  'AWS::S3::Bucket': 0.13,
  'AWS::KMS::Key': 0.07,
  'AWS::IAM::User': 0.08,
  'AWS::IAM::Role': 0.08,
  'AWS::IAM::Group': 0.01,
  'AWS::IAM::Policy': 0.04,
  'AWS::EC2::Instance': 0.12,
  'AWS::EC2::Volume': 0.13,
  'AWS::EC2::SecurityGroup': 0.07,
  'AWS::EC2::VPC': 0.005,
  'AWS::EC2::NetworkAcl': 0.01,
  'AWS::EFS::FileSystem': 0.01,
  'AWS::Logs::LogGroup': 0.035,
  'AWS::CloudWatch::Alarm': 0.03,
  'AWS::SNS::Topic': 0.01,
  'AWS::RDS::DBInstance': 0.03,
  'AWS::RDS::DBSnapshot': 0.05,
  'AWS::SageMaker::NotebookInstance': 0.02,
  'AWS::CloudFormation::Stack': 0.04,
  'AWS::StepFunctions::StateMachine': 0.03,
  'AWS::IAM::ServerCertificate': 0.002,
  'AWS::WAFv2::WebACL': 0.003,
} as const satisfies Partial<Record<ResourceType, number>>;

/** CIS metric filters (section 4/5 of the AWS Foundations Benchmark) on the trail's log group. */
const CIS_FILTERS: readonly { readonly name: string; readonly pattern: string; readonly metricName: string }[] = [
  {
    name: 'unauthorized-api-calls',
    pattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    metricName: 'UnauthorizedAPICalls',
  },
  {
    name: 'console-signin-without-mfa',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    metricName: 'ConsoleSignInWithoutMfa',
  },
  {
    name: 'root-usage',
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    metricName: 'RootAccountUsage',
  },
  {
    name: 'cloudtrail-changes',
    pattern:
      '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    metricName: 'CloudTrailChanges',
  },
  {
    name: 'console-auth-failures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    metricName: 'ConsoleAuthFailures',
  },
  {
    name: 'nacl-changes',
    pattern:
      '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
    metricName: 'NetworkAclChanges',
  },
  {
    name: 'security-group-changes',
    pattern:
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    metricName: 'SecurityGroupChanges',
  },
];

/** AWS-managed policies the account attaches (they are inventory too). */
const AWS_POLICIES = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonSSMManagedInstanceCore',
  'AWSLambdaBasicExecutionRole',
  'SecurityAudit',
];

/** The resource types whose number an account is sized by. */
export type SizedType = keyof typeof MIX;

export interface AccountOptions {
  readonly accountId: string;
  readonly resources: number;
  readonly seed?: number;
  /** Overrides the number of IAM users (the IAM scaling runs keep everything else). */
  readonly iamUsers?: number;
  /**
   * Exact numbers per type instead of their share of `resources` (see {@link BANK_SAAS}). Zero
   * leaves a type out, except what every account has: each region's default VPC, security group
   * and network ACL, the trail's log group and the security topic. A type another draws on needs
   * one at least: security groups per region for instances, KMS keys per region for encryption,
   * a group for users, a DB instance for snapshots.
   */
  readonly counts?: Partial<Readonly<Record<SizedType, number>>>;
  readonly homeRegion?: string;
  readonly regions?: readonly string[];
  readonly now?: string;
}

/**
 * A small bank SaaS account as an AWS emulator holds it (issue 9): one region, 14 buckets, 3 KMS
 * keys (one AWS-managed), 2 DB instances, a few IAM users, groups, roles and policies, and nothing
 * else but what every account has (default VPC, security group and network ACL, the trails, the
 * trail's log group, the security topic and the CIS alarms).
 */
export const BANK_SAAS: Omit<AccountOptions, 'accountId'> = {
  resources: 100,
  regions: ['us-east-1'],
  counts: {
    'AWS::S3::Bucket': 14,
    'AWS::KMS::Key': 3,
    'AWS::RDS::DBInstance': 2,
    'AWS::RDS::DBSnapshot': 0,
    'AWS::IAM::User': 6,
    'AWS::IAM::Group': 3,
    'AWS::IAM::Role': 4,
    // Two customer-managed policies besides the AWS-managed ones the groups attach.
    'AWS::IAM::Policy': 8,
    'AWS::EC2::Instance': 0,
    'AWS::EC2::Volume': 0,
    'AWS::EC2::SecurityGroup': 1,
    'AWS::EC2::VPC': 1,
    'AWS::EC2::NetworkAcl': 1,
    'AWS::EFS::FileSystem': 0,
    'AWS::Logs::LogGroup': 0,
    'AWS::CloudWatch::Alarm': 0,
    'AWS::SNS::Topic': 1,
    'AWS::SageMaker::NotebookInstance': 0,
    'AWS::CloudFormation::Stack': 0,
    'AWS::StepFunctions::StateMachine': 0,
    'AWS::IAM::ServerCertificate': 0,
    'AWS::WAFv2::WebACL': 0,
  },
};

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticAccount(options: AccountOptions): SyntheticAccount {
  const rnd = random(options.seed ?? 42);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const upper = (n: number) => Array.from({ length: n }, () => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split(''))).join('');

  const accountId = options.accountId;
  const homeRegion = options.homeRegion ?? 'us-east-1';
  const regions = options.regions ?? [homeRegion, 'eu-west-1'];
  const now = options.now ?? '2026-03-01T09:00:00.000Z';
  const nowMs = Date.parse(now);
  const DAY = 86_400_000;
  /** A whole-second time up to `days` before now. */
  const ago = (days: number) => new Date(Math.floor((nowMs - rnd() * days * DAY) / 1000) * 1000).toISOString();
  const count = (type: SizedType) => options.counts?.[type] ?? Math.max(1, Math.round(options.resources * MIX[type]));
  const regionOf = (i: number) => regions[i % regions.length] as string;
  const teams = ['payments', 'ledger', 'platform', 'data', 'identity'];
  const tagsOf = (i: number): Tags => (i % 5 === 4 ? {} : { team: teams[i % teams.length] as string, env: i % 3 === 0 ? 'prod' : 'dev' });

  const keys: Key[] = Array.from({ length: count('AWS::KMS::Key') }, (_, i) => {
    const aws = i % 5 === 0;
    const external = !aws && i % 37 === 3;
    const asymmetric = !aws && !external && i % 19 === 7;
    return {
      id: uuid(),
      region: regionOf(i),
      manager: aws ? 'AWS' : 'CUSTOMER',
      origin: external ? 'EXTERNAL' : 'AWS_KMS',
      spec: asymmetric ? 'RSA_2048' : 'SYMMETRIC_DEFAULT',
      state: chance(0.95) ? 'Enabled' : 'Disabled',
      alias: aws ? `alias/aws/${pick(['s3', 'rds', 'ebs', 'sns', 'lambda'])}-${i}` : chance(0.8) ? `alias/${pick(teams)}-${i}` : undefined,
      rotation: aws || chance(0.7),
      createdAt: ago(900),
      tags: aws ? {} : tagsOf(i),
    };
  });
  /** The ARN of a symmetric key of the region, managed by the customer (or by AWS). */
  const keyIn = (region: string, manager: Key['manager'] = 'CUSTOMER') => {
    const candidates = keys.filter((k) => k.region === region && k.spec === 'SYMMETRIC_DEFAULT');
    const managed = candidates.filter((k) => k.manager === manager);
    const key = pick(managed.length > 0 ? managed : candidates);
    return `arn:aws:kms:${region}:${accountId}:key/${key.id}`;
  };
  const customerKeyIn = (region: string) => keyIn(region);

  const buckets: Bucket[] = Array.from({ length: count('AWS::S3::Bucket') }, (_, i) => {
    const region = regionOf(i);
    const bucket: Bucket = {
      name: `${pick(teams)}-${region}-${i}-${hex(6)}`,
      region,
      createdAt: ago(1500),
      policy: chance(0.6),
      publicAccessBlock: chance(0.7),
      ownershipControls: chance(0.8),
      kmsKey: chance(0.4) ? customerKeyIn(region) : undefined,
      versioning: chance(0.5) ? 'Enabled' : chance(0.2) ? 'Suspended' : undefined,
      objectLock: chance(0.1),
      lifecycle: chance(0.4),
      logging: chance(0.3),
      tags: tagsOf(i),
    };
    // Object Lock needs versioning Enabled (S3 refuses anything else).
    return { ...bucket, objectLock: bucket.objectLock && bucket.versioning === 'Enabled' };
  });

  const customerPolicies: IamPolicy[] = Array.from({ length: Math.max(1, count('AWS::IAM::Policy') - AWS_POLICIES.length) }, (_, i) => {
    const name = `${pick(teams)}-policy-${i}`;
    return { name, id: `ANPA${upper(17)}`, arn: `arn:aws:iam::${accountId}:policy/${name}`, createdAt: ago(1200), attachments: 0 };
  });
  const awsPolicies: IamPolicy[] = AWS_POLICIES.map((name) => ({
    name,
    id: `ANPA${upper(17)}`,
    arn: `arn:aws:iam::aws:policy/${name}`,
    createdAt: '2015-02-06T18:39:46.000Z',
    attachments: 0,
  }));
  const policyArns = [...customerPolicies, ...awsPolicies].map((p) => p.arn);
  const attachments = new Map<string, number>();
  const attach = (arns: readonly string[]) => {
    for (const arn of arns) attachments.set(arn, (attachments.get(arn) ?? 0) + 1);
    return arns;
  };
  const somePolicies = (n: number) => attach([...new Set(Array.from({ length: n }, () => pick(policyArns)))]);
  // The first groups hold the AWS-managed policies, so each of those is attached and an inventory resource.
  const groups: IamGroup[] = Array.from({ length: count('AWS::IAM::Group') }, (_, i) => ({
    name: `${pick(teams)}-group-${i}`,
    id: `AGPA${upper(17)}`,
    createdAt: ago(1500),
    attached: i < awsPolicies.length ? attach([awsPolicies[i]!.arn]) : somePolicies(1),
  }));
  const users: IamUser[] = Array.from({ length: options.iamUsers ?? count('AWS::IAM::User') }, (_, i) => ({
    name: `user-${i}.${pick(teams)}`,
    id: `AIDA${upper(17)}`,
    createdAt: ago(1500),
    groups: chance(0.9) ? [pick(groups).name] : [],
    attached: chance(0.2) ? somePolicies(1) : [],
    inline: chance(0.1),
    password: chance(0.6),
    mfa: chance(0.5),
    accessKey: chance(0.5),
    tags: tagsOf(i),
  }));
  const roles: IamRole[] = Array.from({ length: count('AWS::IAM::Role') }, (_, i) => ({
    name: `${pick(['app', 'lambda', 'ecs-task', 'ci'])}-role-${i}`,
    id: `AROA${upper(17)}`,
    path: i % 10 === 0 ? '/service-role/' : '/',
    createdAt: ago(1500),
    attached: somePolicies(1 + Math.floor(rnd() * 2)),
    inline: chance(0.3),
    lastUsed: chance(0.7) ? ago(120) : undefined,
    tags: tagsOf(i),
  }));
  const policies = [...customerPolicies, ...awsPolicies].map((p) => ({ ...p, attachments: attachments.get(p.arn) ?? 0 }));

  const securityGroups: SecurityGroup[] = Array.from({ length: count('AWS::EC2::SecurityGroup') }, (_, i) => ({
    id: `sg-${hex(17)}`,
    region: regionOf(i),
    name: i < regions.length ? 'default' : `${pick(teams)}-sg-${i}`,
    vpc: `vpc-${hex(8)}`,
    openPorts: chance(0.15) ? [pick([22, 3389, 443, 80])] : [],
    tags: i < regions.length ? {} : tagsOf(i),
  }));
  const groupIn = (region: string) => pick(securityGroups.filter((g) => g.region === region)).id;

  const instances: Instance[] = [];
  for (let i = 0; i < count('AWS::EC2::Instance'); i++) {
    const region = regionOf(i);
    // Launches of one to three instances share a reservation.
    const previous = instances.at(-regions.length);
    const reservation = previous !== undefined && previous.region === region && chance(0.4) ? previous.reservation : `r-${hex(17)}`;
    instances.push({
      id: `i-${hex(17)}`,
      region,
      reservation,
      type: pick(['t3.micro', 'm6i.large', 'c7g.xlarge', 'r6i.2xlarge']),
      state: chance(0.85) ? 'running' : 'stopped',
      launchedAt: ago(400),
      publicIp: chance(0.2) ? `54.${i % 250}.${(i * 7) % 250}.${(i * 13) % 250}` : undefined,
      privateIp: `10.${i % 250}.${(i * 3) % 250}.${(i * 11) % 250}`,
      imdsV2: chance(0.7),
      securityGroup: groupIn(region),
      profile: chance(0.6) ? `arn:aws:iam::${accountId}:instance-profile/app-${i % 20}` : undefined,
      tags: { Name: `app-${i}`, ...tagsOf(i) },
    });
  }
  const volumes: Volume[] = Array.from({ length: count('AWS::EC2::Volume') }, (_, i) => {
    const region = regionOf(i);
    const encrypted = chance(0.8);
    const attachedTo = i < instances.length ? instances[i] : undefined;
    return {
      id: `vol-${hex(17)}`,
      region: attachedTo?.region ?? region,
      sizeGiB: pick([8, 20, 100, 500]),
      type: pick(['gp3', 'gp3', 'gp2', 'io2'] as const),
      encrypted,
      kmsKey: encrypted ? keyIn(attachedTo?.region ?? region, chance(0.5) ? 'CUSTOMER' : 'AWS') : undefined,
      instance: attachedTo?.id,
      createdAt: ago(400),
      tags: tagsOf(i),
    };
  });

  const dbInstances: DbInstance[] = Array.from({ length: count('AWS::RDS::DBInstance') }, (_, i) => {
    const region = regionOf(i);
    const engine = pick(['postgres', 'mysql', 'aurora-postgresql'] as const);
    const encrypted = chance(0.85);
    return {
      id: `${pick(teams)}-db-${i}`,
      region,
      engine,
      engineVersion: engine === 'mysql' ? '8.0.39' : '16.4',
      instanceClass: pick(['db.t4g.medium', 'db.r6g.large', 'db.m6i.xlarge']),
      encrypted,
      kmsKey: encrypted ? customerKeyIn(region) : undefined,
      public: chance(0.05),
      multiAz: chance(0.5),
      backupDays: pick([0, 1, 7, 14, 35]),
      cluster: engine === 'aurora-postgresql' ? `${pick(teams)}-cluster-${i % 10}` : undefined,
      createdAt: ago(900),
      tags: tagsOf(i),
    };
  });
  // Derived from the members without drawing random numbers, so that the rest of the account stays as it was.
  const dbClusters: DbCluster[] = [];
  for (const db of dbInstances) {
    if (db.cluster === undefined) continue;
    const existing = dbClusters.findIndex((c) => c.id === db.cluster && c.region === db.region);
    const found = dbClusters[existing];
    if (found !== undefined) {
      // A reader joins: RDS then reports the cluster Multi-AZ.
      dbClusters[existing] = { ...found, members: [...found.members, db.id], multiAz: true };
      continue;
    }
    dbClusters.push({
      id: db.cluster,
      region: db.region,
      engine: 'aurora-postgresql',
      engineVersion: db.engineVersion,
      encrypted: db.encrypted,
      kmsKey: db.kmsKey,
      multiAz: false,
      members: [db.id],
      backupDays: Math.max(1, db.backupDays),
      createdAt: db.createdAt,
      tags: db.tags,
    });
  }
  const dbSnapshots: DbSnapshot[] = Array.from({ length: count('AWS::RDS::DBSnapshot') }, (_, i) => {
    const db = dbInstances[i % dbInstances.length]!;
    const manual = chance(0.4);
    const createdAt = ago(60);
    return {
      id: manual ? `${db.id}-manual-${i}` : `rds:${db.id}-${createdAt.slice(0, 10)}-${String(i).padStart(4, '0')}`,
      region: db.region,
      instance: db.id,
      engine: db.engine,
      type: manual ? 'manual' : 'automated',
      encrypted: db.encrypted,
      kmsKey: db.kmsKey,
      restore: manual && chance(0.1) ? [pick(['all', '444455556666'])] : [],
      createdAt,
      tags: tagsOf(i),
    };
  });

  const trailLogGroup = `aws-cloudtrail-logs-${accountId}`;
  const trails: Trail[] = [
    { name: 'organization-audit', homeRegion, multiRegion: true, logging: true, kmsKey: customerKeyIn(homeRegion), logGroup: trailLogGroup },
    ...regions.map((region, i) => ({
      name: `${region}-data-events`,
      homeRegion: region,
      multiRegion: false,
      logging: i % 2 === 0,
      kmsKey: undefined,
      logGroup: undefined,
    })),
  ];

  const notebooks: Notebook[] = Array.from({ length: count('AWS::SageMaker::NotebookInstance') }, (_, i) => {
    const region = regionOf(i);
    const inVpc = chance(0.6);
    return {
      name: `notebook-${pick(teams)}-${i}`,
      region,
      instanceType: pick(['ml.t3.medium', 'ml.m5.xlarge']),
      status: chance(0.5) ? 'InService' : 'Stopped',
      directInternet: !inVpc || chance(0.3),
      rootAccess: chance(0.5),
      subnet: inVpc ? `subnet-${hex(17)}` : undefined,
      kmsKey: chance(0.5) ? customerKeyIn(region) : undefined,
      createdAt: ago(600),
      tags: tagsOf(i),
    };
  });

  const stacks: Stack[] = Array.from({ length: count('AWS::CloudFormation::Stack') }, (_, i) => ({
    name: `${pick(teams)}-stack-${i}`,
    uuid: uuid(),
    region: regionOf(i),
    status: pick(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'ROLLBACK_COMPLETE']),
    protected: chance(0.3),
    createdAt: ago(900),
    tags: tagsOf(i),
  }));

  const stateMachines: StateMachine[] = Array.from({ length: count('AWS::StepFunctions::StateMachine') }, (_, i) => {
    const failures: StateMachine['failures'][number][] = [];
    const n = chance(0.3) ? 1 + Math.floor(rnd() * 3) : 0;
    for (let k = 0; k < n; k++) {
      const startedAt = ago(1.5);
      failures.push({
        name: `run-${hex(8)}`,
        status: pick(['FAILED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const),
        startedAt,
        stoppedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(),
      });
    }
    failures.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
    return {
      name: `${pick(teams)}-workflow-${i}`,
      region: regionOf(i),
      type: i % 5 === 4 ? 'EXPRESS' : 'STANDARD',
      createdAt: ago(700),
      failures,
      tags: tagsOf(i),
    };
  });

  // Every region has its default VPC (the first of the region), and every VPC its default network ACL.
  const vpcs: Vpc[] = Array.from({ length: Math.max(regions.length, count('AWS::EC2::VPC')) }, (_, i) => {
    const isDefault = i < regions.length;
    return {
      id: `vpc-${hex(17)}`,
      region: regionOf(i),
      cidr: isDefault ? '172.31.0.0/16' : `10.${i % 256}.0.0/16`,
      isDefault,
      subnets: Array.from({ length: isDefault ? 3 : 2 + Math.floor(rnd() * 3) }, () => `subnet-${hex(17)}`),
      tags: isDefault ? {} : { Name: `${pick(teams)}-vpc-${i}`, ...tagsOf(i) },
    };
  });
  const allTraffic = (egress: boolean, rule: number, action: NetworkAclEntry['action']): NetworkAclEntry => ({
    rule,
    egress,
    protocol: '-1',
    action,
    cidr: '0.0.0.0/0',
    ports: undefined,
  });
  const finalDeny = [allTraffic(false, 32767, 'deny'), allTraffic(true, 32767, 'deny')];
  const tcpIn = (rule: number, cidr: string, from: number, to = from): NetworkAclEntry => ({
    rule,
    egress: false,
    protocol: '6',
    action: 'allow',
    cidr,
    ports: [from, to],
  });
  const customAclVpcs = vpcs.filter((v) => !v.isDefault);
  const aclDrafts = Array.from({ length: Math.max(vpcs.length, count('AWS::EC2::NetworkAcl')) }, (_, i) => {
    const isDefault = i < vpcs.length;
    const vpc = isDefault ? vpcs[i]! : (customAclVpcs[i % Math.max(1, customAclVpcs.length)] ?? vpcs[i % vpcs.length]!);
    const variant = isDefault ? 'default' : pick(['web', 'web', 'private', 'private', 'admin']);
    const ingress: NetworkAclEntry[] =
      variant === 'default'
        ? [allTraffic(false, 100, 'allow')]
        : variant === 'web'
          ? [tcpIn(100, '0.0.0.0/0', 443), tcpIn(110, '0.0.0.0/0', 80), tcpIn(120, '0.0.0.0/0', 1024, 65535)]
          : variant === 'private'
            ? [{ rule: 100, egress: false, protocol: '-1', action: 'allow', cidr: '10.0.0.0/8', ports: undefined }]
            : // Remote administration open to the world: what CIS 5.1 looks for.
              [tcpIn(100, '0.0.0.0/0', pick([22, 3389])), tcpIn(110, '10.0.0.0/8', 0, 65535)];
    return {
      id: `acl-${hex(17)}`,
      region: vpc.region,
      vpc: vpc.id,
      isDefault,
      entries: [...ingress, allTraffic(true, 100, 'allow'), ...finalDeny],
      subnets: [] as string[],
      tags: isDefault ? {} : { Name: `${variant}-acl-${i}`, ...tagsOf(i) },
    };
  });
  // Each subnet is associated with one ACL: the VPC's custom ACLs in turn, every so often its default one.
  for (const vpc of vpcs) {
    const own = aclDrafts.filter((a) => a.vpc === vpc.id);
    const custom = own.filter((a) => !a.isDefault);
    const defaultAcl = own.find((a) => a.isDefault)!;
    vpc.subnets.forEach((subnet, j) => (custom[j % (custom.length + 1)] ?? defaultAcl).subnets.push(subnet));
  }
  const networkAcls: NetworkAcl[] = aclDrafts;

  const flowLogs: FlowLog[] = [];
  for (const vpc of vpcs) {
    // A VPC logs itself, or some only one of its subnets (which does not count for the VPC), or nothing.
    const target = chance(0.6) ? vpc.id : chance(0.3) ? vpc.subnets[0]! : undefined;
    if (target === undefined) continue;
    flowLogs.push({
      id: `fl-${hex(17)}`,
      region: vpc.region,
      resource: target,
      trafficType: pick(['ALL', 'ALL', 'REJECT', 'ACCEPT'] as const),
      destination: chance(0.7)
        ? { type: 'cloud-watch-logs', logGroup: 'vpc-flow-logs' }
        : { type: 's3', bucketArn: `arn:aws:s3:::flow-logs-${accountId}/${vpc.region}` },
      delivering: chance(0.9),
      createdAt: ago(700),
    });
  }

  const fileSystems: FileSystem[] = Array.from({ length: count('AWS::EFS::FileSystem') }, (_, i) => {
    const region = regionOf(i);
    const encrypted = chance(0.8);
    return {
      id: `fs-${hex(17)}`,
      region,
      name: `${pick(teams)}-share-${i}`,
      encrypted,
      kmsKey: encrypted ? keyIn(region, chance(0.5) ? 'CUSTOMER' : 'AWS') : undefined,
      performanceMode: chance(0.9) ? 'generalPurpose' : 'maxIO',
      throughputMode: pick(['bursting', 'elastic', 'elastic', 'provisioned'] as const),
      mountTargets: 1 + Math.floor(rnd() * 3),
      sizeBytes: Math.floor(rnd() * 5e11),
      createdAt: ago(900),
      tags: { Name: `${pick(teams)}-share-${i}`, ...tagsOf(i) },
    };
  });

  // The trail's log group (home region) holds the CIS metric filters; each region has a group for
  // its VPC flow logs; the rest are application logs, some with a filter of their own.
  const logGroups: LogGroup[] = Array.from({ length: Math.max(1 + regions.length, count('AWS::Logs::LogGroup')) }, (_, i) => {
    const trail = i === 0;
    const flow = !trail && i <= regions.length;
    const region = trail ? homeRegion : flow ? regions[i - 1]! : regionOf(i);
    const team = pick(teams);
    const name = trail
      ? trailLogGroup
      : flow
        ? 'vpc-flow-logs'
        : pick([`/aws/lambda/${team}-fn-${i}`, `/ecs/${team}-service-${i}`, `/aws/rds/instance/${team}-db-${i}/postgresql`]);
    const own =
      trail || flow || !chance(0.25)
        ? []
        : Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, k) => ({
            name: `${team}-errors-${k}`,
            pattern: k === 0 ? 'ERROR' : '{ $.level = "error" }',
            metricName: `ErrorCount${k}`,
            namespace: `${team}/app`,
            createdAt: ago(300),
          }));
    return {
      name,
      region,
      retentionDays: trail ? 365 : pick([undefined, 7, 30, 90, 365, 3653]),
      kmsKey: trail || chance(0.3) ? customerKeyIn(region) : undefined,
      storedBytes: Math.floor(rnd() * 1e10),
      createdAt: ago(900),
      metricFilters: trail ? CIS_FILTERS.map((f) => ({ ...f, namespace: 'CISBenchmark', createdAt: ago(400) })) : own,
      tags: trail || flow ? { team: 'security' } : tagsOf(i),
    };
  });

  const topics: Topic[] = Array.from({ length: Math.max(1, count('AWS::SNS::Topic')) }, (_, i) => {
    const security = i === 0;
    const protocols = ['email', 'email', 'sqs', 'lambda', 'https'] as const;
    const subscriptions: Subscription[] = security
      ? [{ id: uuid(), protocol: 'email', endpoint: 'security@example.com', confirmed: true }]
      : Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => {
          const protocol = pick(protocols);
          const endpoint =
            protocol === 'email'
              ? `${pick(teams)}-oncall+${k}@example.com`
              : protocol === 'https'
                ? `https://hooks.example.com/${hex(8)}`
                : `arn:aws:${protocol}:${regionOf(i)}:${accountId}:${protocol === 'sqs' ? '' : 'function:'}${pick(teams)}-consumer-${i}-${k}`;
          return { id: uuid(), protocol, endpoint, confirmed: protocol !== 'email' || chance(0.7) };
        });
    return {
      name: security ? 'security-alerts' : `${pick(teams)}-alerts-${i}`,
      region: security ? homeRegion : regionOf(i),
      subscriptions,
      tags: security ? { team: 'security' } : tagsOf(i),
    };
  });
  const topicArn = (t: Topic) => `arn:aws:sns:${t.region}:${accountId}:${t.name}`;

  // CIS: an alarm on each filter's metric (but the last) notifying the security topic; the rest watch workloads.
  const cisAlarms: Alarm[] = CIS_FILTERS.slice(0, -1).map((f) => ({
    name: `cis-${f.name}`,
    region: homeRegion,
    metrics: [{ namespace: 'CISBenchmark', metricName: f.metricName }],
    expression: undefined,
    actionsEnabled: true,
    actions: [topicArn(topics[0]!)],
    state: chance(0.9) ? 'OK' : 'ALARM',
    updatedAt: ago(200),
    tags: { team: 'security' },
  }));
  const workloadMetrics = [
    { namespace: 'AWS/EC2', metricName: 'CPUUtilization' },
    { namespace: 'AWS/RDS', metricName: 'FreeStorageSpace' },
    { namespace: 'AWS/Lambda', metricName: 'Errors' },
    { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count' },
  ];
  const alarms: Alarm[] = [
    ...cisAlarms,
    ...Array.from({ length: Math.max(0, count('AWS::CloudWatch::Alarm') - cisAlarms.length) }, (_, i): Alarm => {
      const region = regionOf(i);
      const math = chance(0.1);
      const regional = topics.filter((t) => t.region === region);
      return {
        name: `${pick(teams)}-alarm-${i}`,
        region,
        metrics: math
          ? [
              { namespace: 'AWS/Lambda', metricName: 'Errors' },
              { namespace: 'AWS/Lambda', metricName: 'Invocations' },
            ]
          : [pick(workloadMetrics)],
        expression: math ? '100 * m1 / m2' : undefined,
        actionsEnabled: chance(0.9),
        actions: regional.length > 0 && chance(0.85) ? [topicArn(pick(regional))] : [],
        state: pick(['OK', 'OK', 'OK', 'ALARM', 'INSUFFICIENT_DATA'] as const),
        updatedAt: ago(100),
        tags: tagsOf(i),
      };
    }),
  ];

  const analyzers: Analyzer[] = regions.map((region) => ({
    name: `ConsoleAnalyzer-${uuid()}`,
    region,
    type: 'ACCOUNT',
    status: 'ACTIVE',
    createdAt: ago(700),
  }));
  const securityHub = Object.fromEntries(regions.map((region) => [region, ago(600)]));

  const ebsDefault = Object.fromEntries(regions.map((region, i) => [region, i === 0]));

  // Drawn last, from a generator of their own, so that adding them left every other draw as it was.
  const certRnd = random((options.seed ?? 42) + 1);
  const serverCertificates: ServerCertificate[] = Array.from({ length: count('AWS::IAM::ServerCertificate') }, (_, i) => {
    const uploaded = nowMs - Math.floor(certRnd() * 700) * DAY;
    return {
      name: `legacy-tls-${i}`,
      id: `ASCA${Array.from({ length: 17 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(certRnd() * 32)]).join('')}`,
      path: i % 2 === 0 ? '/' : '/cloudfront/',
      uploadedAt: new Date(uploaded).toISOString(),
      // Some expired already: CIS 2.19 finds them.
      expiresAt: new Date(uploaded + (i % 3 === 0 ? 300 : 800) * DAY).toISOString(),
      tags: { owner: 'platform' },
    };
  });

  // Drawn last, from a generator of their own, so that adding them left every other draw as it was.
  const wafRnd = random((options.seed ?? 42) + 2);
  const wafHex = (n: number) => Array.from({ length: n }, () => Math.floor(wafRnd() * 16).toString(16)).join('');
  const wafUuid = () => `${wafHex(8)}-${wafHex(4)}-4${wafHex(3)}-8${wafHex(3)}-${wafHex(12)}`;
  const wafIpSets: WafIpSet[] = [];
  /** The bank's IPv4 and IPv6 sets where WAF keeps the scope's sets (one pair per region and scope). */
  const bankSets = (region: string, scope: WafIpSet['scope']): [WafIpSet, WafIpSet] => {
    const own = wafIpSets.filter((set) => set.region === region && set.scope === scope);
    if (own.length === 2) return own as [WafIpSet, WafIpSet];
    const ipv4: WafIpSet = { name: 'bank-ipv4', id: wafUuid(), region, scope, version: 'IPV4', addresses: ['198.51.100.0/24', '203.0.113.0/25'] };
    const ipv6: WafIpSet = { name: 'bank-ipv6', id: wafUuid(), region, scope, version: 'IPV6', addresses: ['2001:db8:4a0::/48'] };
    wafIpSets.push(ipv4, ipv6);
    return [ipv4, ipv6];
  };
  const designs = ['allow-list', 'block-outside', 'open'] as const;
  const webAcls: WebAcl[] = Array.from({ length: count('AWS::WAFv2::WebACL') }, (_, i) => {
    // CloudFront's web ACLs are kept in us-east-1; an account without that region has none.
    const scope: WebAcl['scope'] = i % 4 === 1 && regions.includes('us-east-1') ? 'CLOUDFRONT' : 'REGIONAL';
    const region = scope === 'CLOUDFRONT' ? 'us-east-1' : regionOf(i);
    const design = designs[i % designs.length] ?? 'allow-list';
    const name = `${teams[i % teams.length] ?? 'platform'}-${design}-${i}`;
    const [ipv4Set, ipv6Set] = bankSets(region, scope);
    const alb = `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/${name}/${wafHex(16)}`;
    const stage = `arn:aws:apigateway:${region}::/restapis/${wafHex(10)}/stages/prod`;
    const associated: WebAcl['associated'] =
      scope === 'CLOUDFRONT' || design === 'open'
        ? []
        : design === 'allow-list'
          ? [
              { resourceType: 'APPLICATION_LOAD_BALANCER', arn: alb },
              { resourceType: 'API_GATEWAY', arn: stage },
            ]
          : [{ resourceType: 'APPLICATION_LOAD_BALANCER', arn: alb }];
    const logDestinations =
      design === 'allow-list'
        ? [`arn:aws:firehose:${region}:${accountId}:deliverystream/aws-waf-logs-${name}`]
        : design === 'block-outside'
          ? [`arn:aws:logs:${region}:${accountId}:log-group:aws-waf-logs-${name}`]
          : undefined;
    return {
      name,
      id: wafUuid(),
      region,
      scope,
      design,
      ipv4Set,
      ipv6Set,
      associated,
      logDestinations,
      logFilter: design === 'block-outside',
      tags: tagsOf(i),
    };
  });

  return {
    accountId,
    homeRegion,
    regions,
    now,
    buckets,
    keys,
    users,
    groups,
    roles,
    policies,
    instances,
    volumes,
    securityGroups,
    dbInstances,
    dbClusters,
    dbSnapshots,
    trails,
    notebooks,
    stacks,
    serverCertificates,
    stateMachines,
    vpcs,
    networkAcls,
    flowLogs,
    fileSystems,
    logGroups,
    topics,
    alarms,
    analyzers,
    securityHub,
    ebsDefault,
    wafIpSets,
    webAcls,
  };
}

/** How many resources of each type a faithful collection of the account finds (types it has none of left out). */
export function expectedResources(account: SyntheticAccount): Partial<Record<ResourceType, number>> {
  const counts: Partial<Record<ResourceType, number>> = {
    'AWS::Account': 1,
    'AWS::Account::Region': account.regions.length,
    'AWS::S3::Bucket': account.buckets.length,
    'AWS::KMS::Key': account.keys.length,
    'AWS::IAM::User': account.users.length,
    'AWS::IAM::Group': account.groups.length,
    'AWS::IAM::Role': account.roles.length,
    // Customer policies all; AWS-managed ones only when attached.
    'AWS::IAM::Policy': account.policies.filter((p) => p.arn.split(':')[4] !== 'aws' || p.attachments > 0).length,
    'AWS::EC2::Instance': account.instances.length,
    'AWS::EC2::Volume': account.volumes.length,
    'AWS::EC2::SecurityGroup': account.securityGroups.length,
    'AWS::RDS::DBCluster': account.dbClusters.length,
    'AWS::RDS::DBInstance': account.dbInstances.length,
    'AWS::RDS::DBSnapshot': account.dbSnapshots.length,
    'AWS::CloudTrail::Trail': account.trails.length,
    'AWS::SageMaker::NotebookInstance': account.notebooks.length,
    'AWS::CloudFormation::Stack': account.stacks.length,
    'AWS::StepFunctions::StateMachine': account.stateMachines.length,
    'AWS::IAM::ServerCertificate': account.serverCertificates.length,
    'AWS::EC2::VPC': account.vpcs.length,
    'AWS::EC2::NetworkAcl': account.networkAcls.length,
    'AWS::EFS::FileSystem': account.fileSystems.length,
    'AWS::Logs::LogGroup': account.logGroups.length,
    'AWS::CloudWatch::Alarm': account.alarms.length,
    'AWS::SNS::Topic': account.topics.length,
    'AWS::WAFv2::WebACL': account.webAcls.length,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}
