import { describe, expect, it } from 'vitest';
import type { BotFilter } from '../../../src/bots/bot-schema.js';
import { compileFilters } from '../../../src/bots/filters/compile-filter.js';
import type { FindingStatus } from '../../../src/findings/finding.js';
import { iamUser, s3Bucket } from '../../../src/model/builders.js';
import type { Resource } from '../../../src/model/resource.js';
import type { ResourceType } from '../../../src/model/resource-types.js';
import { unknown } from '../../../src/model/unknown.js';

const now = new Date('2026-12-07T12:00:00Z');
const account = { id: '111111111111', name: 'dev' };

interface Case {
  readonly name: string;
  readonly filters: readonly BotFilter[];
  readonly resource?: Resource;
  readonly findings?: Record<string, FindingStatus>;
  readonly truth: 'true' | 'false' | 'unknown';
}

function run(cases: readonly Case[], type: ResourceType = 'AWS::S3::Bucket') {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const compiled = compileFilters(c.filters, ['filters'], { resourceType: type, insightIds: new Set(['s3-bucket-public', 's3-bucket-versioning']) });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const subject = { resource: c.resource ?? s3Bucket(), account, findings: new Map(Object.entries(c.findings ?? {})), now };
    expect(compiled.value(subject)).toBe(c.truth);
  });
}

const publicBucket: BotFilter = { insight: 's3-bucket-public' };

describe('insight filters', () => {
  run([
    { name: 'failing insight matches', filters: [publicBucket], findings: { 's3-bucket-public': 'fail' }, truth: 'true' },
    { name: 'passing insight does not', filters: [publicBucket], findings: { 's3-bucket-public': 'pass' }, truth: 'false' },
    { name: 'an insight that erred decides nothing', filters: [publicBucket], findings: { 's3-bucket-public': 'error' }, truth: 'unknown' },
    { name: 'an insight that did not run decides nothing', filters: [publicBucket], truth: 'unknown' },
    { name: 'status pass asked', filters: [{ insight: 's3-bucket-public', status: 'pass' }], findings: { 's3-bucket-public': 'pass' }, truth: 'true' },
    { name: 'an exempt finding never matches', filters: [publicBucket], findings: { 's3-bucket-public': 'exempt' }, truth: 'false' },
    {
      name: 'an exempt finding beats the bot even under not/any',
      filters: [{ any: [{ not: publicBucket }, { tag: { key: 'x', absent: true } }] }],
      findings: { 's3-bucket-public': 'exempt' },
      truth: 'false',
    },
  ]);
});

describe('tag filters', () => {
  const tagged = s3Bucket({}, { tags: { 'public-website': 'approved', team: 'web' } });
  run([
    { name: 'present', filters: [{ tag: { key: 'team', present: true } }], resource: tagged, truth: 'true' },
    { name: 'present, missing', filters: [{ tag: { key: 'owner', present: true } }], resource: tagged, truth: 'false' },
    { name: 'absent', filters: [{ tag: { key: 'owner', absent: true } }], resource: tagged, truth: 'true' },
    { name: 'equals', filters: [{ tag: { key: 'public-website', equals: 'approved' } }], resource: tagged, truth: 'true' },
    { name: 'equals, other value', filters: [{ tag: { key: 'team', equals: 'data' } }], resource: tagged, truth: 'false' },
    { name: 'matches', filters: [{ tag: { key: 'team', matches: '^w' } }], resource: tagged, truth: 'true' },
    { name: 'matches, key missing', filters: [{ tag: { key: 'owner', matches: '.*' } }], resource: tagged, truth: 'false' },
    {
      name: 'unreadable tags decide nothing',
      filters: [{ tag: { key: 'owner', absent: true } }],
      resource: s3Bucket({}, { tags: unknown('AccessDenied') }),
      truth: 'unknown',
    },
    {
      name: 'not of unreadable tags is still unknown',
      filters: [{ not: { tag: { key: 'public-website', equals: 'approved' } } }],
      resource: s3Bucket({}, { tags: unknown('AccessDenied') }),
      truth: 'unknown',
    },
  ]);
});

describe('age filters', () => {
  run([
    {
      name: 'created long ago',
      filters: [{ age: { of: 'created', moreThanDays: 30 } }],
      resource: s3Bucket({}, { createdAt: '2026-01-01T00:00:00Z' }),
      truth: 'true',
    },
    {
      name: 'created lately',
      filters: [{ age: { of: 'created', moreThanDays: 30 } }],
      resource: s3Bucket({}, { createdAt: '2026-12-01T00:00:00Z' }),
      truth: 'false',
    },
    { name: 'creation unknown', filters: [{ age: { of: 'created', moreThanDays: 30 } }], resource: s3Bucket(), truth: 'unknown' },
    { name: 'last use of a bucket is not recorded', filters: [{ age: { of: 'last-used', moreThanDays: 30 } }], truth: 'unknown' },
  ]);
  run(
    [
      {
        name: 'user last used long ago',
        filters: [{ age: { of: 'last-used', moreThanDays: 90 } }],
        resource: iamUser({ passwordLastUsed: '2026-01-01T00:00:00Z', accessKeys: [] }),
        truth: 'true',
      },
      {
        name: 'a key used yesterday counts',
        filters: [{ age: { of: 'last-used', moreThanDays: 90 } }],
        resource: iamUser({
          passwordLastUsed: '2026-01-01T00:00:00Z',
          accessKeys: [{ id: 'AKIA1', status: 'Active', createDate: '2025-01-01T00:00:00Z', lastUsedDate: '2026-12-06T00:00:00Z' }],
        }),
        truth: 'false',
      },
      {
        name: 'keys unreadable',
        filters: [{ age: { of: 'last-used', moreThanDays: 90 } }],
        resource: iamUser({ passwordLastUsed: null, accessKeys: unknown('AccessDenied') }),
        truth: 'unknown',
      },
    ],
    'AWS::IAM::User',
  );
});

describe('conditions and logic', () => {
  const versioned: BotFilter = { condition: { path: 'config.versioning.status', op: 'eq', value: 'Enabled' } };
  run([
    { name: 'a condition', filters: [versioned], resource: s3Bucket(), truth: 'true' },
    { name: 'not of a condition', filters: [{ not: versioned }], resource: s3Bucket(), truth: 'false' },
    { name: 'all: one unknown, none false', filters: [{ all: [versioned, publicBucket] }], truth: 'unknown' },
    { name: 'all: one false beats unknown', filters: [{ all: [{ not: versioned }, publicBucket] }], truth: 'false' },
    { name: 'any: one true beats unknown', filters: [{ any: [versioned, publicBucket] }], truth: 'true' },
    { name: 'any: unknown and false', filters: [{ any: [{ not: versioned }, publicBucket] }], truth: 'unknown' },
    { name: 'the list is a conjunction', filters: [versioned, publicBucket], findings: { 's3-bucket-public': 'fail' }, truth: 'true' },
  ]);
});

describe('compile errors', () => {
  it.each([
    [[{ insight: 'nope' }], ['filters.0.insight']],
    [[{ tag: { key: 'a' } }], ['filters.0.tag']],
    [[{ tag: { key: 'a', matches: '(' } }], ['filters.0.tag.matches']],
    [[{ insight: 's3-bucket-public', tag: { key: 'a', present: true } }], ['filters.0']],
    [[{ all: [{ status: 'fail' }] }], ['filters.0.all.0.status']],
    [[{ condition: { path: 'config.nope', op: 'exists' } }], ['filters.0.condition.path']],
  ] as [BotFilter[], string[]][])('%j is refused at %j', (filters, paths) => {
    const compiled = compileFilters(filters, ['filters'], { resourceType: 'AWS::S3::Bucket', insightIds: new Set(['s3-bucket-public']) });
    expect(compiled.ok ? [] : compiled.issues.map((issue) => issue.path.join('.'))).toEqual(paths);
  });
});
