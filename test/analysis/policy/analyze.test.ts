/**
 * Resource-policy analysis against a table of real-world documents, in the shapes the AWS
 * documentation gives them (CloudFront OAC/OAI, ELB and S3 log delivery, VPC endpoint and
 * organization restrictions, replication, KMS key policies) and the traps around them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeResourcePolicy, type PolicyAnalysisOptions } from '../../../src/analysis/policy/analyze.js';
import type { AccessLevel } from '../../../src/analysis/policy/actions.js';
import { scanAllowPrincipals } from '../../../src/analysis/policy/principal-scan.js';

const OWNER = '111122223333';
const OTHER = '444455556666';
const BUCKET = 'arn:aws:s3:::example-bucket';
const OBJECTS = `${BUCKET}/*`;
const KEY = '*';

type Statement = Record<string, unknown>;

function policy(...statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

function allow(principal: unknown, action: unknown, extra: Statement = {}): Statement {
  return { Effect: 'Allow', Principal: principal, Action: action, Resource: OBJECTS, ...extra };
}

function deny(principal: unknown, action: unknown, extra: Statement = {}): Statement {
  return { Effect: 'Deny', Principal: principal, Action: action, Resource: [BUCKET, OBJECTS], ...extra };
}

const tlsDeny = deny('*', 's3:*', { Sid: 'DenyInsecureTransport', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

interface Case {
  name: string;
  document: unknown;
  options?: Partial<PolicyAnalysisOptions>;
  public?: boolean;
  publicActions?: string[];
  levels?: AccessLevel[];
  /** Descriptions of the external parties (default: none). */
  external?: string[];
  neutralisedBy?: string[];
  unknownKeys?: string[];
  /** A statement reason (any statement) must match. */
  reason?: RegExp;
  error?: RegExp;
  errorStatement?: string;
}

const cases: Case[] = [
  // Public grants
  {
    name: 'static website: GetObject to "*"',
    document: policy(allow('*', 's3:GetObject', { Sid: 'PublicReadGetObject' })),
    public: true,
    publicActions: ['s3:GetObject'],
    levels: ['read'],
    reason: /Sid "PublicReadGetObject"\) grants s3:GetObject to "\*" with no condition/,
  },
  { name: '{"AWS": "*"} is everyone', document: policy(allow({ AWS: '*' }, 's3:GetObject')), public: true, levels: ['read'] },
  { name: 'public write: PutObject to everyone', document: policy(allow('*', 's3:PutObject')), public: true, levels: ['write'] },
  {
    name: 's3:* to everyone is every access level',
    document: policy(allow('*', 's3:*')),
    public: true,
    levels: ['list', 'read', 'write', 'permissions-management', 'tagging'],
  },
  { name: 's3:Get* is read only', document: policy(allow('*', 's3:Get*')), public: true, publicActions: ['s3:Get*'], levels: ['read'] },
  {
    name: 's3:Put* includes write, permissions management and tagging',
    document: policy(allow('*', ['s3:Put*'])),
    public: true,
    levels: ['write', 'permissions-management', 'tagging'],
  },
  {
    name: 's3:PutBucketPolicy is permissions management',
    document: policy(allow('*', 's3:PutBucketPolicy')),
    public: true,
    levels: ['permissions-management'],
  },
  { name: 's3:ListBucket to everyone is public listing', document: policy(allow('*', 's3:ListBucket', { Resource: BUCKET })), public: true, levels: ['list'] },
  {
    name: 'Allow with NotPrincipal grants everyone not listed',
    document: policy({ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: OBJECTS }),
    public: true,
    reason: /everyone except NotPrincipal/,
  },
  {
    name: 'Allow with NotAction grants every other action',
    document: policy({ Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', Resource: OBJECTS }),
    public: true,
    publicActions: ['* except s3:DeleteObject'],
    levels: ['list', 'read', 'write', 'permissions-management', 'tagging'],
  },
  {
    name: 'a web identity provider (Federated graph.facebook.com) is public',
    document: policy(allow({ Federated: 'graph.facebook.com' }, 's3:PutObject')),
    public: true,
  },

  // AWS service principals and AWS-run identities
  {
    name: 'CloudFront OAC scoped to a distribution of the owner',
    document: policy(
      allow({ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject', {
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${OWNER}:distribution/EDFDVBD6EXAMPLE` } },
      }),
    ),
    public: false,
  },
  {
    name: 'CloudFront OAC scoped to a distribution of another account',
    document: policy(
      allow({ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject', {
        Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${OTHER}:distribution/EDFDVBD6EXAMPLE` } },
      }),
    ),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'CloudFront OAC without a SourceArn is a service grant, not public',
    document: policy(allow({ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject')),
    public: false,
  },
  {
    name: 'CloudFront OAI by canonical user',
    document: policy(allow({ CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, 's3:GetObject')),
    public: false,
    external: ['canonical user 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'],
  },
  {
    name: 'CloudFront OAI by ARN',
    document: policy(allow({ AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL' }, 's3:GetObject')),
    public: false,
  },
  {
    name: 'ELB access logs to the regional Elastic Load Balancing account',
    document: policy(allow({ AWS: 'arn:aws:iam::156460612806:root' }, 's3:PutObject', { Resource: `${BUCKET}/AWSLogs/${OWNER}/*` })),
    public: false,
    external: ['account 156460612806 (Elastic Load Balancing log delivery (eu-west-1))'],
  },
  {
    name: 'ELB access logs to the log delivery service principal',
    document: policy(allow({ Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, 's3:PutObject', { Resource: `${BUCKET}/AWSLogs/${OWNER}/*` })),
    public: false,
  },
  {
    name: 'S3 server access logs with aws:SourceAccount of the owner',
    document: policy(
      allow({ Service: 'logging.s3.amazonaws.com' }, 's3:PutObject', {
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::source-bucket' }, StringEquals: { 'aws:SourceAccount': OWNER } },
      }),
    ),
    public: false,
  },

  // Accounts
  { name: 'the owner account root', document: policy(allow({ AWS: `arn:aws:iam::${OWNER}:root` }, 's3:*')), public: false },
  {
    name: 'cross-account replication role',
    document: policy(
      allow({ AWS: `arn:aws:iam::${OTHER}:role/s3-replication` }, ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], { Sid: 'Replication' }),
      allow({ AWS: `arn:aws:iam::${OTHER}:role/s3-replication` }, ['s3:List*', 's3:GetBucketVersioning', 's3:PutBucketVersioning'], { Resource: BUCKET }),
    ),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'cross-account replication from a trusted account',
    document: policy(allow({ AWS: `arn:aws:iam::${OTHER}:role/s3-replication` }, ['s3:ReplicateObject', 's3:ReplicateDelete'])),
    options: { trustedAccountIds: [OTHER] },
    public: false,
  },
  { name: 'a bare account id is that account', document: policy(allow({ AWS: OTHER }, 's3:GetObject')), public: false, external: [`account ${OTHER}`] },
  {
    name: 'a deleted role shows as its unique id and reaches nobody',
    document: policy(allow({ AWS: 'AROAEXAMPLEUNIQUEID01' }, 's3:GetObject')),
    public: false,
    reason: /reaches nobody/,
  },

  // Conditions that limit who can call
  {
    name: 'VPC endpoint restricted',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
    public: false,
    reason: /limited by StringEquals aws:SourceVpce = vpce-1a2b3c4d/,
  },
  {
    name: 'VPC restricted (S3 doc example made non-public)',
    document: policy(allow('*', 's3:PutObject', { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-91237329' } } })),
    public: false,
  },
  {
    name: 'condition keys are case-insensitive',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'AWS:SOURCEVPCE': 'vpce-1a2b3c4d' } } })),
    public: false,
  },
  {
    name: 'organization restricted, trusted organization',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
    options: { trustedOrgIds: ['o-a1b2c3d4e5'] },
    public: false,
  },
  {
    name: 'organization restricted, organization not trusted',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
    public: false,
    external: ['organization o-a1b2c3d4e5'],
  },
  {
    name: 'organization path starting with a fixed organization id',
    document: policy(
      allow('*', 's3:GetObject', { Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } } }),
    ),
    options: { trustedOrgIds: ['o-a1b2c3d4e5'] },
    public: false,
  },
  {
    name: 'IP restricted',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.7'] } } })),
    public: false,
  },
  {
    name: 'IP restricted within the trusted networks',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/25' } } })),
    options: { trustedCidrs: ['192.0.2.0/24'] },
    public: false,
  },
  {
    name: 'IP restricted outside the trusted networks',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } })),
    options: { trustedCidrs: ['192.0.2.0/24'] },
    public: false,
    external: ['network 198.51.100.0/24'],
  },
  {
    name: 'IP 0.0.0.0/0 is everyone',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })),
    public: true,
    reason: /whole internet/,
  },
  {
    name: 'IP broader than /8 counts as public',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } } })),
    public: true,
  },
  {
    name: 'IP /8 is narrow enough',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })),
    public: false,
  },
  { name: 'IPv6 ::/0 is everyone', document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '::/0' } } })), public: true },
  {
    name: 'IPv6 broader than /32 counts as public',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/16' } } })),
    public: true,
  },
  {
    name: 'IPv6 unique-local range is exempt from the breadth rule',
    document: policy(allow('*', 's3:GetObject', { Condition: { IpAddress: { 'aws:SourceIp': 'fc00::/7' } } })),
    public: false,
  },
  {
    name: 'NotIpAddress on an Allow is everyone else',
    document: policy(allow('*', 's3:GetObject', { Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })),
    public: true,
  },
  {
    name: 'aws:SourceAccount list with another account',
    document: policy(allow('*', 's3:PutObject', { Condition: { StringEquals: { 'aws:SourceAccount': [OWNER, OTHER] } } })),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'aws:PrincipalAccount of the owner',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:PrincipalAccount': OWNER } } })),
    public: false,
  },
  {
    name: 'access point delegation (s3:DataAccessPointAccount)',
    document: policy(allow({ AWS: '*' }, '*', { Condition: { StringEquals: { 's3:DataAccessPointAccount': OWNER } } })),
    public: false,
  },
  {
    name: 'access point ARN with a wildcard name and a fixed account',
    document: policy(allow({ AWS: '*' }, '*', { Condition: { ArnLike: { 's3:DataAccessPointArn': `arn:aws:s3:eu-west-1:${OWNER}:accesspoint/*` } } })),
    public: false,
  },
  {
    name: 'a fixed aws:userid',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:userid': 'AIDAEXAMPLEUSERID0001' } } })),
    public: false,
  },
  {
    name: 'one restricting clause beside an unknown key: not public, unknown key named',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:SomeFutureKey': 'x' } } })),
    public: false,
    unknownKeys: ['aws:SomeFutureKey'],
  },

  // Conditions that limit nobody (traps)
  {
    name: 'IfExists trap: requests without a VPC endpoint get through',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
    public: true,
    reason: /carry no aws:SourceVpce/,
  },
  {
    name: 'ForAllValues trap: true when the key is missing',
    document: policy(allow('*', 's3:GetObject', { Condition: { 'ForAllValues:StringEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
    public: true,
  },
  {
    name: 'ForAnyValue with a fixed value restricts',
    document: policy(allow('*', 's3:GetObject', { Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
    public: false,
  },
  {
    name: "wildcard SourceArn trap: any account's distribution",
    document: policy(allow('*', 's3:GetObject', { Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*:distribution/*' } } })),
    public: true,
    reason: /wildcard and no fixed account/,
  },
  {
    name: 'wildcard SourceArn on bucket names anyone can create',
    document: policy(allow('*', 's3:PutObject', { Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::example-logs-*' } } })),
    public: true,
  },
  {
    name: 'SourceArn pattern with a fixed account limits access to that account',
    document: policy(allow('*', 's3:GetObject', { Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:cloudfront::${OTHER}:distribution/*` } } })),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'StringLike aws:SourceVpc vpc-* (S3 doc example) is public',
    document: policy(allow('*', 's3:PutObject', { Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } })),
    public: true,
  },
  {
    name: 'StringLike without a wildcard is a fixed value',
    document: policy(allow('*', 's3:PutObject', { Condition: { StringLike: { 'aws:SourceVpc': 'vpc-91237329' } } })),
    public: false,
  },
  {
    name: 'aws:userid of every session of a role (AROLEID:*) is not fixed',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLEROLEID0001:*' } } })),
    public: true,
  },
  {
    name: 'policy variable trap',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:role/reader' } } })),
    public: true,
    reason: /policy variable/,
  },
  {
    name: 'aws:SecureTransport on an Allow limits nobody',
    document: policy(allow('*', 's3:GetObject', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
    public: true,
  },
  {
    name: 's3:prefix limits nobody',
    document: policy(allow('*', 's3:ListBucket', { Resource: BUCKET, Condition: { StringLike: { 's3:prefix': ['public/*'] } } })),
    public: true,
  },
  {
    name: 'aws:Referer limits nobody (spoofable)',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringLike: { 'aws:Referer': 'https://www.example.com/*' } } })),
    public: true,
  },
  {
    name: 'unknown condition key on an Allow is treated as public and named',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:SomeFutureKey': 'x' } } })),
    public: true,
    unknownKeys: ['aws:SomeFutureKey'],
  },
  {
    name: 'Null aws:SourceVpce false (any VPC endpoint) limits nobody',
    document: policy(allow('*', 's3:GetObject', { Condition: { Null: { 'aws:SourceVpce': 'false' } } })),
    public: true,
  },

  // Deny statements
  { name: 'TLS-only deny does not make a public read private', document: policy(allow('*', 's3:GetObject'), tlsDeny), public: true },
  { name: 'TLS-only deny alone grants nothing', document: policy(tlsDeny), public: false },
  {
    name: 'an unconditional Deny to everyone of the same actions neutralises the Allow',
    document: policy(allow('*', 's3:GetObject'), deny('*', 's3:GetObject', { Sid: 'Lockdown' })),
    public: false,
    neutralisedBy: ['statement 2 (Sid "Lockdown")'],
  },
  {
    name: "a Deny repeating the Allow's condition neutralises it",
    document: policy(
      allow('*', 's3:GetObject', { Condition: { StringLike: { 's3:ExistingObjectTag/public': 'yes' } } }),
      deny('*', 's3:GetObject', { Condition: { StringLike: { 's3:ExistingObjectTag/public': 'yes' } } }),
    ),
    public: false,
  },
  {
    name: 'VPC endpoint enforced by a Deny (StringNotEquals aws:SourceVpce)',
    document: policy(
      allow('*', 's3:GetObject'),
      deny('*', 's3:*', { Sid: 'DenyOutsideVpce', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }),
    ),
    public: false,
    neutralisedBy: ['statement 2 (Sid "DenyOutsideVpce")'],
  },
  {
    name: 'a Deny with an IfExists negated clause still limits callers',
    document: policy(allow('*', 's3:GetObject'), deny('*', 's3:*', { Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
    options: { trustedOrgIds: ['o-a1b2c3d4e5'] },
    public: false,
  },
  {
    name: 'IP allow-list enforced by a Deny (NotIpAddress)',
    document: policy(allow('*', 's3:GetObject'), deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } } })),
    public: false,
  },
  {
    name: 'a Deny with a wildcard escape does not limit',
    document: policy(allow('*', 's3:GetObject'), deny('*', 's3:*', { Condition: { StringNotLike: { 'aws:SourceVpce': 'vpce-*' } } })),
    public: true,
  },
  {
    name: 'a Deny of part of the actions leaves the rest public',
    document: policy(allow('*', ['s3:Get*', 's3:PutObject']), deny('*', 's3:PutObject')),
    public: true,
    publicActions: ['s3:Get*'],
    levels: ['read'],
  },
  {
    name: 'a Deny of one action does not neutralise a wildcard Allow',
    document: policy(allow('*', 's3:Get*'), deny('*', 's3:GetObject')),
    public: true,
    publicActions: ['s3:Get*'],
  },
  {
    name: 'a Deny on a narrower resource does not neutralise',
    document: policy(allow('*', 's3:GetObject'), { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/private/*` }),
    public: true,
  },
  {
    name: 'a Deny with NotAction spares only its actions',
    document: policy(allow('*', ['s3:GetObject', 's3:PutObject']), { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: OBJECTS }),
    public: true,
    publicActions: ['s3:GetObject'],
    levels: ['read'],
  },
  {
    name: 'NotPrincipal Deny sparing only owner principals',
    document: policy(allow({ AWS: '*' }, 's3:GetObject'), {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${OWNER}:role/app`, `arn:aws:sts::${OWNER}:assumed-role/app/session`, `arn:aws:iam::${OWNER}:root`] },
      Action: 's3:*',
      Resource: [BUCKET, OBJECTS],
    }),
    public: false,
  },
  {
    name: 'NotPrincipal Deny sparing another account',
    document: policy(allow({ AWS: '*' }, 's3:GetObject'), {
      Effect: 'Deny',
      NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:role/partner` },
      Action: 's3:*',
      Resource: [BUCKET, OBJECTS],
    }),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'a Deny on another account removes its cross-account grant',
    document: policy(allow({ AWS: `arn:aws:iam::${OTHER}:role/partner` }, 's3:GetObject'), deny({ AWS: OTHER }, 's3:*')),
    public: false,
  },

  // KMS key policies (IAM Access Analyzer reading)
  {
    name: 'KMS default key policy',
    document: policy({ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:root` }, Action: 'kms:*', Resource: KEY }),
    public: false,
  },
  {
    name: 'KMS AWS-managed key policy (kms:CallerAccount and kms:ViaService)',
    document: policy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: KEY,
      Condition: { StringEquals: { 'kms:CallerAccount': OWNER, 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    }),
    public: false,
  },
  {
    name: 'KMS key shared with another account',
    document: policy(
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWNER}:root` }, Action: 'kms:*', Resource: KEY },
      {
        Sid: 'AllowSaasUse',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: KEY,
      },
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
        Action: 'kms:CreateGrant',
        Resource: KEY,
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'KMS key open to everyone',
    document: policy({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: KEY }),
    public: true,
    levels: ['write'],
  },
  {
    name: 'KMS kms:ViaService alone limits nobody',
    document: policy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
    }),
    public: true,
  },
  {
    name: 'KMS aws:PrincipalArn pattern pinned to another account',
    document: policy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/*` } },
    }),
    public: false,
    external: [`account ${OTHER}`],
  },
  {
    name: 'KMS CreateGrant to everyone is permissions management',
    document: policy({ Effect: 'Allow', Principal: '*', Action: 'kms:CreateGrant', Resource: KEY }),
    public: true,
    levels: ['permissions-management'],
  },

  // Documents
  { name: 'a policy given as JSON text', document: JSON.stringify(policy(allow('*', 's3:GetObject'))), public: true },
  { name: 'a single statement object instead of a list', document: { Version: '2012-10-17', Statement: allow('*', 's3:GetObject') }, public: true },
  { name: 'an empty statement list', document: policy(), public: false },

  // Malformed documents
  {
    name: 'lower-case effect',
    document: policy(allow('*', 's3:GetObject'), { ...allow('*', 's3:GetObject'), Effect: 'allow' }),
    error: /statement 2: Effect must be/,
    errorStatement: 'statement 2',
  },
  {
    name: 'no principal in a resource policy',
    document: policy({ Sid: 'NoWho', Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECTS }),
    error: /Sid "NoWho"\): .*Principal/,
    errorStatement: 'statement 1 (Sid "NoWho")',
  },
  { name: 'both Action and NotAction', document: policy({ ...allow('*', 's3:GetObject'), NotAction: 's3:PutObject' }), error: /both Action and NotAction/ },
  { name: 'no Action', document: policy({ Effect: 'Allow', Principal: '*', Resource: OBJECTS }), error: /Action or NotAction/ },
  { name: 'a principal string other than "*"', document: policy(allow(`arn:aws:iam::${OTHER}:root`, 's3:GetObject')), error: /Principal must be/ },
  { name: 'an unknown principal type', document: policy(allow({ Account: OTHER }, 's3:GetObject')), error: /unknown principal type "Account"/ },
  {
    name: 'a condition value that is an object',
    document: policy(allow('*', 's3:GetObject', { Condition: { StringEquals: { 'aws:SourceVpce': { id: 'x' } } } })),
    error: /Condition\.StringEquals\.aws:SourceVpce/,
  },
  { name: 'no Statement', document: { Version: '2012-10-17' }, error: /no Statement/ },
  { name: 'not JSON', document: '{"Statement": [', error: /not valid JSON/ },
];

describe('analyzeResourcePolicy', () => {
  it('has at least 40 documents with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(c.name, () => {
      const result = analyzeResourcePolicy(c.document, { ownerAccountId: OWNER, ...c.options });
      if (c.error !== undefined) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatch(c.error);
        if (c.errorStatement !== undefined) expect(result.statement).toBe(c.errorStatement);
        return;
      }
      if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
      const { analysis } = result;
      expect(analysis.public, JSON.stringify(analysis.statements.map((s) => s.reason))).toBe(c.public);
      expect(analysis.publicStatements.length > 0).toBe(c.public);
      if (c.publicActions !== undefined) expect(analysis.publicActions).toEqual(c.publicActions);
      if (c.levels !== undefined) expect(analysis.publicAccessLevels).toEqual(c.levels);
      expect(analysis.externalAccess.map((e) => e.description).sort()).toEqual([...(c.external ?? [])].sort());
      if (c.neutralisedBy !== undefined) expect(analysis.statements[0]?.neutralisedBy).toEqual(c.neutralisedBy);
      expect(analysis.unknownConditionKeys).toEqual(c.unknownKeys ?? []);
      if (c.reason !== undefined) expect(analysis.statements.map((s) => s.reason).join('\n')).toMatch(c.reason);
    });
  }
});

describe('analysis details', () => {
  it('says which actions each other account gets, with their access levels', () => {
    const result = analyzeResourcePolicy(
      policy(
        allow({ AWS: `arn:aws:iam::${OTHER}:root` }, ['s3:Get*', 's3:List*'], { Sid: 'PartnerRead' }),
        allow({ AWS: `arn:aws:iam::${OTHER}:role/uploader` }, 's3:PutObject', { Sid: 'PartnerWrite' }),
      ),
      { ownerAccountId: OWNER },
    );
    expect(result.ok && result.analysis.externalAccess).toEqual([
      {
        party: { kind: 'account', accountId: OTHER },
        description: `account ${OTHER}`,
        actions: ['s3:Get*', 's3:List*', 's3:PutObject'],
        accessLevels: ['list', 'read', 'write'],
        statements: ['statement 1 (Sid "PartnerRead")', 'statement 2 (Sid "PartnerWrite")'],
      },
    ]);
  });

  it('explains per statement which one is public and why', () => {
    const result = analyzeResourcePolicy(
      policy(
        allow({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject', { Sid: 'CloudTrail' }),
        allow({ AWS: OTHER }, 's3:GetObject', { Sid: 'Partner' }),
        allow('*', 's3:GetObject', { Sid: 'Public', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
        tlsDeny,
      ),
      { ownerAccountId: OWNER },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.analysis.statements.map((s) => [s.label, s.public])).toEqual([
      ['statement 1 (Sid "CloudTrail")', false],
      ['statement 2 (Sid "Partner")', false],
      ['statement 3 (Sid "Public")', true],
      ['statement 4 (Sid "DenyInsecureTransport")', false],
    ]);
    const publicStatement = result.analysis.statements[2];
    expect(publicStatement?.ignoredConditions).toEqual(['aws:SecureTransport does not limit who can call']);
    expect(publicStatement?.publicActions).toEqual(['s3:GetObject']);
    expect(result.analysis.statements[3]?.reason).toMatch(/denies s3:\* to "\*" when Bool aws:SecureTransport = false/);
  });

  it('keeps the grants limited by a Deny, with the restriction that limits them', () => {
    const result = analyzeResourcePolicy(
      policy(allow('*', 's3:GetObject'), deny('*', 's3:*', { Sid: 'VpceOnly', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
      { ownerAccountId: OWNER },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.analysis.grants).toMatchObject([
      {
        statement: 'statement 1',
        narrowedBy: ['statement 2 (Sid "VpceOnly")'],
        audience: { kind: 'restricted' },
        constraints: [[{ kind: 'vpcs', ids: ['vpce-1a2b3c4d'] }]],
      },
    ]);
  });
});

describe('the quick principal scan agrees with the full analysis', () => {
  it('never calls "simple" a policy the analysis finds public, malformed or shared outside the named accounts', () => {
    let simple = 0;
    for (const c of cases) {
      const scan = scanAllowPrincipals(c.document);
      if (scan.kind !== 'simple') continue;
      simple++;
      const options = { ownerAccountId: OWNER, ...c.options };
      const result = analyzeResourcePolicy(c.document, options);
      expect(result.ok, c.name).toBe(true);
      if (!result.ok) continue;
      expect(result.analysis.public, c.name).toBe(false);
      if (scan.services.size === 0) {
        for (const access of result.analysis.externalAccess) {
          expect(access.party.kind === 'account' && scan.accounts.has(access.party.accountId), `${c.name}: ${access.description}`).toBe(true);
        }
      }
    }
    expect(simple, 'the table has simple policies to compare').toBeGreaterThan(5);
  });
});
