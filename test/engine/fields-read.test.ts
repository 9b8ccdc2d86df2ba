import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../../insights/index.js';
import { defineInsight, type Insight } from '../../src/engine/define-insight.js';
import { fieldsRead, fieldsReadOn } from '../../src/engine/fields-read.js';
import { configFieldsOf } from '../../src/model/resource-fields.js';
import { resourceTypes, type ResourceType } from '../../src/model/resource-types.js';
import { loadPackFiles, resolvePacks } from '../../src/packs/load-packs.js';
import { shippedPackFiles } from '../../src/packs/shipped-packs.js';

const shared = {
  severity: 'low',
  description: 'An insight made up for the test.',
  rationale: 'Only its reads declaration matters here.',
  remediation: { cli: 'none', console: 'none' },
} as const;

const bucketPolicy = defineInsight({
  ...shared,
  id: 'bucket-policy',
  title: 'Reads the bucket policy and the account settings',
  resourceType: 'AWS::S3::Bucket',
  reads: { self: ['policy', 'tags'], lookups: { 'AWS::Account': ['s3PublicAccessBlock'] } },
  evaluate: (_bucket, { verdict }) => verdict.pass('fine'),
});

const keyRotation = defineInsight({
  ...shared,
  id: 'key-rotation',
  title: 'Reads the key rotation and looks up nothing',
  resourceType: 'AWS::KMS::Key',
  reads: { self: ['manager', 'rotation'] },
  evaluate: (_key, { verdict }) => verdict.pass('fine'),
});

const everyType = defineInsight({
  ...shared,
  id: 'every-type',
  title: 'Reads the tags of everything and the manager of keys',
  resourceType: '*',
  reads: { self: ['tags'], ofType: { 'AWS::KMS::Key': ['manager'] } },
  evaluate: (_resource, { verdict }) => verdict.pass('fine'),
});

const sorted = (map: Map<ResourceType, Set<string>>) => Object.fromEntries([...map].map(([type, fields]) => [type, [...fields]]));

describe('fieldsRead', () => {
  it('gathers own fields and looked-up fields per type', () => {
    expect(sorted(fieldsRead([bucketPolicy, keyRotation]))).toEqual({
      'AWS::Account': ['s3PublicAccessBlock'],
      'AWS::KMS::Key': ['manager', 'rotation'],
      'AWS::S3::Bucket': ['policy', 'tags'],
    });
  });

  it('adds the fields of a * insight to every type, and its per-type fields to that type only', () => {
    const read = fieldsRead([everyType, keyRotation]);
    expect([...read.keys()]).toEqual(resourceTypes);
    expect([...(read.get('AWS::KMS::Key') ?? [])]).toEqual(['manager', 'rotation', 'tags']);
    expect([...(read.get('AWS::IAM::User') ?? [])]).toEqual(['tags']);
  });

  it('lists a looked-up type even when no field of it is read', () => {
    const lookup = defineInsight({
      ...shared,
      id: 'lookup',
      title: 'Only checks that the trail exists',
      resourceType: 'AWS::Account::Region',
      reads: { self: ['trailArns'], lookups: { 'AWS::CloudTrail::Trail': [] } },
      evaluate: (_region, { verdict }) => verdict.pass('fine'),
    });
    expect(lookup.lookups).toEqual(['AWS::CloudTrail::Trail']);
    expect(sorted(fieldsRead([lookup]))).toEqual({ 'AWS::Account::Region': ['trailArns'], 'AWS::CloudTrail::Trail': [] });
  });

  it('is empty for no insights', () => {
    expect(fieldsRead([]).size).toBe(0);
  });

  it('tells the fields read on one type', () => {
    expect(fieldsReadOn(everyType, 'AWS::KMS::Key')).toEqual(['tags', 'manager']);
    expect(fieldsReadOn(everyType, 'AWS::S3::Bucket')).toEqual(['tags']);
    expect(fieldsReadOn(keyRotation, 'AWS::S3::Bucket')).toEqual([]);
  });
});

describe('the fields the shipped packs read', () => {
  async function shippedPackInsights(): Promise<Insight[]> {
    const byId = new Map(builtinInsights.map((insight) => [insight.id, insight]));
    const sources = await loadPackFiles(shippedPackFiles());
    if (!sources.ok) throw new Error(JSON.stringify(sources.problems));
    const packs = resolvePacks(sources.value, byId);
    if (!packs.ok) throw new Error(JSON.stringify(packs.problems));
    const ids = new Set(packs.value.flatMap((pack) => pack.controls.flatMap((control) => control.insights)));
    return [...ids].map((id) => byId.get(id)).filter((insight) => insight !== undefined);
  }

  it('need every S3 bucket sub-document (access logging for CIS 4.4 on trail buckets)', async () => {
    const bucket = fieldsRead(await shippedPackInsights()).get('AWS::S3::Bucket') ?? new Set();
    // region: region-allowed; tags: tags-required, the tag scopes and the public-by-design tags.
    expect([...bucket]).toEqual([
      'acl',
      'encryption',
      'lifecycleRules',
      'logging',
      'objectLock',
      'objectOwnership',
      'policy',
      'publicAccessBlock',
      'region',
      'tags',
      'versioning',
    ]);
    expect(configFieldsOf('AWS::S3::Bucket').filter((field) => !bucket.has(field))).toEqual([]);
  });

  it('read only the account settings of AWS::Account that insights judge or look up', async () => {
    expect([...(fieldsRead(await shippedPackInsights()).get('AWS::Account') ?? [])]).toEqual([
      'iamUserCount',
      'passwordPolicy',
      'region',
      'root',
      's3PublicAccessBlock',
      'tags',
    ]);
  });
});
