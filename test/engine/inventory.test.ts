/** The inventory's lookups: by ARN, by id or alternative id, and listing a type by account and region. */
import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { UnreadableLookupError } from '../../src/engine/unreadable-fields.js';
import { account, accountRegion, cloudTrail, kmsKey } from '../../src/model/builders.js';
import { unknown } from '../../src/model/unknown.js';

const trail = (name: string, accountId: string, region: string) => cloudTrail({ homeRegion: region }, { id: name, name, accountId, region });

describe('InMemoryInventory', () => {
  it('lists the kept resources of a type, narrowed to an account and a region', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    const a = trail('a', '111111111111', 'eu-west-1');
    const b = trail('b', '111111111111', 'eu-central-1');
    const c = trail('c', '222222222222', 'eu-west-1');
    for (const r of [a, b, c]) inventory.add(r);
    expect(inventory.list('AWS::CloudTrail::Trail').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(inventory.list('AWS::CloudTrail::Trail', '111111111111').map((r) => r.id)).toEqual(['a', 'b']);
    expect(inventory.list('AWS::CloudTrail::Trail', '111111111111', 'eu-central-1').map((r) => r.id)).toEqual(['b']);
    expect(inventory.list('AWS::CloudTrail::Trail', '333333333333')).toEqual([]);
  });

  it('a lookup that meets a resource with an unreadable definite field throws, so the insight gives error', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail', 'AWS::KMS::Key']);
    const readable = trail('a', '111111111111', 'eu-west-1');
    const base = trail('b', '111111111111', 'eu-west-1');
    const unread = { ...base, config: { ...base.config, homeRegion: unknown('AccessDenied: cloudtrail:DescribeTrails') } };
    inventory.add(readable);
    inventory.add(unread);
    expect(inventory.get('AWS::CloudTrail::Trail', readable.arn)).toBe(readable);
    expect(() => inventory.get('AWS::CloudTrail::Trail', unread.arn)).toThrow(UnreadableLookupError);
    expect(() => inventory.find('AWS::CloudTrail::Trail', '111111111111', 'eu-west-1', 'b')).toThrow(/homeRegion is unknown \(AccessDenied/);
    // A selection by content could have matched the unread one.
    expect(() => inventory.list('AWS::CloudTrail::Trail', '111111111111')).toThrow(UnreadableLookupError);
    expect(inventory.list('AWS::CloudTrail::Trail', '222222222222')).toEqual([]);
    // Added again, readable: lookups answer.
    inventory.add(base);
    expect(inventory.list('AWS::CloudTrail::Trail').map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps one entry per ARN when a resource is added again', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    const first = trail('a', '111111111111', 'eu-west-1');
    const again = { ...first, config: { ...first.config, isLogging: false } };
    inventory.add(first);
    inventory.add(again);
    expect(inventory.list('AWS::CloudTrail::Trail')).toEqual([again]);
  });

  it('finds by id or alias in the account and region, and the account and region settings', () => {
    const inventory = new InMemoryInventory(['AWS::KMS::Key', 'AWS::Account', 'AWS::Account::Region']);
    const key = kmsKey({ aliases: ['alias/bank-data'] });
    const settings = account();
    const region = accountRegion();
    for (const r of [key, settings, region]) inventory.add(r);
    expect(inventory.find('AWS::KMS::Key', key.accountId, key.region, key.id)).toBe(key);
    expect(inventory.find('AWS::KMS::Key', key.accountId, key.region, 'alias/bank-data')).toBe(key);
    expect(inventory.find('AWS::KMS::Key', key.accountId, 'us-west-2', key.id)).toBeUndefined();
    expect(inventory.find('AWS::KMS::Key', '999999999999', key.region, key.id)).toBeUndefined();
    // Lookups alternate between a regional and the global scope, as a bucket's insights do.
    expect(inventory.account(settings.accountId)).toBe(settings);
    expect(inventory.region(region.accountId, region.region)).toBe(region);
    expect(inventory.get('AWS::KMS::Key', key.arn)).toBe(key);
    expect(inventory.get('AWS::Account', key.arn)).toBeUndefined();
  });

  it('forgets the ids of a resource added again that no longer name it', () => {
    const inventory = new InMemoryInventory(['AWS::KMS::Key']);
    const key = kmsKey({ aliases: ['alias/old'] });
    inventory.add(key);
    const renamed = { ...key, config: { ...key.config, aliases: ['alias/new'] } };
    inventory.add(renamed);
    expect(inventory.find('AWS::KMS::Key', key.accountId, key.region, 'alias/new')).toBe(renamed);
    expect(inventory.find('AWS::KMS::Key', key.accountId, key.region, 'alias/old')).toBeUndefined();
    expect(inventory.find('AWS::KMS::Key', key.accountId, key.region, key.id)).toBe(renamed);
    expect(inventory.list('AWS::KMS::Key', key.accountId, key.region)).toEqual([renamed]);
  });

  it('refuses to list a type no insight declared, and keeps nothing of undeclared types', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    inventory.add(kmsKey());
    expect(inventory.size).toBe(0);
    expect(() => inventory.list('AWS::KMS::Key')).toThrow(/no selected insight declares/);
  });

  it('answers listing gaps from the coverage entries that name a type but no single resource', () => {
    const inventory = new InMemoryInventory(['AWS::CloudTrail::Trail']);
    const failure = (accountId: string, region: string, resourceArn?: string) => ({
      accountId,
      region,
      service: 'cloudtrail',
      operation: 'DescribeTrails',
      resourceType: 'AWS::CloudTrail::Trail',
      ...(resourceArn !== undefined && { resourceArn }),
      error: { code: 'AccessDeniedException', message: 'denied' },
    });
    inventory.noteCoverage([
      failure('111111111111', 'eu-west-1'),
      // A failure on one trail (GetTrailStatus) leaves that trail's field unknown; the listing is whole.
      { ...failure('222222222222', 'eu-west-1', 'arn:aws:cloudtrail:eu-west-1:222222222222:trail/t'), operation: 'GetTrailStatus' },
      { ...failure('333333333333', 'eu-west-1'), resourceType: 'AWS::Account::Region' },
    ]);
    expect(inventory.listingGap('AWS::CloudTrail::Trail', '111111111111', 'eu-west-1')).toMatch(
      /cloudtrail:DescribeTrails failed in account 111111111111, eu-west-1 \(AccessDeniedException: denied\)/,
    );
    expect(inventory.listingGap('AWS::CloudTrail::Trail', '111111111111')).toBeDefined();
    expect(inventory.listingGap('AWS::CloudTrail::Trail')).toBeDefined();
    expect(inventory.listingGap('AWS::CloudTrail::Trail', '111111111111', 'us-east-1')).toBeUndefined();
    expect(inventory.listingGap('AWS::CloudTrail::Trail', '222222222222')).toBeUndefined();
    expect(inventory.listingGap('AWS::CloudTrail::Trail', '333333333333')).toBeUndefined();
    expect(() => inventory.listingGap('AWS::KMS::Key')).toThrow(/no selected insight declares/);
  });
});
