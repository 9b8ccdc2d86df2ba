/**
 * The S3 bucket collector against a mocked S3 (aws-sdk-client-mock): every response shaped as the
 * S3 API reference documents it (after the SDK's deserialisation), the documented error codes as
 * S3 service exceptions, and each call checked to reach a client of the bucket's own region.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccessDenied,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
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
  type LifecycleRule,
} from '@aws-sdk/client-s3';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient, ResourceGroupsTaggingAPIServiceException } from '@aws-sdk/client-resource-groups-tagging-api';
import s3Bucket from '../../../src/collect/collectors/s3/bucket.js';
import { lifecycleRule, regionOfLocationConstraint } from '../../../src/collect/collectors/s3/bucket-documents.js';
import { unknown } from '../../../src/model/unknown.js';
import { taggedBucketsIn } from '../support/s3-tagging.js';
import { ACCOUNT, byId, OBSERVED_AT, regionOf, runCollector, sentOperations } from '../support/harness.js';

const $metadata = { httpStatusCode: 200, requestId: 'req', attempts: 1, totalRetryDelay: 0 };
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

/** An S3 error the way the SDK raises it: an S3ServiceException named by the error code. */
function s3Error(code: string, message: string, status: number): S3ServiceException {
  return new S3ServiceException({ name: code, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req' }, message });
}

const NOT_CONFIGURED: Record<string, () => Error> = {
  GetPublicAccessBlock: () => s3Error('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404),
  GetBucketPolicy: () => s3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404),
  GetBucketOwnershipControls: () => s3Error('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404),
  GetBucketEncryption: () => s3Error('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', 404),
  GetObjectLockConfiguration: () => s3Error('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404),
  GetBucketLifecycleConfiguration: () => s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404),
  GetBucketTagging: () => s3Error('NoSuchTagSet', 'The TagSet does not exist', 404),
};

const accessDenied = () => new AccessDenied({ message: 'Access Denied', $metadata: { httpStatusCode: 403, requestId: 'req' } });

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
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

type Answer = object | (() => Error);

interface BucketSpec {
  region: string;
  /** Whether ListBuckets reports BucketRegion for it (older endpoints do not). */
  listed: boolean;
  /** GetBucketLocation's answer when not listed. */
  location?: string;
  answers: Partial<Record<string, Answer>>;
}

function fullyConfigured(): BucketSpec['answers'] {
  return {
    GetPublicAccessBlock: {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    },
    GetBucketPolicy: { Policy: JSON.stringify(BANK_POLICY) },
    GetBucketAcl: {
      Owner: { ID: OWNER_ID },
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
        { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'auditor@example.com' }, Permission: 'READ_ACP' },
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
      ],
      TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
    },
    GetBucketLogging: { LoggingEnabled: { TargetBucket: 'bank-access-logs', TargetPrefix: 'bank-statements/' } },
    GetBucketTagging: {
      TagSet: [
        { Key: 'data-classification', Value: 'confidential' },
        { Key: 'owner', Value: 'payments' },
      ],
    },
  };
}

function nothingConfigured(): BucketSpec['answers'] {
  return {
    ...NOT_CONFIGURED,
    GetBucketAcl: { Owner: { ID: OWNER_ID }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' }] },
    // Never versioned: an empty VersioningConfiguration. Logging off: an empty BucketLoggingStatus.
    GetBucketVersioning: {},
    GetBucketLogging: {},
  };
}

let BUCKETS: Record<string, BucketSpec>;
/** Regions whose Resource Groups Tagging API answers with this error. */
let TAGGING_FAILS: Record<string, () => Error>;
/** Regions where the Tagging API answers one mapping per page, to show every page is read. */
let TAGGING_ONE_PER_PAGE: Set<string>;
/** ListBuckets pages by ContinuationToken. */
let PAGES: Record<string, { names: string[]; next?: string }>;
/** Every per-bucket call: operation, bucket, region of the client that sent it. */
let calls: { operation: string; bucket: string; region: string }[];

function scenario(): void {
  BUCKETS = {
    'bank-statements': { region: 'eu-west-1', listed: true, answers: fullyConfigured() },
    'legacy-eu-logs': { region: 'eu-west-1', listed: false, location: 'EU', answers: nothingConfigured() },
    'us-standard-site': { region: 'us-east-1', listed: false, answers: nothingConfigured() },
    'frankfurt-archive': { region: 'eu-central-1', listed: true, answers: { ...nothingConfigured(), GetBucketVersioning: { Status: 'Suspended' } } },
  };
  TAGGING_FAILS = {};
  TAGGING_ONE_PER_PAGE = new Set();
  PAGES = {
    first: { names: ['bank-statements', 'legacy-eu-logs'], next: 'tok-2' },
    'tok-2': { names: ['us-standard-site'], next: 'tok-3' },
    'tok-3': { names: ['frankfurt-archive'] },
  };
}

const s3 = mockClient(S3Client);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
/** Every GetResources call: region of the client and the token it carried. */
let taggingCalls: { region: string; token: string | undefined }[];

function wireTagging(): void {
  tagging
    .on(GetResourcesCommand)
    .callsFake(async (input: { PaginationToken?: string; ResourcesPerPage?: number; ResourceTypeFilters?: string[] }, getClient: () => unknown) => {
      const region = await regionOf(getClient);
      taggingCalls.push({ region, token: input.PaginationToken });
      expect(input.ResourceTypeFilters).toEqual(['s3']);
      expect(input.ResourcesPerPage).toBe(100);
      const fails = TAGGING_FAILS[region];
      if (fails !== undefined) throw fails();
      const all = taggedBucketsIn(
        Object.fromEntries(Object.entries(BUCKETS).map(([name, spec]) => [name, { region: spec.region, tagging: spec.answers['GetBucketTagging'] }])),
        region,
      );
      if (!TAGGING_ONE_PER_PAGE.has(region)) return { ResourceTagMappingList: all, PaginationToken: '', $metadata };
      const at = input.PaginationToken === undefined ? 0 : Number(input.PaginationToken.replace('page-', ''));
      const next = at + 1 < all.length ? `page-${at + 1}` : '';
      return { ResourceTagMappingList: all.slice(at, at + 1), PaginationToken: next, $metadata };
    });
}

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

function wireMock(): void {
  s3.on(ListBucketsCommand).callsFake(async (input: { ContinuationToken?: string; MaxBuckets?: number }, getClient: () => unknown) => {
    calls.push({ operation: 'ListBuckets', bucket: '', region: await regionOf(getClient) });
    expect(input.MaxBuckets).toBe(1000);
    const page = PAGES[input.ContinuationToken ?? 'first'];
    if (page === undefined) throw s3Error('InvalidArgument', 'Invalid continuation token', 400);
    return {
      Buckets: page.names.map((name) => ({
        Name: name,
        CreationDate: new Date('2023-11-02T10:15:00Z'),
        ...(BUCKETS[name]!.listed ? { BucketRegion: BUCKETS[name]!.region, BucketArn: bucketArn(name) } : {}),
      })),
      Owner: { ID: OWNER_ID },
      ...(page.next !== undefined ? { ContinuationToken: page.next } : {}),
      $metadata,
    };
  });
  s3.on(GetBucketLocationCommand).callsFake(async (input: { Bucket: string }, getClient: () => unknown) => {
    calls.push({ operation: 'GetBucketLocation', bucket: input.Bucket, region: await regionOf(getClient) });
    const spec = BUCKETS[input.Bucket];
    if (spec === undefined) throw new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } });
    const answer = spec.answers['GetBucketLocation'];
    if (typeof answer === 'function') throw answer();
    return { ...(spec.location !== undefined ? { LocationConstraint: spec.location } : {}), $metadata };
  });
  for (const [operation, Command] of perBucket) {
    // One fake for ten command classes: their union is too wide for `on`'s inference.
    s3.on(Command as typeof GetBucketAclCommand).callsFake(async (input: { Bucket: string }, getClient: () => unknown) => {
      calls.push({ operation, bucket: input.Bucket, region: await regionOf(getClient) });
      const spec = BUCKETS[input.Bucket];
      if (spec === undefined) throw new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } });
      const answer = spec.answers[operation];
      if (answer === undefined) throw new Error(`no answer for ${operation} on ${input.Bucket}`);
      if (typeof answer === 'function') throw answer();
      return { ...answer, $metadata };
    });
  }
}

beforeEach(() => {
  s3.reset();
  tagging.reset();
  calls = [];
  taggingCalls = [];
  scenario();
  wireMock();
  wireTagging();
});

afterEach(() => {
  s3.reset();
  tagging.reset();
});

describe('S3 bucket collector', () => {
  it('reads every page of ListBuckets and normalises a fully configured bucket exactly', async () => {
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(coverage).toEqual([]);
    expect(s3.commandCalls(ListBucketsCommand).map((call) => call.args[0].input.ContinuationToken)).toEqual([undefined, 'tok-2', 'tok-3']);
    expect(resources.map((r) => r.id)).toEqual(['bank-statements', 'frankfurt-archive', 'legacy-eu-logs', 'us-standard-site']);
    expect(byId(resources, 'bank-statements')).toEqual({
      arn: bucketArn('bank-statements'),
      type: 'AWS::S3::Bucket',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      id: 'bank-statements',
      name: 'bank-statements',
      tags: { 'data-classification': 'confidential', owner: 'payments' },
      createdAt: '2023-11-02T10:15:00.000Z',
      source: 'api',
      observedAt: OBSERVED_AT,
      config: {
        publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
        policy: BANK_POLICY,
        acl: {
          ownerId: OWNER_ID,
          grants: [
            { grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' },
            { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' },
            { grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'auditor@example.com' }, permission: 'READ_ACP' },
          ],
        },
        objectOwnership: 'BucketOwnerPreferred',
        encryption: { rules: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY_ARN, bucketKeyEnabled: true }] },
        versioning: { status: 'Enabled', mfaDelete: 'Disabled' },
        objectLock: { enabled: true, defaultRetention: { mode: 'COMPLIANCE', days: null, years: 6 } },
        lifecycleRules: [
          {
            id: 'archive-to-glacier',
            status: 'Enabled',
            prefix: '',
            transitions: [
              { days: 92, date: null, storageClass: 'GLACIER' },
              { days: null, date: '2027-01-01T00:00:00.000Z', storageClass: 'DEEP_ARCHIVE' },
            ],
            noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: 'STANDARD_IA' }],
            expirationDays: 3650,
          },
          { id: 'expire-tmp', status: 'Disabled', prefix: 'tmp/', transitions: [], noncurrentVersionTransitions: [], expirationDays: 7 },
        ],
        logging: { targetBucket: 'bank-access-logs', targetPrefix: 'bank-statements/' },
      },
    });
  });

  it('reads the documented "not configured" answers as null (no tags: {}), with no coverage entry', async () => {
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(coverage).toEqual([]);
    const bucket = byId(resources, 'legacy-eu-logs');
    expect(bucket.tags).toEqual({});
    expect(bucket.config).toEqual({
      publicAccessBlock: null,
      policy: null,
      acl: { ownerId: OWNER_ID, grants: [{ grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' }] },
      objectOwnership: null,
      encryption: null,
      versioning: { status: null, mfaDelete: null },
      // Never versioned: S3 is not asked, the answer is the one it would give (none).
      objectLock: null,
      lifecycleRules: null,
      logging: null,
    });
    expect(byId(resources, 'frankfurt-archive').config.versioning).toEqual({ status: 'Suspended', mfaDelete: null });
  });

  it('finds each bucket’s region and sends its calls to a client of that region', async () => {
    const { resources } = await runCollector(s3Bucket);
    expect(resources.map((r) => [r.id, r.region])).toEqual([
      ['bank-statements', 'eu-west-1'],
      ['frankfurt-archive', 'eu-central-1'],
      ['legacy-eu-logs', 'eu-west-1'], // LocationConstraint EU
      ['us-standard-site', 'us-east-1'], // no LocationConstraint
    ]);
    // The listing and the location look-ups go to the home region; nothing else does unless the bucket lives there.
    const located = calls.filter((c) => c.operation === 'GetBucketLocation').map((c) => c.bucket);
    expect(located.sort()).toEqual(['legacy-eu-logs', 'us-standard-site']);
    for (const call of calls) {
      const expected = call.operation === 'ListBuckets' || call.operation === 'GetBucketLocation' ? 'us-east-1' : BUCKETS[call.bucket]!.region;
      expect(call.region, `${call.operation} ${call.bucket}`).toBe(expected);
    }
    // Suspended versioning: no Object Lock to ask for; tags from the Tagging API.
    expect(calls.filter((c) => c.bucket === 'frankfurt-archive')).toHaveLength(8);
    expect(taggingCalls.map((c) => c.region).sort()).toEqual(['eu-central-1', 'eu-west-1', 'us-east-1']);
  });

  it('AccessDenied on one sub-document: that field is unknown and in coverage, the rest of the bucket is collected', async () => {
    BUCKETS['bank-statements']!.answers['GetBucketPolicy'] = accessDenied;
    const { resources, coverage } = await runCollector(s3Bucket);
    const bucket = byId(resources, 'bank-statements');
    expect(bucket.config.policy).toEqual(unknown('AccessDenied: s3:GetBucketPolicy'));
    expect(bucket.config.encryption).toEqual({ rules: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY_ARN, bucketKeyEnabled: true }] });
    expect(bucket.tags).toEqual({ 'data-classification': 'confidential', owner: 'payments' });
    expect(coverage).toEqual([
      {
        accountId: ACCOUNT,
        region: 'eu-west-1',
        service: 's3',
        operation: 'GetBucketPolicy',
        resourceType: 'AWS::S3::Bucket',
        resourceArn: bucketArn('bank-statements'),
        error: { code: 'AccessDenied', message: 'Access Denied' },
        count: 1,
      },
    ]);
  });

  it('any other error, even on a call with "not configured" answers, is unknown — never null', async () => {
    for (const name of Object.keys(BUCKETS)) {
      BUCKETS[name]!.answers['GetPublicAccessBlock'] = () => s3Error('InternalError', 'We encountered an internal error. Please try again.', 500);
    }
    TAGGING_FAILS['eu-central-1'] = () =>
      new ResourceGroupsTaggingAPIServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'User is not authorized to perform: tag:GetResources',
      });
    BUCKETS['frankfurt-archive']!.answers['GetBucketTagging'] = accessDenied;
    const { resources, coverage } = await runCollector(s3Bucket);
    for (const bucket of resources) expect(bucket.config.publicAccessBlock).toEqual(unknown('InternalError: s3:GetPublicAccessBlock'));
    expect(byId(resources, 'frankfurt-archive').tags).toEqual(unknown('AccessDenied: s3:GetBucketTagging'));
    // Same failure in the same region is one entry with a count, naming no single bucket.
    const eu = coverage.find((e) => e.operation === 'GetPublicAccessBlock' && e.region === 'eu-west-1');
    expect(eu).toMatchObject({ count: 2, error: { code: 'InternalError' } });
    expect(eu).not.toHaveProperty('resourceArn');
  });

  it('an unparsable bucket policy is unknown, with the parse error in coverage', async () => {
    BUCKETS['bank-statements']!.answers['GetBucketPolicy'] = { Policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}' };
    BUCKETS['legacy-eu-logs']!.answers['GetBucketPolicy'] = { Policy: '["not", "an", "object"]' };
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(byId(resources, 'bank-statements').config.policy).toEqual(unknown('UnparsablePolicy: s3:GetBucketPolicy'));
    expect(byId(resources, 'legacy-eu-logs').config.policy).toEqual(unknown('UnparsablePolicy: s3:GetBucketPolicy'));
    // One entry for both (same code, region and operation), carrying whichever message came first.
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GetBucketPolicy',
        count: 2,
        error: { code: 'UnparsablePolicy', message: expect.stringMatching(/not valid JSON|not a JSON object/) },
      }),
    ]);
  });

  it('a bucket deleted between ListBuckets and its sub-calls is left out and recorded', async () => {
    // Listed, then deleted: every sub-call answers NoSuchBucket.
    PAGES['tok-3'] = { names: ['frankfurt-archive', 'deleted-meanwhile'] };
    BUCKETS['deleted-meanwhile'] = { region: 'eu-west-1', listed: true, answers: {} };
    const deleted = () => new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } });
    for (const [operation] of perBucket) BUCKETS['deleted-meanwhile'].answers[operation] = deleted;
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(resources.map((r) => r.id)).not.toContain('deleted-meanwhile');
    expect(resources).toHaveLength(4);
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 's3',
        resourceArn: bucketArn('deleted-meanwhile'),
        error: { code: 'NoSuchBucket', message: expect.stringMatching(/listed by ListBuckets but no longer exists .*left out/) },
        count: 1,
      }),
    ]);
  });

  it('a bucket deleted before its location is read is left out and recorded', async () => {
    BUCKETS['us-standard-site']!.answers['GetBucketLocation'] = () =>
      new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } });
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(resources.map((r) => r.id)).toEqual(['bank-statements', 'frankfurt-archive', 'legacy-eu-logs']);
    expect(coverage).toEqual([expect.objectContaining({ operation: 'GetBucketLocation', error: expect.objectContaining({ code: 'NoSuchBucket' }) })]);
  });

  it('a bucket whose region cannot be read cannot be collected: coverage names it', async () => {
    BUCKETS['us-standard-site']!.answers['GetBucketLocation'] = accessDenied;
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(resources.map((r) => r.id)).not.toContain('us-standard-site');
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GetBucketLocation',
        region: 'us-east-1',
        resourceArn: bucketArn('us-standard-site'),
        error: { code: 'AccessDenied', message: "Access Denied; the bucket's region is unknown and it is left out" },
      }),
    ]);
  });

  it('a lifecycle rule limited by tag or size is not taken for a whole-bucket rule: the lifecycle is unknown', async () => {
    BUCKETS['bank-statements']!.answers['GetBucketLifecycleConfiguration'] = {
      Rules: [
        { ID: 'archive-tagged', Filter: { Tag: { Key: 'archive', Value: 'true' } }, Status: 'Enabled', Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] },
      ],
    };
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(byId(resources, 'bank-statements').config.lifecycleRules).toEqual(unknown('UnsupportedLifecycleFilter: s3:GetBucketLifecycleConfiguration'));
    expect(coverage).toEqual([
      expect.objectContaining({
        operation: 'GetBucketLifecycleConfiguration',
        resourceArn: bucketArn('bank-statements'),
        error: { code: 'UnsupportedLifecycleFilter', message: 'rule "archive-tagged" is limited by object tags, which the resource model cannot express' },
      }),
    ]);
  });

  it('runs only the operations the selected fields need; the other fields are NotCollected', async () => {
    const { resources, coverage } = await runCollector(s3Bucket, { fields: ['lifecycleRules'] });
    expect(new Set(sentOperations(s3.send.getCalls()))).toEqual(new Set(['ListBuckets', 'GetBucketLocation', 'GetBucketLifecycleConfiguration']));
    const bucket = byId(resources, 'bank-statements');
    expect(bucket.config.policy).toEqual(unknown('NotCollected: s3:GetBucketPolicy'));
    expect(bucket.tags).toEqual(unknown('NotCollected: s3:GetBucketTagging'));
    expect(bucket.config.lifecycleRules).toHaveLength(2);
    expect(coverage).toEqual([]);
  });

  it('sends only operations it declares, each sub-document at most once per bucket', async () => {
    await runCollector(s3Bucket);
    const declared = new Set(s3Bucket.operations.map((op) => op.operation));
    const sent = [...sentOperations(s3.send.getCalls()), ...sentOperations(tagging.send.getCalls())];
    for (const operation of sent) expect(declared).toContain(operation);
    const perBucketCalls = calls.filter((c) => c.bucket !== '' && c.operation !== 'GetBucketLocation');
    // Eight sub-documents each, Object Lock only for the one versioned bucket, tags from one call per region.
    expect(perBucketCalls).toHaveLength(4 * 8 + 1);
    expect(new Set(perBucketCalls.map((c) => `${c.bucket} ${c.operation}`)).size).toBe(33);
    expect(perBucketCalls.filter((c) => c.operation === 'GetBucketTagging')).toEqual([]);
  });

  it('reads tags from every page of the Tagging API; a bucket it does not list has none', async () => {
    TAGGING_ONE_PER_PAGE.add('eu-west-1');
    BUCKETS['legacy-eu-logs']!.answers['GetBucketTagging'] = { TagSet: [{ Key: 'owner', Value: 'ops' }] };
    BUCKETS['third-eu'] = {
      region: 'eu-west-1',
      listed: true,
      answers: { ...nothingConfigured(), GetBucketTagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } },
    };
    PAGES['tok-3'] = { names: ['frankfurt-archive', 'third-eu'] };
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(coverage).toEqual([]);
    expect(taggingCalls.filter((c) => c.region === 'eu-west-1').map((c) => c.token)).toEqual([undefined, 'page-1', 'page-2']);
    expect(byId(resources, 'bank-statements').tags).toEqual({ 'data-classification': 'confidential', owner: 'payments' });
    expect(byId(resources, 'legacy-eu-logs').tags).toEqual({ owner: 'ops' });
    expect(byId(resources, 'third-eu').tags).toEqual({ env: 'prod' });
    expect(byId(resources, 'us-standard-site').tags).toEqual({});
  });

  it('where the Tagging API fails, asks GetBucketTagging for the buckets of that region only, and records the failure', async () => {
    TAGGING_FAILS['eu-west-1'] = () =>
      new ResourceGroupsTaggingAPIServiceException({
        name: 'ThrottlingException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'Rate exceeded',
      });
    const { resources, coverage } = await runCollector(s3Bucket);
    const asked = calls
      .filter((c) => c.operation === 'GetBucketTagging')
      .map((c) => c.bucket)
      .sort();
    expect(asked).toEqual(['bank-statements', 'legacy-eu-logs']);
    expect(byId(resources, 'bank-statements').tags).toEqual({ 'data-classification': 'confidential', owner: 'payments' });
    expect(byId(resources, 'legacy-eu-logs').tags).toEqual({});
    expect(coverage).toEqual([
      expect.objectContaining({
        service: 'tagging',
        operation: 'GetResources',
        region: 'eu-west-1',
        error: expect.objectContaining({ code: 'ThrottlingException' }),
      }),
    ]);
  });

  it('with ACLs disabled (BucketOwnerEnforced) the ACL is the owner’s full control, without asking S3', async () => {
    BUCKETS['frankfurt-archive']!.answers['GetBucketOwnershipControls'] = { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } };
    delete BUCKETS['frankfurt-archive']!.answers['GetBucketAcl'];
    const { resources, coverage } = await runCollector(s3Bucket);
    expect(coverage).toEqual([]);
    expect(calls.filter((c) => c.bucket === 'frankfurt-archive' && c.operation === 'GetBucketAcl')).toEqual([]);
    expect(byId(resources, 'frankfurt-archive').config.acl).toEqual({
      ownerId: OWNER_ID,
      grants: [{ grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' }],
    });
    expect(byId(resources, 'frankfurt-archive').config.objectOwnership).toBe('BucketOwnerEnforced');
  });

  it('asks for the ACL and Object Lock when their shortcuts cannot be proven', async () => {
    // Ownership unreadable: the ACL is asked for. Versioning unreadable: Object Lock is asked for.
    BUCKETS['frankfurt-archive']!.answers['GetBucketOwnershipControls'] = accessDenied;
    BUCKETS['frankfurt-archive']!.answers['GetBucketVersioning'] = accessDenied;
    BUCKETS['frankfurt-archive']!.answers['GetObjectLockConfiguration'] = { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } };
    const { resources } = await runCollector(s3Bucket);
    const asked = calls.filter((c) => c.bucket === 'frankfurt-archive').map((c) => c.operation);
    expect(asked).toContain('GetBucketAcl');
    expect(asked).toContain('GetObjectLockConfiguration');
    expect(byId(resources, 'frankfurt-archive').config.objectLock).toEqual({ enabled: true, defaultRetention: null });
  });
});

describe('S3 normalisation', () => {
  it('maps LocationConstraint to a region', () => {
    expect(regionOfLocationConstraint(undefined)).toBe('us-east-1');
    expect(regionOfLocationConstraint(null)).toBe('us-east-1');
    expect(regionOfLocationConstraint('')).toBe('us-east-1');
    expect(regionOfLocationConstraint('EU')).toBe('eu-west-1');
    expect(regionOfLocationConstraint('ap-southeast-2')).toBe('ap-southeast-2');
  });

  const base: LifecycleRule = { ID: 'r', Status: 'Enabled', Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] };
  const cases: { name: string; rule: LifecycleRule; prefix?: string; unsupported?: RegExp }[] = [
    { name: 'no filter at all (legacy rule without prefix)', rule: { ...base }, prefix: '' },
    { name: 'legacy rule-level prefix', rule: { ...base, Prefix: 'logs/' }, prefix: 'logs/' },
    { name: 'empty filter', rule: { ...base, Filter: {} }, prefix: '' },
    { name: 'filter with empty prefix', rule: { ...base, Filter: { Prefix: '' } }, prefix: '' },
    { name: 'filter with a prefix', rule: { ...base, Filter: { Prefix: 'statements/' } }, prefix: 'statements/' },
    { name: 'And with a prefix only', rule: { ...base, Filter: { And: { Prefix: 'statements/' } } }, prefix: 'statements/' },
    { name: 'tag filter', rule: { ...base, Filter: { Tag: { Key: 'tier', Value: 'cold' } } }, unsupported: /object tags/ },
    { name: 'size filter', rule: { ...base, Filter: { ObjectSizeGreaterThan: 1048576 } }, unsupported: /object size/ },
    { name: 'size-below filter', rule: { ...base, Filter: { ObjectSizeLessThan: 4096 } }, unsupported: /object size/ },
    {
      name: 'And of prefix and tags',
      rule: { ...base, Filter: { And: { Prefix: '', Tags: [{ Key: 'tier', Value: 'cold' }] } } },
      unsupported: /object tags/,
    },
    {
      name: 'And of tags and size',
      rule: { ...base, Filter: { And: { Tags: [{ Key: 'a', Value: 'b' }], ObjectSizeGreaterThan: 10 } } },
      unsupported: /object tags and object size/,
    },
  ];
  for (const c of cases) {
    it(`lifecycle rule: ${c.name}`, () => {
      const result = lifecycleRule(c.rule);
      if (c.unsupported !== undefined) {
        expect(result).toMatchObject({ ok: false, error: { code: 'UnsupportedLifecycleFilter', message: expect.stringMatching(c.unsupported) } });
      } else {
        expect(result).toMatchObject({ ok: true, value: { prefix: c.prefix } });
      }
    });
  }
});
