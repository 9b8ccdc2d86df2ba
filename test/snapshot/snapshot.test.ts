import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/snapshot-reader.js';
import { LineTooLongError, readLineBatches } from '../../src/snapshot/line-reader.js';
import { kmsKey, s3Bucket, securityGroup } from '../../src/model/builders.js';
import type { AnyCollectedResource } from '../../src/model/resource.js';
import { unknown } from '../../src/model/unknown.js';
import { formatProblem } from '../../src/input/problem.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

async function readAll(file: string) {
  const seen: AnyCollectedResource[] = [];
  const result = await readSnapshot(file, (resource) => seen.push(resource));
  return { result, seen, messages: result.ok ? [] : result.problems.map(formatProblem) };
}

describe('snapshot files', () => {
  const resources = [s3Bucket({ policy: unknown('AccessDenied: s3:GetBucketPolicy') }), kmsKey(), securityGroup()];

  it('round-trips resources through plain and gzip files, unknown fields included', async () => {
    const dir = tempDir();
    for (const name of ['a.jsonl', 'a.jsonl.gz']) {
      const file = await snapshotOf(dir, resources, { name });
      const { result, seen } = await readAll(file);
      expect(result.ok).toBe(true);
      expect(seen).toEqual(resources);
      if (result.ok) expect(result.value.resources).toBe(3);
    }
    expect(readFileSync(join(dir, 'a.jsonl.gz'))[0]).toBe(0x1f);
  });

  it('names file, line and column of an invalid field and hands nothing on after it', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"manager":"CUSTOMER"', '"manager":"SOMEONE"');
    writeFileSync(file, lines.join('\n'));
    const { result, seen, messages } = await readAll(file);
    expect(result.ok).toBe(false);
    expect(seen).toHaveLength(1);
    const column = lines[2].indexOf('"manager"') + 1;
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^${file}:3:${column}: resource arn:aws:kms:.*: config\\.manager: must be`))]);
  });

  it('reports invalid JSON with its column, and every bad line', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 40);
    lines[3] = lines[3]!.replace('"type":"AWS::EC2::SecurityGroup"', '"type":"AWS::EC2::Nope"');
    writeFileSync(file, lines.join('\n'));
    const { messages } = await readAll(file);
    expect(messages[0]).toMatch(new RegExp(`^${file}:2:\\d+: invalid JSON`));
    expect(messages[1]).toMatch(new RegExp(`^${file}:4:\\d+: resource: unknown resource type 'AWS::EC2::Nope'`));
  });

  it('detects a snapshot truncated at a line boundary by its missing trailer', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n`);
    const { result, messages } = await readAll(file);
    expect(result.ok).toBe(false);
    expect(messages[0]).toMatch(/:4:1: the file is truncated: the trailer line is missing after 2 resources/);
  });

  it('detects a truncated gzip stream', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources, { name: 's.jsonl.gz' });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 30));
    const { result, messages } = await readAll(file);
    expect(result.ok).toBe(false);
    expect(messages.join('\n')).toMatch(/truncated/);
  });

  it('rejects a file without a valid header', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.jsonl.gz');
    writeFileSync(file, gzipSync(`{"kind":"vigil-snapshot","schemaVersion":2}\n`));
    const { messages } = await readAll(file);
    expect(messages[0]).toMatch(/:1:\d+: snapshot header: /);
  });

  it('accepts a hand-written file without a trailer, blank lines and spaces', async () => {
    const dir = tempDir();
    const file = join(dir, 'hand.jsonl');
    const header = {
      kind: 'vigil-snapshot',
      schemaVersion: 1,
      collectedAt: '2026-06-01T00:00:00Z',
      collector: { tool: 'hand', version: '1', source: 'api' },
      accounts: [],
      coverage: [],
    };
    writeFileSync(file, `${JSON.stringify(header)}\n\n${JSON.stringify(s3Bucket(), null, 0)}\n\n`);
    const { result, seen } = await readAll(file);
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('applies a line filter without parsing the lines it rejects', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources);
    const seen: string[] = [];
    const result = await readSnapshot(file, (r) => seen.push(r.type), { lineFilter: (line) => line.includes('"AWS::KMS::Key"') });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['AWS::KMS::Key']);
  });

  it('hands on the resources an earlier pass read, by line, without reading those lines again', async () => {
    const dir = tempDir();
    const file = await snapshotOf(dir, resources);
    const lines: number[] = [];
    const first: AnyCollectedResource[] = [];
    await readSnapshot(file, (resource, line) => (lines.push(line), first.push(resource)), { lineFilter: (line) => line.includes('"AWS::KMS::Key"') });
    expect(lines).toEqual([3]);
    // Line 3 is not parsed again: the object the first pass read is the one handed on.
    const seen: { resource: AnyCollectedResource; line: number }[] = [];
    const result = await readSnapshot(file, (resource, line) => seen.push({ resource, line }), { readBefore: { lines, resources: first } });
    expect(result.ok && result.value.resources).toBe(3);
    expect(seen.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(seen[1]?.resource).toBe(first[0]);
    expect(seen.map((s) => s.resource)).toEqual(resources);
  });
});

describe('bad snapshots that must stop the scan', () => {
  it('refuses the same ARN twice, naming both lines, and evaluates nothing', async () => {
    const key = kmsKey();
    const file = await snapshotOf(tempDir(), [key, s3Bucket(), key]);
    const seen: unknown[] = [];
    const result = await readSnapshot(file, (resource) => seen.push(resource));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${file}:4:1: resource ${key.arn}: the same ARN as at ${file}:2; a snapshot holds each resource once`,
    ]);
    expect(seen.length).toBeLessThan(3);
  });

  it('keeps an AWS-owned ARN once per account (an AWS-managed policy is in every account)', async () => {
    const policy = { ...kmsKey(), arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' };
    const file = await snapshotOf(tempDir(), [policy, { ...policy, accountId: '222222222222' }]);
    expect((await readSnapshot(file, () => {})).ok).toBe(true);
  });

  it('stops at a line longer than the limit with its number, without reading on', async () => {
    const file = join(tempDir(), 'one-line.json');
    writeFileSync(file, `first\nsecond\n${'x'.repeat(5000)}\nfourth\n`);
    const lines: string[] = [];
    const read = async () => {
      for await (const batch of readLineBatches(file, 1000)) lines.push(...batch);
    };
    await expect(read()).rejects.toThrow(new LineTooLongError(3, 1000));
    expect(lines).toEqual([]);
    const unbroken = join(tempDir(), 'unbroken.json');
    writeFileSync(unbroken, 'y'.repeat(3 << 20));
    await expect(
      (async () => {
        for await (const batch of readLineBatches(unbroken, 1 << 20)) lines.push(...batch);
      })(),
    ).rejects.toThrow(/^line 1 is longer than 1 MiB$/);
  });
});
