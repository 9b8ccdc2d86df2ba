/** KMS keys of a demo account: customer-managed keys, BYOK keys with imported material, AWS-managed keys. */
import { kmsKey, kmsSharedKey } from '../../model/builders.js';
import { accountOfArn } from '../../model/arn.js';
import type { PolicyDocument } from '../../model/common.js';
import type { Resource, Tags } from '../../model/resource.js';
import { unknown, type Maybe } from '../../model/unknown.js';
import type { AccountScope } from '../scope.js';

export interface CustomerKeySpec {
  region: string;
  /** `alias/harbor-bank-data`; the key's name. */
  alias: string;
  tags: Maybe<Tags>;
  rotation: boolean;
  createdDaysAgo: number;
  /** Roles (ARNs) the key policy lets use the key, besides the account root. */
  users?: readonly string[];
  /** Overrides the generated key policy (e.g. an unknown one the scanner was denied). */
  policy?: Maybe<PolicyDocument>;
}

export function keyPolicy(scope: AccountScope, users: readonly string[]): PolicyDocument {
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${scope.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (users.length > 0) {
    statements.push({
      Sid: 'Allow use of the key',
      Effect: 'Allow',
      Principal: { AWS: users.length === 1 ? users[0] : [...users] },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Id: 'key-consolepolicy-3', Statement: statements };
}

export function customerKey(scope: AccountScope, spec: CustomerKeySpec): Resource<'AWS::KMS::Key'> {
  const { clock } = scope;
  const keyId = scope.rng.uuid();
  return kmsKey(
    {
      keyId,
      manager: 'CUSTOMER',
      origin: 'AWS_KMS',
      state: 'Enabled',
      rotation: spec.rotation
        ? { enabled: true, periodDays: 365, nextRotationDate: clock.daysAhead(365 - (spec.createdDaysAgo % 365)) }
        : { enabled: false, periodDays: null, nextRotationDate: null },
      policy: spec.policy ?? keyPolicy(scope, spec.users ?? []),
      keyMaterialExpires: null,
      validTo: null,
      keyMaterialImportedAt: null,
      deletionDate: null,
      aliases: [spec.alias],
    },
    scope.envelope(spec.region, keyId, spec.alias, spec.tags, clock.daysAgo(spec.createdDaysAgo)),
  );
}

export interface ImportedKeySpec {
  region: string;
  alias: string;
  tags: Tags;
  /** When the current key material was imported. */
  importedDaysAgo: number;
  /** When the imported key material expires, counted from the collection time. */
  validForDays: number;
  users?: readonly string[];
}

/** A BYOK key: origin EXTERNAL, key material imported by the bank with an expiry date. */
export function importedKey(scope: AccountScope, spec: ImportedKeySpec): Resource<'AWS::KMS::Key'> {
  const { clock } = scope;
  const keyId = scope.rng.uuid();
  return kmsKey(
    {
      keyId,
      manager: 'CUSTOMER',
      origin: 'EXTERNAL',
      state: 'Enabled',
      rotation: null,
      policy: keyPolicy(scope, spec.users ?? []),
      keyMaterialExpires: true,
      validTo: clock.daysAhead(spec.validForDays),
      keyMaterialImportedAt: clock.daysAgo(spec.importedDaysAgo),
      deletionDate: null,
      aliases: [spec.alias],
    },
    scope.envelope(spec.region, keyId, spec.alias, spec.tags, clock.daysAgo(spec.importedDaysAgo + 2)),
  );
}

const SERVICE_ENDPOINT: Record<AwsManagedService, string> = { s3: 's3', rds: 'rds', ebs: 'ec2' };
export type AwsManagedService = 's3' | 'rds' | 'ebs';

/** The key a service creates on first use (`aws/ebs` ...): AWS rotates it yearly; it cannot be tagged. */
export function awsManagedKey(scope: AccountScope, region: string, service: AwsManagedService, createdDaysAgo: number): Resource<'AWS::KMS::Key'> {
  const keyId = scope.rng.uuid();
  const alias = `alias/aws/${service}`;
  return kmsKey(
    {
      keyId,
      manager: 'AWS',
      origin: 'AWS_KMS',
      state: 'Enabled',
      rotation: { enabled: true, periodDays: 365, nextRotationDate: scope.clock.daysAhead(365 - (createdDaysAgo % 365)) },
      policy: {
        Version: '2012-10-17',
        Id: `auto-${service}-2`,
        Statement: [
          {
            Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
            Resource: '*',
            Condition: {
              StringEquals: { 'kms:CallerAccount': scope.accountId, 'kms:ViaService': `${SERVICE_ENDPOINT[service]}.${region}.amazonaws.com` },
            },
          },
          {
            Sid: 'Allow direct access to key metadata to the account',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${scope.accountId}:root` },
            Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
            Resource: '*',
          },
        ],
      },
      keyMaterialExpires: null,
      validTo: null,
      keyMaterialImportedAt: null,
      deletionDate: null,
      aliases: [alias],
    },
    scope.envelope(region, keyId, alias, {}, scope.clock.daysAgo(createdDaysAgo)),
  );
}

export interface SharedBankKeySpec {
  /** The key ARN (in the bank's account) the tenant's configuration names. */
  keyArn: string;
  /** When the bank's imported key material expires, counted from the collection time. */
  validForDays: number;
  /** Whether the bank's key policy lets this account list the grants on the key. */
  grantsListable: boolean;
}

/**
 * The bank's key as the tenant account sees it (`AWS::KMS::SharedKey`): described across accounts,
 * its use authorised by a GenerateDataKey dry run, and RDS holding a grant for the tenant's
 * databases when the bank lets the account list grants.
 */
export function sharedBankKey(scope: AccountScope, spec: SharedBankKeySpec): Resource<'AWS::KMS::SharedKey'> {
  const region = spec.keyArn.split(':')[3] ?? 'us-east-1';
  return kmsSharedKey(
    {
      describe: 'ok',
      ownerAccountId: accountOfArn(spec.keyArn) ?? null,
      origin: 'EXTERNAL',
      validTo: scope.clock.daysAhead(spec.validForDays),
      grants: spec.grantsListable
        ? [
            {
              granteePrincipal: `rds.${region}.amazonaws.com`,
              operations: ['Decrypt', 'GenerateDataKeyWithoutPlaintext', 'ReEncryptFrom', 'ReEncryptTo', 'CreateGrant', 'RetireGrant', 'DescribeKey'],
              constrained: false,
            },
          ]
        : unknown('AccessDeniedException: kms:ListGrants'),
    },
    // No tags: the key is another account's, and its tags are not readable from here.
    scope.envelope(region, spec.keyArn, spec.keyArn, {}),
  );
}
