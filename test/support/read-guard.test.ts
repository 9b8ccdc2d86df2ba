import { describe, expect, it } from 'vitest';
import { defineInsight, type Insight } from '../../src/engine/define-insight.js';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { account, kmsKey, s3Bucket } from '../../src/model/builders.js';
import { isUnknown } from '../../src/model/unknown.js';
import { GuardedInventory, guardResource, ReadLog } from './read-guard.js';

const insight: Insight = defineInsight({
  id: 'guarded',
  title: 'An insight whose declaration the guard enforces',
  resourceType: 'AWS::S3::Bucket',
  severity: 'low',
  description: 'Declares the policy and the ACL of the bucket.',
  rationale: 'Only the declaration matters here.',
  remediation: { cli: 'none', console: 'none' },
  reads: { self: ['policy', 'acl'], lookups: { 'AWS::Account': ['s3PublicAccessBlock'], 'AWS::KMS::Key': ['manager', 'aliases'] } },
  evaluate: (_bucket, { verdict }) => verdict.pass('fine'),
});

const withoutAliases: Insight = { ...insight, reads: { ...insight.reads, lookups: { 'AWS::KMS::Key': ['manager'] } } };

describe('guardResource', () => {
  const raw = s3Bucket({ policy: null }, { tags: { owner: 'payments' }, createdAt: '2026-01-01T00:00:00.000Z' });

  it('hands out declared fields and those every resource has', () => {
    const log = new ReadLog();
    const bucket = guardResource(raw, insight, 'self', log);
    expect(bucket.config.policy).toBeNull();
    expect(bucket.config.acl).toEqual(raw.config.acl);
    expect([bucket.arn, bucket.type, bucket.accountId, bucket.region, bucket.id, bucket.name]).toEqual([
      raw.arn,
      raw.type,
      raw.accountId,
      raw.region,
      raw.id,
      raw.name,
    ]);
    expect([...log.fields('self', 'AWS::S3::Bucket')]).toEqual(['policy', 'acl', 'arn', 'type', 'accountId', 'region', 'id', 'name']);
  });

  it('throws on an undeclared config or envelope field, naming the declaration to fix', () => {
    const bucket = guardResource(raw, insight, 'self', new ReadLog());
    expect(() => bucket.config.versioning).toThrow(
      "insight guarded reads config.versioning of the AWS::S3::Bucket it evaluates but does not declare 'versioning' in reads.self",
    );
    expect(() => bucket.tags).toThrow(/does not declare 'tags' in reads\.self/);
    expect(() => bucket.createdAt).toThrow(/'createdAt'/);
  });

  it('keeps in checks, key listing and non-field properties working', () => {
    const bucket = guardResource(raw, insight, 'self', new ReadLog());
    expect('versioning' in bucket.config).toBe(true);
    expect(Object.keys(bucket.config)).toEqual(Object.keys(raw.config));
    expect(isUnknown(bucket.config)).toBe(false);
    expect((bucket.config as unknown as Record<string, unknown>)['toJSON']).toBeUndefined();
    expect((bucket as unknown as Record<string, unknown>)['then']).toBeUndefined();
    expect(bucket.config instanceof Object).toBe(true);
  });

  it('lets JSON.stringify and spreads read what they enumerate', () => {
    const open = guardResource(raw, { ...insight, reads: { ...insight.reads, self: Object.keys(raw.config) } }, 'self', new ReadLog());
    expect(JSON.parse(JSON.stringify(open.config))).toEqual(raw.config);
    expect({ ...open.config }).toEqual(raw.config);
    const bucket = guardResource(raw, insight, 'self', new ReadLog());
    expect(() => JSON.stringify(bucket.config)).toThrow(/'publicAccessBlock'/);
    expect(() => ({ ...bucket.config })).toThrow(/'publicAccessBlock'/);
    const { policy, acl } = bucket.config;
    expect(JSON.stringify({ policy, acl })).toBe(JSON.stringify({ policy: raw.config.policy, acl: raw.config.acl }));
  });

  it('checks a * insight against its envelope fields and the per-type fields', () => {
    const everyType = defineInsight({
      ...insight,
      resourceType: '*',
      reads: { self: ['tags'], ofType: { 'AWS::KMS::Key': ['manager'] } },
      evaluate: (_resource, { verdict }) => verdict.pass('fine'),
    });
    const key = guardResource(kmsKey(), everyType, 'self', new ReadLog());
    expect(key.config.manager).toBe('CUSTOMER');
    expect(key.tags).toEqual({});
    expect(() => key.config.rotation).toThrow(/reads\.self \(envelope fields\) or reads\.ofType\['AWS::KMS::Key'\]/);
    expect(() => guardResource(s3Bucket(), everyType, 'self', new ReadLog()).config.policy).toThrow(/'policy'/);
  });
});

describe('GuardedInventory', () => {
  const key = kmsKey({ aliases: ['alias/bank-data'] });
  const raw = new InMemoryInventory(['AWS::Account', 'AWS::KMS::Key']);
  raw.add(account({ s3PublicAccessBlock: null }));
  raw.add(key);

  it('guards looked-up resources by their lookups declaration', () => {
    const log = new ReadLog();
    const inventory = new GuardedInventory(raw, insight, log);
    const found = inventory.account(key.accountId);
    expect(found?.config.s3PublicAccessBlock).toBeNull();
    expect(() => found?.config.passwordPolicy).toThrow("does not declare 'passwordPolicy' in reads.lookups['AWS::Account']");
    expect(inventory.account(key.accountId)).toBe(found);
    expect([...log.fields('lookup', 'AWS::Account')]).toEqual(['s3PublicAccessBlock', 'passwordPolicy']);
    expect(log.fields('self').size).toBe(0);
  });

  it('counts a find that aliases decide as reading them', () => {
    const find = (reader: Insight, id: string) => new GuardedInventory(raw, reader, new ReadLog()).find('AWS::KMS::Key', key.accountId, key.region, id);
    expect(find(insight, 'alias/bank-data')?.arn).toBe(key.arn);
    expect(find(withoutAliases, key.id)?.arn).toBe(key.arn);
    expect(() => find(withoutAliases, 'alias/bank-data')).toThrow(
      /config\.aliases \(to find 'alias\/bank-data' by it\).*'aliases' in reads\.lookups\['AWS::KMS::Key'\]/,
    );
    expect(() => find(withoutAliases, 'alias/missing')).toThrow(/'aliases'/);
  });
});
