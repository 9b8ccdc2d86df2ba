/**
 * The same buckets through both sources: the S3 API collector against a mocked S3, and the Config
 * source against a mocked AWS Config whose items hold the same state, give equal resources — but
 * for where and when they were read, and the ownership controls Config does not record, which are
 * NotInConfig until the API fill reads them with one call per bucket.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { taggedBucketsIn } from '../support/s3-tagging.js';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  NoSuchBucket,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import s3Bucket from '../../../src/collect/collectors/s3/bucket.js';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import { configCollector } from '../../../src/collect/config-source/config-collectors.js';
import { notInConfigFields } from '../../../src/collect/config-source/normaliser.js';
import { normaliseS3Bucket } from '../../../src/collect/collectors/s3/bucket-from-config.js';
import { readConfigItem } from '../../../src/collect/config-source/config-item.js';
import { fillFromApi } from '../../../src/collect/config-source/fill-from-api.js';
import type { ResourceCollector } from '../../../src/collect/contract/collector.js';
import type { ResourceType } from '../../../src/model/resource-types.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import type { Resource } from '../../../src/model/resource.js';
import { unknown } from '../../../src/model/unknown.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';
import { ACCOUNT, byId, expectValid, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';
import { $metadata, answerSelect, CAPTURED_AT, configItem } from './config-items.js';

const REGION = 'eu-west-1';
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const CREATED = '2023-11-02T10:15:00.000Z';
const BANK_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::bank-statements', 'arn:aws:s3:::bank-statements/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

function s3Error(code: string, message: string, status: number): S3ServiceException {
  return new S3ServiceException({ name: code, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req' }, message });
}

type Answer = object | (() => Error);

/** One bucket's state, as the S3 API answers for it and as its configuration item records it. */
interface BucketState {
  readonly region: string;
  readonly api: Record<string, Answer>;
  readonly item: { readonly supplementaryConfiguration: Record<string, unknown>; readonly tags: Record<string, string> };
}

/** Everything configured: public access blocked, a policy, an ACL with a log-delivery grant, SSE-KMS, Object Lock, lifecycle, logging, tags. */
function bankStatements(): BucketState {
  const tags = { 'data-classification': 'confidential', owner: 'payments' };
  return {
    region: REGION,
    api: {
      GetPublicAccessBlock: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      },
      GetBucketPolicy: { Policy: JSON.stringify(BANK_POLICY) },
      GetBucketAcl: {
        Owner: { ID: OWNER_ID },
        Grants: [
          { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' },
          { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
          { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'READ_ACP' },
        ],
      },
      GetBucketOwnershipControls: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } },
      GetBucketEncryption: {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN }, BucketKeyEnabled: true }],
        },
      },
      GetBucketVersioning: { Status: 'Enabled', MFADelete: 'Disabled' },
      GetObjectLockConfiguration: { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: 6 } } } },
      GetBucketLifecycleConfiguration: {
        Rules: [
          {
            ID: 'archive-to-glacier',
            Filter: { Prefix: '' },
            Status: 'Enabled',
            Transitions: [
              { Days: 92, StorageClass: 'GLACIER' },
              { Date: new Date('2027-01-01T00:00:00Z'), StorageClass: 'DEEP_ARCHIVE' },
            ],
            NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'STANDARD_IA' }],
            Expiration: { Days: 3650 },
          },
          { ID: 'expire-tmp', Filter: { Prefix: 'tmp/' }, Status: 'Disabled', Expiration: { Days: 7 } },
          // Written before lifecycle filters existed: the prefix sits on the rule.
          { ID: 'legacy-logs', Prefix: 'logs/', Status: 'Enabled', Transitions: [{ Days: 0, StorageClass: 'INTELLIGENT_TIERING' }] },
        ],
      },
      GetBucketLogging: { LoggingEnabled: { TargetBucket: 'bank-access-logs', TargetPrefix: 'bank-statements/' } },
      GetBucketTagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    },
    item: {
      tags,
      supplementaryConfiguration: {
        // Config keeps the ACL as a JSON string of Java's AccessControlList.
        AccessControlList: JSON.stringify({
          grantSet: null,
          grantList: [
            { grantee: { id: OWNER_ID, displayName: null }, permission: 'FullControl' },
            { grantee: 'LogDelivery', permission: 'Write' },
            { grantee: 'LogDelivery', permission: 'ReadAcp' },
          ],
          owner: { displayName: null, id: OWNER_ID },
          isRequesterCharged: false,
        }),
        BucketAccelerateConfiguration: { status: null },
        BucketLoggingConfiguration: { destinationBucketName: 'bank-access-logs', logFilePrefix: 'bank-statements/' },
        BucketNotificationConfiguration: { configurations: {} },
        BucketPolicy: { policyText: JSON.stringify(BANK_POLICY) },
        BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: false },
        IsRequesterPaysEnabled: false,
        ServerSideEncryptionConfiguration: {
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: KEY_ARN }, bucketKeyEnabled: true }],
        },
        PublicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
        ObjectLockConfiguration: { objectLockEnabled: 'Enabled', rule: { defaultRetention: { mode: 'COMPLIANCE', days: null, years: 6 } } },
        BucketLifecycleConfiguration: {
          rules: [
            {
              id: 'archive-to-glacier',
              expirationInDays: 3650,
              expiredObjectDeleteMarker: false,
              noncurrentVersionExpirationInDays: -1,
              transitions: [
                { days: 92, date: null, storageClass: 'GLACIER' },
                { days: -1, date: '2027-01-01T00:00:00.000Z', storageClass: 'DEEP_ARCHIVE' },
              ],
              noncurrentVersionTransitions: [{ days: 30, storageClass: 'STANDARD_IA' }],
              abortIncompleteMultipartUpload: null,
              status: 'Enabled',
              filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: '' } },
            },
            {
              id: 'expire-tmp',
              expirationInDays: 7,
              expiredObjectDeleteMarker: false,
              noncurrentVersionExpirationInDays: -1,
              transitions: null,
              noncurrentVersionTransitions: null,
              abortIncompleteMultipartUpload: null,
              status: 'Disabled',
              filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: 'tmp/' } },
            },
            {
              id: 'legacy-logs',
              prefix: 'logs/',
              expirationInDays: -1,
              expiredObjectDeleteMarker: false,
              noncurrentVersionExpirationInDays: -1,
              transitions: [{ days: 0, date: null, storageClass: 'INTELLIGENT_TIERING' }],
              noncurrentVersionTransitions: null,
              abortIncompleteMultipartUpload: null,
              status: 'Enabled',
              filter: null,
            },
          ],
        },
        BucketTaggingConfiguration: { tagSets: [{ tags }] },
      },
    },
  };
}

/** Nothing configured: every optional sub-document absent, policy null, versioning Off, logging off, no tags. */
function legacyLogs(): BucketState {
  return {
    region: 'eu-central-1',
    api: {
      GetPublicAccessBlock: () => s3Error('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404),
      GetBucketPolicy: () => s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404),
      GetBucketAcl: { Owner: { ID: OWNER_ID }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' }] },
      GetBucketOwnershipControls: () => s3Error('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404),
      GetBucketEncryption: () => s3Error('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', 404),
      GetBucketVersioning: {},
      GetObjectLockConfiguration: () => s3Error('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404),
      GetBucketLifecycleConfiguration: () => s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404),
      GetBucketLogging: {},
      GetBucketTagging: () => s3Error('NoSuchTagSet', 'The TagSet does not exist', 404),
    },
    item: {
      tags: {},
      supplementaryConfiguration: {
        AccessControlList: JSON.stringify({
          grantSet: null,
          grantList: [{ grantee: { id: OWNER_ID, displayName: null }, permission: 'FullControl' }],
          owner: { displayName: null, id: OWNER_ID },
          isRequesterCharged: false,
        }),
        BucketAccelerateConfiguration: { status: null },
        BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
        BucketNotificationConfiguration: { configurations: {} },
        BucketPolicy: { policyText: null },
        BucketVersioningConfiguration: { status: 'Off', isMfaDeleteEnabled: null },
        IsRequesterPaysEnabled: false,
      },
    },
  };
}

let BUCKETS: Record<string, BucketState>;

const perBucket = [
  ['GetPublicAccessBlock', GetPublicAccessBlockCommand],
  ['GetBucketPolicy', GetBucketPolicyCommand],
  ['GetBucketAcl', GetBucketAclCommand],
  ['GetBucketOwnershipControls', GetBucketOwnershipControlsCommand],
  ['GetBucketEncryption', GetBucketEncryptionCommand],
  ['GetBucketVersioning', GetBucketVersioningCommand],
  ['GetObjectLockConfiguration', GetObjectLockConfigurationCommand],
  ['GetBucketLifecycleConfiguration', GetBucketLifecycleConfigurationCommand],
  ['GetBucketLogging', GetBucketLoggingCommand],
  ['GetBucketTagging', GetBucketTaggingCommand],
] as const;

const s3 = mockClient(S3Client);
const config = mockClient(ConfigServiceClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);

function wireTagging(): void {
  tagging.on(GetResourcesCommand).callsFake(async (_input: unknown, getClient: () => unknown) => {
    const region = await regionOf(getClient);
    const mappings = taggedBucketsIn(
      Object.fromEntries(Object.entries(BUCKETS).map(([name, state]) => [name, { region: state.region, tagging: state.api['GetBucketTagging'] }])),
      region,
    );
    return { ResourceTagMappingList: mappings, PaginationToken: '', $metadata };
  });
}
let s3Calls: { operation: string; bucket: string; region: string }[];

function wireS3(): void {
  s3.on(ListBucketsCommand).callsFake(() => ({
    Buckets: Object.entries(BUCKETS).map(([name, state]) => ({ Name: name, CreationDate: new Date(CREATED), BucketRegion: state.region })),
    Owner: { ID: OWNER_ID },
    $metadata,
  }));
  for (const [operation, Command] of perBucket) {
    s3.on(Command as typeof GetBucketAclCommand).callsFake(async (input: { Bucket: string }, getClient: () => unknown) => {
      s3Calls.push({ operation, bucket: input.Bucket, region: await regionOf(getClient) });
      const answer = BUCKETS[input.Bucket]?.api[operation];
      if (answer === undefined) throw new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } });
      if (typeof answer === 'function') throw answer();
      return { ...answer, $metadata };
    });
  }
}

function bucketItem(name: string, state: BucketState): string {
  return configItem({
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    arn: `arn:aws:s3:::${name}`,
    awsRegion: state.region,
    configuration: { name, owner: { displayName: null, id: OWNER_ID }, creationDate: CREATED },
    supplementaryConfiguration: state.item.supplementaryConfiguration,
    tags: state.item.tags,
  });
}

function wireConfig(): void {
  answerSelect(config, (region, type) =>
    type === 'AWS::S3::Bucket'
      ? Object.entries(BUCKETS)
          .filter(([, state]) => state.region === region)
          .map(([name, state]) => bucketItem(name, state))
      : [],
  );
}

beforeEach(() => {
  s3.reset();
  config.reset();
  s3Calls = [];
  BUCKETS = { 'bank-statements': bankStatements(), 'legacy-eu-logs': legacyLogs() };
  wireS3();
  wireConfig();
  tagging.reset();
  wireTagging();
});

afterEach(() => {
  s3.reset();
  config.reset();
  tagging.reset();
});

const REGIONS = [REGION, 'eu-central-1'];

/** The Config source's buckets with the fields it lacks filled from S3, as the orchestrator will do. */
async function configThenFill(): Promise<{ buckets: Resource<'AWS::S3::Bucket'>[]; coverage: CoverageRecorder }> {
  const { resources, coverage: configCoverage } = await runCollector(configCollector('AWS::S3::Bucket'), { regions: REGIONS });
  expect(configCoverage).toEqual([]);
  const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1 });
  const coverage = new CoverageRecorder();
  try {
    const run = { accountId: ACCOUNT, regions: REGIONS, clients, coverage, clock: () => new Date(OBSERVED_AT) };
    const buckets: Resource<'AWS::S3::Bucket'>[] = [];
    for (const bucket of resources) {
      const filled = await fillFromApi(bucket, s3Bucket as ResourceCollector<ResourceType>, run, notInConfigFields(bucket));
      if (filled !== undefined) buckets.push(filled);
    }
    return { buckets, coverage };
  } finally {
    clients.destroy();
  }
}

describe('S3 bucket: API and Config give the same resource', () => {
  it('normalises both buckets from Config exactly as the API collector does, but for ownership controls', async () => {
    const api = await runCollector(s3Bucket);
    expect(api.coverage).toEqual([]);
    const fromConfig = await runCollector(configCollector('AWS::S3::Bucket'), { regions: REGIONS });
    expect(fromConfig.coverage).toEqual([]);
    expect(fromConfig.resources.map((r) => r.id)).toEqual(api.resources.map((r) => r.id));
    for (const apiBucket of api.resources) {
      const configBucket = byId(fromConfig.resources, apiBucket.id);
      expect(configBucket.source).toBe('config');
      expect(configBucket.observedAt).toBe(CAPTURED_AT);
      expect(apiBucket.observedAt).toBe(OBSERVED_AT);
      // Config does not record ownership controls: unknown, never a default.
      expect(configBucket.config.objectOwnership).toEqual(unknown('NotInConfig: objectOwnership'));
      expect(notInConfigFields(configBucket)).toEqual(['objectOwnership']);
      const { source: _s, observedAt: _o, ...configRest } = configBucket;
      const { source: _s2, observedAt: _o2, ...apiRest } = apiBucket;
      expect({ ...configRest, config: { ...configRest.config, objectOwnership: apiRest.config.objectOwnership } }).toStrictEqual(apiRest);
    }
  });

  it('the API fill reads only the ownership controls, once per bucket in its own region, and then the resources are equal', async () => {
    const api = await runCollector(s3Bucket);
    s3.resetHistory();
    s3Calls = [];
    const { buckets, coverage } = await configThenFill();
    expect(coverage.list()).toEqual([]);
    expect(sentOperations(s3.send.getCalls())).toEqual(['GetBucketOwnershipControls', 'GetBucketOwnershipControls']);
    expect(s3Calls.map((c) => [c.bucket, c.region]).sort()).toEqual([
      ['bank-statements', REGION],
      ['legacy-eu-logs', 'eu-central-1'],
    ]);
    for (const apiBucket of api.resources) {
      const { source: _s, observedAt: _o, ...filled } = byId(buckets, apiBucket.id);
      const { source: _s2, observedAt: _o2, ...expected } = apiBucket;
      expect(filled).toStrictEqual(expected);
    }
    expectValid(buckets);
  });

  it('a field an item lacks is filled from S3 too; an S3 failure during the fill is unknown and in coverage', async () => {
    delete BUCKETS['bank-statements']!.item.supplementaryConfiguration['BucketPolicy'];
    BUCKETS['legacy-eu-logs']!.api['GetBucketOwnershipControls'] = () => s3Error('AccessDenied', 'Access Denied', 403);
    const { buckets, coverage } = await configThenFill();
    expect(byId(buckets, 'bank-statements').config.policy).toEqual(BANK_POLICY);
    expect(byId(buckets, 'bank-statements').config.objectOwnership).toBe('BucketOwnerPreferred');
    expect(byId(buckets, 'legacy-eu-logs').config.objectOwnership).toEqual(unknown('AccessDenied: s3:GetBucketOwnershipControls'));
    expect(coverage.list()).toEqual([
      expect.objectContaining({ region: 'eu-central-1', service: 's3', operation: 'GetBucketOwnershipControls', resourceArn: 'arn:aws:s3:::legacy-eu-logs' }),
    ]);
    expect(sentOperations(s3.send.getCalls()).sort()).toEqual(['GetBucketOwnershipControls', 'GetBucketOwnershipControls', 'GetBucketPolicy']);
  });

  it('a field the selected insights do not read is not filled: no S3 call, it stays NotInConfig', async () => {
    const { resources } = await runCollector(configCollector('AWS::S3::Bucket'), { regions: REGIONS });
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1 });
    try {
      const bucket = byId(resources, 'bank-statements');
      const selected = new Set(['policy']);
      const result = await fillFromApi(
        bucket,
        s3Bucket as ResourceCollector<ResourceType>,
        { accountId: ACCOUNT, regions: REGIONS, clients },
        notInConfigFields(bucket).filter((field) => selected.has(field)),
      );
      expect(result).toBe(bucket);
      expect(result?.config.objectOwnership).toEqual(unknown('NotInConfig: objectOwnership'));
      expect(s3.send.getCalls()).toHaveLength(0);
    } finally {
      clients.destroy();
    }
  });

  it('a bucket deleted since Config recorded it is left out by the fill, as by the API collector', async () => {
    const { resources } = await runCollector(configCollector('AWS::S3::Bucket'), { regions: REGIONS });
    delete BUCKETS['legacy-eu-logs'];
    const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1 });
    const coverage = new CoverageRecorder();
    try {
      const result = await fillFromApi(
        byId(resources, 'legacy-eu-logs'),
        s3Bucket as ResourceCollector<ResourceType>,
        { accountId: ACCOUNT, regions: REGIONS, clients, coverage },
        ['objectOwnership'],
      );
      expect(result).toBeUndefined();
      expect(coverage.list()).toEqual([
        expect.objectContaining({ error: expect.objectContaining({ code: 'NoSuchBucket' }), resourceArn: 'arn:aws:s3:::legacy-eu-logs' }),
      ]);
    } finally {
      clients.destroy();
    }
  });
});

describe('S3 configuration items', () => {
  const item = (supplementaryConfiguration: Record<string, unknown>) => {
    const read = readConfigItem(bucketItem('b', { region: REGION, api: {}, item: { supplementaryConfiguration, tags: {} } }));
    if (read.kind !== 'item') throw new Error(read.kind);
    return read.item;
  };
  const ctx = { partition: 'aws', unreadable: (_arn: string, code: string) => unknown(`${code}: config:SelectResourceConfig`) };
  const normalise = (supplementary: Record<string, unknown>) => {
    const result = normaliseS3Bucket(item(supplementary), ctx);
    if (!result.ok) throw new Error(result.message);
    return result;
  };
  const base = legacyLogs().item.supplementaryConfiguration;

  it('reads an ACL encoded twice and all three group grantees', () => {
    const acl = JSON.stringify(
      JSON.stringify({
        grantList: [
          { grantee: 'AllUsers', permission: 'Read' },
          { grantee: 'AuthenticatedUsers', permission: 'WriteAcp' },
        ],
        owner: { id: OWNER_ID, displayName: null },
      }),
    );
    expect(normalise({ ...base, AccessControlList: acl }).resource.config.acl).toEqual({
      ownerId: OWNER_ID,
      grants: [
        { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
        { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, permission: 'WRITE_ACP' },
      ],
    });
  });

  const cases: {
    name: string;
    supplementary: Record<string, unknown>;
    field: 'acl' | 'policy' | 'encryption' | 'lifecycleRules' | 'versioning';
    value: unknown;
  }[] = [
    {
      name: 'an unknown grantee form is unknown, not a guess',
      supplementary: {
        ...base,
        AccessControlList: JSON.stringify({ owner: { id: OWNER_ID }, grantList: [{ grantee: { emailAddress: 'a@example.com' }, permission: 'Read' }] }),
      },
      field: 'acl',
      value: unknown('UnexpectedConfigItem: config:SelectResourceConfig'),
    },
    {
      name: 'an unparsable policy is unknown',
      supplementary: { ...base, BucketPolicy: { policyText: '{"Statement": [' } },
      field: 'policy',
      value: unknown('UnparsablePolicy: config:SelectResourceConfig'),
    },
    {
      name: 'an item without the policy sub-document lacks it',
      supplementary: { ...base, BucketPolicy: null },
      field: 'policy',
      value: unknown('NotInConfig: policy'),
    },
    {
      name: 'an encryption rule without bucketKeyEnabled (older items) lacks it',
      supplementary: {
        ...base,
        ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyID: null } }] },
      },
      field: 'encryption',
      value: unknown('NotInConfig: encryption'),
    },
    {
      name: 'a lifecycle rule filtered by tag is not a whole-bucket rule',
      supplementary: {
        ...base,
        BucketLifecycleConfiguration: {
          rules: [
            { id: 'r', status: 'Enabled', expirationInDays: 30, filter: { predicate: { type: 'LifecycleTagPredicate', tag: { key: 'tier', value: 'cold' } } } },
          ],
        },
      },
      field: 'lifecycleRules',
      value: unknown('UnsupportedLifecycleFilter: config:SelectResourceConfig'),
    },
    {
      name: 'a lifecycle rule filtered by prefix and size is not a whole-bucket rule',
      supplementary: {
        ...base,
        BucketLifecycleConfiguration: {
          rules: [
            {
              id: 'r',
              status: 'Enabled',
              expirationInDays: 30,
              filter: {
                predicate: {
                  type: 'LifecycleAndOperator',
                  operands: [
                    { type: 'LifecyclePrefixPredicate', prefix: 'a/' },
                    { type: 'LifecycleObjectSizeGreaterThanPredicate', objectSizeGreaterThan: 1024 },
                  ],
                },
              },
            },
          ],
        },
      },
      field: 'lifecycleRules',
      value: unknown('UnsupportedLifecycleFilter: config:SelectResourceConfig'),
    },
    {
      name: 'versioning suspended with MFA delete on',
      supplementary: { ...base, BucketVersioningConfiguration: { status: 'Suspended', isMfaDeleteEnabled: true } },
      field: 'versioning',
      value: { status: 'Suspended', mfaDelete: 'Enabled' },
    },
    {
      name: 'an unknown versioning status is unknown',
      supplementary: { ...base, BucketVersioningConfiguration: { status: 'Paused' } },
      field: 'versioning',
      value: unknown('UnexpectedConfigItem: config:SelectResourceConfig'),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = normalise(c.supplementary);
      expect(result.resource.config[c.field]).toEqual(c.value);
      if (JSON.stringify(c.value).includes('NotInConfig')) expect(result.missing).toContain(c.field);
    });
  }
});
