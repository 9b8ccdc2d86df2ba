/** The engine's per-resource memo: an analysis once per visited resource, whoever asks. */
import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { ResourceMemo } from '../../src/engine/resource-memo.js';
import { s3Bucket } from '../../src/model/builders.js';
import type { Resource } from '../../src/model/resource.js';

describe('ResourceMemo', () => {
  const inventory = new InMemoryInventory();

  it('computes an analysis once per visit of a resource, and again for the next resource', () => {
    const memo = new ResourceMemo(inventory);
    let runs = 0;
    const nameLength = (bucket: Resource<'AWS::S3::Bucket'>) => (runs++, bucket.name.length);
    const a = s3Bucket({}, { name: 'a' });
    const b = s3Bucket({}, { name: 'bb' });
    memo.visit(a);
    expect([memo.of(nameLength, a), memo.of(nameLength, a)]).toEqual([1, 1]);
    expect(runs).toBe(1);
    memo.visit(b);
    expect(memo.of(nameLength, b)).toBe(2);
    expect(runs).toBe(2);
  });

  it('keeps each analysis apart, undefined results included, and hands it the inventory', () => {
    const memo = new ResourceMemo(inventory);
    const bucket = s3Bucket();
    memo.visit(bucket);
    let runs = 0;
    const nothing = () => (runs++, undefined);
    const seen = (_: unknown, given: unknown) => given;
    expect(memo.of(nothing, bucket)).toBeUndefined();
    expect(memo.of(nothing, bucket)).toBeUndefined();
    expect(runs).toBe(1);
    expect(memo.of(seen, bucket)).toBe(inventory);
  });

  it('analyses any other resource afresh, without remembering it', () => {
    const memo = new ResourceMemo(inventory);
    let runs = 0;
    const count = () => ++runs;
    memo.visit(s3Bucket());
    const other = s3Bucket({}, { name: 'other' });
    expect([memo.of(count, other), memo.of(count, other)]).toEqual([1, 2]);
  });
});
