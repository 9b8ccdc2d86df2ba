/**
 * The collectors through real SDK clients, answered at the HTTP layer with the wire formats the
 * API references document (KMS: JSON 1.1 with epoch-second timestamps; S3: REST-XML, virtual-hosted
 * requests, `xsi:type` grantees, flattened rules). Nothing above the socket is mocked, so the SDK's
 * retry loop, the call-counting middleware, pagination tokens and the per-region clients all run.
 */
import { describe, expect, it } from 'vitest';
import kmsKey from '../../src/collect/collectors/kms/key.js';
import s3Bucket from '../../src/collect/collectors/s3/bucket.js';
import { CallStats } from '../../src/collect/aws/call-stats.js';
import { unknown } from '../../src/model/unknown.js';
import { fakeHttp, json, jsonError, xml, xmlError, type Reply, type SeenRequest } from './support/fake-http.js';
import { ACCOUNT, byId, runCollector } from './support/harness.js';

const S3NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

describe('KMS over HTTP', () => {
  const ids = [
    '11111111-aaaa-4bbb-8ccc-000000000001',
    '11111111-aaaa-4bbb-8ccc-000000000002',
    '11111111-aaaa-4bbb-8ccc-000000000003',
    '11111111-aaaa-4bbb-8ccc-000000000004',
  ];
  const keyArn = (id: string) => `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${id}`;
  const pages: Record<string, { ids: string[]; next?: string }> = {
    '': { ids: [ids[0]!, ids[1]!], next: 'AE0AAAAC' },
    AE0AAAAC: { ids: [ids[2]!], next: 'AE0AAAAD' },
    AE0AAAAD: { ids: [ids[3]!] },
  };
  let throttled = false;

  function kms(request: SeenRequest): Reply {
    const operation = request.headers['x-amz-target']?.replace('TrentService.', '');
    const body = JSON.parse(request.body || '{}') as { KeyId?: string; Marker?: string };
    switch (operation) {
      case 'ListKeys': {
        const page = pages[body.Marker ?? '']!;
        return json({
          Keys: page.ids.map((id) => ({ KeyArn: keyArn(id), KeyId: id })),
          ...(page.next ? { NextMarker: page.next } : {}),
          Truncated: page.next !== undefined,
        });
      }
      case 'ListAliases':
        return json({
          Aliases: [
            {
              AliasArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/payments`,
              AliasName: 'alias/payments',
              TargetKeyId: ids[0],
              CreationDate: 1.7145522e9,
              LastUpdatedDate: 1.7145522e9,
            },
          ],
          Truncated: false,
        });
      case 'DescribeKey':
        return json({
          KeyMetadata: {
            AWSAccountId: ACCOUNT,
            Arn: keyArn(body.KeyId!),
            CreationDate: 1.7145522e9,
            CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
            Description: '',
            Enabled: true,
            EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
            KeyId: body.KeyId,
            KeyManager: 'CUSTOMER',
            KeySpec: 'SYMMETRIC_DEFAULT',
            KeyState: 'Enabled',
            KeyUsage: 'ENCRYPT_DECRYPT',
            MultiRegion: false,
            Origin: 'AWS_KMS',
          },
        });
      case 'GetKeyRotationStatus':
        return json({ KeyId: keyArn(body.KeyId!), KeyRotationEnabled: true, NextRotationDate: 1.77e9, RotationPeriodInDays: 365 });
      case 'GetKeyPolicy':
        if (body.KeyId === ids[3] && !throttled) {
          throttled = true;
          return jsonError('ThrottlingException', 'Rate exceeded');
        }
        if (body.KeyId === ids[2])
          return jsonError('AccessDeniedException', `User: arn:aws:iam::${ACCOUNT}:role/vigil is not authorized to perform: kms:GetKeyPolicy`);
        return json({ Policy: '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ ]\n}', PolicyName: 'default' });
      case 'ListResourceTags':
        return json({ Tags: [{ TagKey: 'owner', TagValue: 'payments' }], Truncated: false });
      default:
        return jsonError('UnknownOperationException', String(operation));
    }
  }

  it('collects through the wire format: pages, a throttle retried by the SDK, an AccessDenied, counted calls', async () => {
    const http = fakeHttp(kms);
    const stats = new CallStats();
    const { resources, coverage } = await runCollector(kmsKey, { clients: { stats, clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(resources.map((r) => r.id)).toEqual([...ids].sort());
    const first = byId(resources, ids[0]!);
    expect(first.name).toBe('alias/payments');
    expect(first.createdAt).toBe('2024-05-01T08:30:00.000Z');
    expect(first.config.rotation).toEqual({ enabled: true, periodDays: 365, nextRotationDate: '2026-02-02T02:40:00.000Z' });
    expect(first.config.policy).toEqual({ Version: '2012-10-17', Id: 'key-default-1', Statement: [] });
    // The throttled call was retried inside the SDK and succeeded: no gap.
    expect(byId(resources, ids[3]!).config.policy).toMatchObject({ Version: '2012-10-17' });
    expect(byId(resources, ids[2]!).config.policy).toEqual(unknown('AccessDeniedException: kms:GetKeyPolicy'));
    expect(coverage).toEqual([
      expect.objectContaining({ operation: 'GetKeyPolicy', resourceArn: keyArn(ids[2]!), error: expect.objectContaining({ code: 'AccessDeniedException' }) }),
    ]);
    expect(stats.byOperation()).toEqual({
      'kms:DescribeKey': { calls: 4, attempts: 4, throttles: 0, failures: 0, retries: 0 },
      'kms:GetKeyPolicy': { calls: 4, attempts: 5, throttles: 1, failures: 1, retries: 1 },
      'kms:GetKeyRotationStatus': { calls: 4, attempts: 4, throttles: 0, failures: 0, retries: 0 },
      'kms:ListAliases': { calls: 1, attempts: 1, throttles: 0, failures: 0, retries: 0 },
      'kms:ListKeys': { calls: 3, attempts: 3, throttles: 0, failures: 0, retries: 0 },
      'kms:ListResourceTags': { calls: 4, attempts: 4, throttles: 0, failures: 0, retries: 0 },
    });
    expect(stats.byService()['kms']).toEqual({ calls: 20, attempts: 21, throttles: 1, failures: 1, retries: 1 });
  });
});

describe('S3 over HTTP', () => {
  interface Bucket {
    region: string;
    listedRegion: boolean;
    location?: string;
  }
  const buckets: Record<string, Bucket> = {
    'ledger-eu': { region: 'eu-west-1', listedRegion: true },
    'ledger-fra': { region: 'eu-central-1', listedRegion: true },
    'old-eu-bucket': { region: 'eu-west-1', listedRegion: false, location: 'EU' },
    'old-us-bucket': { region: 'us-east-1', listedRegion: false, location: '' },
  };
  const listPages: Record<string, { names: string[]; next?: string }> = {
    '': { names: ['ledger-eu'], next: 'eyJ0b2tlbiI6IjIifQ==' },
    'eyJ0b2tlbiI6IjIifQ==': { names: ['ledger-fra', 'old-eu-bucket'], next: 'eyJ0b2tlbiI6IjMifQ==' },
    'eyJ0b2tlbiI6IjMifQ==': { names: ['old-us-bucket'] },
  };
  let slowDowns = 0;

  const notFound = (code: string, message: string) => xmlError(code, message, 404);

  /** The Resource Groups Tagging API (JSON 1.1): the tagged buckets of the region; us-east-1 denies it. */
  function tagging(request: SeenRequest, region: string): Reply {
    expect(request.headers['x-amz-target']).toBe('ResourceGroupsTaggingAPI_20170126.GetResources');
    if (region === 'us-east-1') return jsonError('AccessDeniedException', 'User is not authorized to perform: tag:GetResources', 400);
    const body = JSON.parse(request.body) as { ResourceTypeFilters?: string[]; ResourcesPerPage?: number };
    expect(body).toMatchObject({ ResourceTypeFilters: ['s3'], ResourcesPerPage: 100 });
    const tagged = ['ledger-eu', 'ledger-fra'].filter((name) => buckets[name]!.region === region);
    return json({
      PaginationToken: '',
      ResourceTagMappingList: tagged.map((name) => ({ ResourceARN: `arn:aws:s3:::${name}`, Tags: [{ Key: 'owner', Value: 'ledger' }] })),
    });
  }

  function s3(request: SeenRequest): Reply {
    const query = request.query;
    const taggingHost = /^tagging\.([a-z0-9-]+)\.amazonaws\.com$/.exec(request.hostname);
    if (taggingHost !== null) return tagging(request, taggingHost[1]!);
    // Virtual-hosted: <bucket>.s3.<region>.amazonaws.com
    const match = /^(.+)\.s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(request.hostname);
    if (match === null) {
      expect(request.hostname).toBe('s3.us-east-1.amazonaws.com');
      expect(query['max-buckets']).toBe('1000');
      const page = listPages[(query['continuation-token'] as string | undefined) ?? '']!;
      const items = page.names
        .map((name) => {
          const b = buckets[name]!;
          return `<Bucket><Name>${name}</Name><CreationDate>2023-11-02T10:15:00.000Z</CreationDate>${b.listedRegion ? `<BucketRegion>${b.region}</BucketRegion>` : ''}</Bucket>`;
        })
        .join('');
      return xml(
        `<ListAllMyBucketsResult ${S3NS}><Buckets>${items}</Buckets><Owner><ID>${OWNER_ID}</ID></Owner>${page.next ? `<ContinuationToken>${page.next}</ContinuationToken>` : ''}</ListAllMyBucketsResult>`,
      );
    }
    const [, name, hostRegion] = match;
    const bucket = buckets[name!]!;
    if ('location' in query) {
      expect(hostRegion).toBe('us-east-1');
      return xml(bucket.location ? `<LocationConstraint ${S3NS}>${bucket.location}</LocationConstraint>` : `<LocationConstraint ${S3NS}/>`);
    }
    // Every sub-document request reaches the bucket's own region.
    expect(hostRegion, `${name} ${Object.keys(query).join()}`).toBe(bucket.region);
    const configured = name === 'ledger-eu' || name === 'ledger-fra';
    if ('policy' in query) {
      if (name === 'ledger-fra' && slowDowns === 0) {
        slowDowns++;
        return xmlError('SlowDown', 'Please reduce your request rate.', 503);
      }
      if (name === 'old-eu-bucket') return { status: 200, body: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",' };
      return configured ? { status: 200, body: '{"Version":"2012-10-17","Statement":[]}' } : notFound('NoSuchBucketPolicy', 'The bucket policy does not exist');
    }
    if ('acl' in query) {
      return xml(
        `<AccessControlPolicy ${S3NS}><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList>` +
          `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>` +
          (name === 'old-us-bucket'
            ? `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>`
            : '') +
          `</AccessControlList></AccessControlPolicy>`,
      );
    }
    if ('publicAccessBlock' in query) {
      return configured
        ? xml(
            `<PublicAccessBlockConfiguration ${S3NS}><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
          )
        : notFound('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
    }
    if ('ownershipControls' in query) {
      return configured
        ? xml(`<OwnershipControls ${S3NS}><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`)
        : notFound('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found');
    }
    if ('encryption' in query) {
      return xml(
        `<ServerSideEncryptionConfiguration ${S3NS}><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
      );
    }
    if ('versioning' in query) {
      return configured
        ? xml(`<VersioningConfiguration ${S3NS}><Status>Enabled</Status></VersioningConfiguration>`)
        : xml(`<VersioningConfiguration ${S3NS}/>`);
    }
    if ('object-lock' in query) {
      return configured
        ? xml(
            `<ObjectLockConfiguration ${S3NS}><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>`,
          )
        : notFound('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket');
    }
    if ('lifecycle' in query) {
      return configured
        ? xml(
            `<LifecycleConfiguration ${S3NS}>` +
              `<Rule><ID>archive</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status><Transition><Days>92</Days><StorageClass>GLACIER</StorageClass></Transition><Transition><Days>365</Days><StorageClass>DEEP_ARCHIVE</StorageClass></Transition></Rule>` +
              `<Rule><ID>logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>` +
              `</LifecycleConfiguration>`,
          )
        : notFound('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
    }
    if ('logging' in query) {
      return configured
        ? xml(
            `<BucketLoggingStatus ${S3NS}><LoggingEnabled><TargetBucket>access-logs</TargetBucket><TargetPrefix>${name}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
          )
        : xml(`<BucketLoggingStatus ${S3NS}/>`);
    }
    if ('tagging' in query) {
      return configured
        ? xml(`<Tagging ${S3NS}><TagSet><Tag><Key>owner</Key><Value>ledger</Value></Tag></TagSet></Tagging>`)
        : notFound('NoSuchTagSet', 'The TagSet does not exist');
    }
    return xmlError('NotImplemented', `unexpected request ${request.path} ${JSON.stringify(query)}`, 501);
  }

  it('collects through the wire format: pages, regions, not-configured answers, SlowDown retried, unparsable policy', async () => {
    const http = fakeHttp(s3);
    const stats = new CallStats();
    const { resources, coverage } = await runCollector(s3Bucket, { clients: { stats, clientConfig: () => ({ requestHandler: http.handler }) } });
    expect(resources.map((r) => [r.id, r.region])).toEqual([
      ['ledger-eu', 'eu-west-1'],
      ['ledger-fra', 'eu-central-1'],
      ['old-eu-bucket', 'eu-west-1'],
      ['old-us-bucket', 'us-east-1'],
    ]);
    expect(byId(resources, 'ledger-fra')).toMatchObject({
      tags: { owner: 'ledger' },
      createdAt: '2023-11-02T10:15:00.000Z',
      config: {
        publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
        policy: { Version: '2012-10-17', Statement: [] },
        acl: { ownerId: OWNER_ID, grants: [{ grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' }] },
        objectOwnership: 'BucketOwnerEnforced',
        encryption: { rules: [{ sseAlgorithm: 'AES256', kmsMasterKeyId: null, bucketKeyEnabled: false }] },
        versioning: { status: 'Enabled', mfaDelete: null },
        objectLock: { enabled: true, defaultRetention: { mode: 'GOVERNANCE', days: 30, years: null } },
        lifecycleRules: [
          {
            id: 'archive',
            status: 'Enabled',
            prefix: '',
            transitions: [
              { days: 92, date: null, storageClass: 'GLACIER' },
              { days: 365, date: null, storageClass: 'DEEP_ARCHIVE' },
            ],
            noncurrentVersionTransitions: [],
            expirationDays: null,
          },
          { id: 'logs', status: 'Enabled', prefix: 'logs/', transitions: [], noncurrentVersionTransitions: [], expirationDays: 30 },
        ],
        logging: { targetBucket: 'access-logs', targetPrefix: 'ledger-fra/' },
      },
    });
    expect(byId(resources, 'old-us-bucket')).toMatchObject({
      tags: {},
      config: {
        publicAccessBlock: null,
        policy: null,
        acl: {
          grants: [
            { grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'FULL_CONTROL' },
            { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
          ],
        },
        objectOwnership: null,
        versioning: { status: null, mfaDelete: null },
        objectLock: null,
        lifecycleRules: null,
        logging: null,
      },
    });
    expect(byId(resources, 'old-eu-bucket').config.policy).toEqual(unknown('UnparsablePolicy: s3:GetBucketPolicy'));
    expect(coverage).toHaveLength(2);
    expect(coverage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          region: 'us-east-1',
          service: 'tagging',
          operation: 'GetResources',
          error: expect.objectContaining({ code: 'AccessDeniedException' }),
        }),
        expect.objectContaining({
          region: 'eu-west-1',
          operation: 'GetBucketPolicy',
          resourceArn: 'arn:aws:s3:::old-eu-bucket',
          error: expect.objectContaining({ code: 'UnparsablePolicy' }),
        }),
      ]),
    );
    expect(stats.byOperation()['s3:ListBuckets']).toEqual({ calls: 3, attempts: 3, throttles: 0, failures: 0, retries: 0 });
    expect(stats.byOperation()['s3:GetBucketLocation']).toEqual({ calls: 2, attempts: 2, throttles: 0, failures: 0, retries: 0 });
    // One SlowDown retried; old-us-bucket's NoSuchBucketPolicy is an error to the SDK but a documented
    // "not configured" answer (null) to Vigil: an answered call, not a failure, and not coverage.
    expect(stats.byOperation()['s3:GetBucketPolicy']).toEqual({ calls: 4, attempts: 5, throttles: 1, failures: 0, retries: 1 });
    // Tags: one Tagging API call per bucket region; where it is denied (us-east-1), GetBucketTagging per bucket there.
    expect(stats.byOperation()['tagging:GetResources']).toEqual({ calls: 3, attempts: 3, throttles: 0, failures: 1, retries: 0 });
    // The one bucket there has no tags: NoSuchTagSet, an answer.
    expect(stats.byOperation()['s3:GetBucketTagging']).toEqual({ calls: 1, attempts: 1, throttles: 0, failures: 0, retries: 0 });
  });
});
