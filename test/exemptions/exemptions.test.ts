import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExemption, ExemptionIndex } from '../../src/exemptions/exemption-matcher.js';
import type { Exemption } from '../../src/exemptions/exemption-schema.js';
import { loadExemptions } from '../../src/exemptions/load-exemptions.js';
import { formatProblem } from '../../src/input/problem.js';
import { s3Bucket, securityGroup } from '../../src/model/builders.js';
import { unmatchedPatternWarnings } from '../../src/exemptions/unmatched-patterns.js';
import { unknown } from '../../src/model/unknown.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const now = new Date('2026-06-01T12:00:00Z');
const base: Exemption = { insight: 's3-bucket-versioning', reason: 'scratch data, recreated daily', approvedBy: 'ciso@example.com', expires: '2026-12-31' };

function index(...exemptions: Exemption[]): ExemptionIndex {
  return new ExemptionIndex(
    exemptions.map((e) => compileExemption(e, 'ex.yaml')),
    now,
  );
}

describe('exemption matching', () => {
  const bucket = s3Bucket({}, { id: 'scratch-data', tags: { purpose: 'scratch' } });

  it('matches an exact ARN only exactly', () => {
    expect(index({ ...base, resources: ['arn:aws:s3:::scratch-data'] }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, resources: ['arn:aws:s3:::scratch'] }).find(base.insight, bucket)).toBeUndefined();
  });

  it('matches globs when written', () => {
    expect(index({ ...base, resources: ['arn:aws:s3:::scratch-*'] }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, resources: ['arn:aws:s3:::{scratch,tmp}-data'] }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, resources: ['arn:aws:s3:::prod-*'] }).find(base.insight, bucket)).toBeUndefined();
  });

  it('lets `*` cross `/` in an ARN, as IAM does', () => {
    const group = securityGroup({}, { id: 'sg-0123' });
    expect(group.arn).toContain('/');
    expect(index({ ...base, resources: ['arn:aws:ec2:*'] }).find(base.insight, group)).toBeDefined();
    expect(index({ ...base, resources: ['arn:aws:ec2:*:security-group/sg-0123'] }).find(base.insight, group)).toBeDefined();
    expect(index({ ...base, resources: ['arn:aws:ec2:*:security-group/sg-9*'] }).find(base.insight, group)).toBeUndefined();
  });

  it('records which ARN patterns matched, trying every exemption of the insight', () => {
    const exemptions = index({ ...base, resources: ['arn:aws:s3:::scratch-*', 'arn:aws:s3:::gone-bucket'] }, { ...base, resources: ['arn:aws:s3:::*-data'] });
    exemptions.find(base.insight, bucket);
    expect(exemptions.active.map((e) => [...e.matchedPatterns])).toEqual([[0], [0]]);
    expect(unmatchedPatternWarnings(exemptions, new Set([base.insight])).map(formatProblem)).toEqual([
      `ex.yaml:1:1: warning: exemption for s3-bucket-versioning: resource pattern 'arn:aws:s3:::gone-bucket' matched no failing finding in this scan`,
    ]);
    // An exemption of an insight the scan did not run had nothing to match.
    expect(unmatchedPatternWarnings(exemptions, new Set(['kms-key-rotation']))).toEqual([]);
  });

  it('applies only to its insight', () => {
    expect(index({ ...base, resources: ['arn:aws:s3:::scratch-data'] }).find('s3-bucket-public', bucket)).toBeUndefined();
  });

  it('matches tags and accounts, and never unreadable tags', () => {
    expect(index({ ...base, tags: { purpose: 'scratch' } }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, tags: { purpose: '*' } }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, tags: { purpose: 'prod' } }).find(base.insight, bucket)).toBeUndefined();
    const unreadable = s3Bucket({}, { id: 'scratch-data', tags: unknown('AccessDenied: s3:GetBucketTagging') });
    expect(index({ ...base, tags: { purpose: 'scratch' } }).find(base.insight, unreadable)).toBeUndefined();
    expect(index({ ...base, accounts: ['111111111111'] }).find(base.insight, bucket)).toBeDefined();
    expect(index({ ...base, accounts: ['222222222222'] }).find(base.insight, bucket)).toBeUndefined();
  });

  it('stops applying after its expiry day', () => {
    const ex = { ...base, resources: ['arn:aws:s3:::scratch-data'], expires: '2026-06-01' };
    expect(index(ex).find(base.insight, bucket)).toBeDefined();
    expect(new ExemptionIndex([compileExemption(ex, 'f')], new Date('2026-06-02T00:00:00Z')).find(base.insight, bucket)).toBeUndefined();
  });
});

describe('exemption files', () => {
  it('reports unknown insights, missing scope and bad dates with positions; warns on near expiry', async () => {
    const dir = tempDir();
    const file = join(dir, 'exemptions.yaml');
    writeFileSync(
      file,
      `exemptions:
  - insight: s3-bucket-versioning
    resources: ["arn:aws:s3:::scratch-*"]
    reason: scratch data, recreated daily
    approvedBy: ciso@example.com
    expires: 2026-06-10
  - insight: no-such-insight
    reason: because we said so
    approvedBy: someone
    expires: 2027-01-01
`,
    );
    const loaded = await loadExemptions(file, new Set(['s3-bucket-versioning']), now);
    expect(loaded.ok).toBe(false);
    const messages = loaded.ok ? [] : loaded.problems.map(formatProblem);
    expect(messages).toContain(`${file}:7:14: exemptions[1].insight: unknown insight 'no-such-insight'`);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${file}:7:5: exemptions\\[1\\]: name the resources`)));
    expect(messages).toContain(`${file}:6:14: warning: exemptions[0]: expires on 2026-06-10, within 14 days`);
  });

  it('refuses an expiry more than the maximum ahead (default a year), and names each pattern where it is written', async () => {
    const file = join(tempDir(), 'exemptions.yaml');
    const entry = (expires: string) =>
      `  - insight: s3-bucket-versioning\n    resources:\n      - "arn:aws:s3:::a"\n      - "arn:aws:s3:::b"\n    reason: scratch data, recreated daily\n    approvedBy: ciso\n    expires: ${expires}\n`;
    writeFileSync(file, `exemptions:\n${entry('2027-06-01')}${entry('2027-06-02')}`);
    const loaded = await loadExemptions(file, new Set(['s3-bucket-versioning']), now);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      `${file}:15:14: exemptions[1].expires: 2027-06-02 is more than 365 days ahead; an accepted risk is looked at again at least that often (exemptionMaxDays in the configuration)`,
    ]);
    const longer = await loadExemptions(file, new Set(['s3-bucket-versioning']), now, 400);
    expect(longer.ok).toBe(true);
    expect(longer.ok && longer.value[1]!.patternSites).toEqual([
      { line: 11, column: 9 },
      { line: 12, column: 9 },
    ]);
  });

  it('rejects an exemption without an expiry date', async () => {
    const dir = tempDir();
    const file = join(dir, 'exemptions.yaml');
    writeFileSync(file, 'exemptions:\n  - insight: s3-bucket-versioning\n    tags: { a: b }\n    reason: long enough reason\n    approvedBy: me\n');
    const loaded = await loadExemptions(file, new Set(['s3-bucket-versioning']), now);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`${file}:2:5: exemptions[0]: missing required field 'expires'`]);
  });
});
