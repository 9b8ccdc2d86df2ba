import { describe, expect, it } from 'vitest';
import { compileAccessor, compilePath, formatPath, parsePath, type Endpoint, type PathStep } from '../../src/conditions/compile-path.js';
import { unknown } from '../../src/model/unknown.js';

describe('parsePath', () => {
  const valid: { path: string; steps: PathStep[]; canonical?: string }[] = [
    { path: 'name', steps: [{ kind: 'key', key: 'name' }] },
    {
      path: 'config.versioning.status',
      steps: [
        { kind: 'key', key: 'config' },
        { kind: 'key', key: 'versioning' },
        { kind: 'key', key: 'status' },
      ],
    },
    {
      path: 'config.ingress[*].fromPort',
      steps: [{ kind: 'key', key: 'config' }, { kind: 'key', key: 'ingress' }, { kind: 'each' }, { kind: 'key', key: 'fromPort' }],
    },
    {
      path: 'config.ingress[0]',
      steps: [
        { kind: 'key', key: 'config' },
        { kind: 'key', key: 'ingress' },
        { kind: 'index', index: 0 },
      ],
    },
    {
      path: 'tags.aws:cloudformation:stack-name',
      steps: [
        { kind: 'key', key: 'tags' },
        { kind: 'key', key: 'aws:cloudformation:stack-name' },
      ],
    },
    {
      path: 'tags["cost.center"]',
      steps: [
        { kind: 'key', key: 'tags' },
        { kind: 'key', key: 'cost.center' },
      ],
    },
    {
      path: 'tags["a \\"quoted\\" key"]',
      steps: [
        { kind: 'key', key: 'tags' },
        { kind: 'key', key: 'a "quoted" key' },
      ],
    },
    {
      path: '["config"].status',
      steps: [
        { kind: 'key', key: 'config' },
        { kind: 'key', key: 'status' },
      ],
      canonical: 'config.status',
    },
    { path: 'config.matrix[*][1]', steps: [{ kind: 'key', key: 'config' }, { kind: 'key', key: 'matrix' }, { kind: 'each' }, { kind: 'index', index: 1 }] },
  ];
  for (const { path, steps, canonical } of valid) {
    it(`parses ${path}`, () => {
      const parsed = parsePath(path);
      expect(parsed).toEqual({ ok: true, steps });
      expect(formatPath(steps)).toBe(canonical ?? path);
    });
  }

  const invalid: { path: string; message: RegExp }[] = [
    { path: '', message: /ends where a field name was expected/ },
    { path: '.config', message: /expected a field name at character 1/ },
    { path: 'config.', message: /ends where a field name after "\." was expected/ },
    { path: 'config..status', message: /character 8/ },
    { path: 'config.ingress[]', message: /character 15/ },
    { path: 'config.ingress[-1]', message: /character 15/ },
    { path: 'config.ingress.*.fromPort', message: /write \[\*\] for every item/ },
    { path: 'config status', message: /character 7/ },
    { path: 'tags["unterminated]', message: /character 5/ },
  ];
  for (const { path, message } of invalid) {
    it(`rejects ${JSON.stringify(path)}`, () => {
      const parsed = parsePath(path);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }
});

describe('compiled accessor', () => {
  const resource = {
    name: 'web',
    tags: { owner: 'alice', 'cost.center': '42' },
    config: {
      status: 'InService',
      kmsKeyId: null,
      versioning: { status: 'Enabled' },
      logging: null,
      policy: unknown('AccessDenied: s3:GetBucketPolicy'),
      ingress: [
        { fromPort: 22, ipv4Ranges: ['0.0.0.0/0'] },
        { fromPort: null, ipv4Ranges: ['10.0.0.0/8'] },
        { fromPort: 443, ipv4Ranges: [] },
      ],
      empty: [],
      secret: { inner: unknown('AccessDenied: secret') },
    },
  };
  const cases: { path: string; endpoints: Endpoint[] }[] = [
    { path: 'name', endpoints: [{ state: 'present', at: 'name', value: 'web' }] },
    { path: 'tags.owner', endpoints: [{ state: 'present', at: 'tags.owner', value: 'alice' }] },
    { path: 'tags["cost.center"]', endpoints: [{ state: 'present', at: 'tags["cost.center"]', value: '42' }] },
    { path: 'tags.missing', endpoints: [{ state: 'absent', at: 'tags.missing' }] },
    { path: 'config.kmsKeyId', endpoints: [{ state: 'absent', at: 'config.kmsKeyId' }] },
    { path: 'config.versioning.status', endpoints: [{ state: 'present', at: 'config.versioning.status', value: 'Enabled' }] },
    { path: 'config.logging.targetBucket', endpoints: [{ state: 'absent', at: 'config.logging.targetBucket' }] },
    {
      path: 'config.policy.Statement[*].Effect',
      endpoints: [{ state: 'unknown', at: 'config.policy', reason: 'AccessDenied: s3:GetBucketPolicy', unreadable: true }],
    },
    { path: 'config.secret.inner', endpoints: [{ state: 'unknown', at: 'config.secret.inner', reason: 'AccessDenied: secret', unreadable: true }] },
    {
      path: 'config.ingress[*].fromPort',
      endpoints: [
        { state: 'present', at: 'config.ingress[0].fromPort', value: 22 },
        { state: 'absent', at: 'config.ingress[1].fromPort' },
        { state: 'present', at: 'config.ingress[2].fromPort', value: 443 },
      ],
    },
    {
      path: 'config.ingress[*].ipv4Ranges[*]',
      endpoints: [
        { state: 'present', at: 'config.ingress[0].ipv4Ranges[0]', value: '0.0.0.0/0' },
        { state: 'present', at: 'config.ingress[1].ipv4Ranges[0]', value: '10.0.0.0/8' },
      ],
    },
    { path: 'config.ingress[2].fromPort', endpoints: [{ state: 'present', at: 'config.ingress[2].fromPort', value: 443 }] },
    { path: 'config.ingress[9].fromPort', endpoints: [{ state: 'absent', at: 'config.ingress[9].fromPort' }] },
    { path: 'config.empty[*].x', endpoints: [] },
    {
      path: 'tags[*]',
      endpoints: [
        { state: 'present', at: 'tags.owner', value: 'alice' },
        { state: 'present', at: 'tags["cost.center"]', value: '42' },
      ],
    },
    {
      path: 'config.status.code',
      endpoints: [{ state: 'unknown', at: 'config.status', reason: 'is a string ("InService"), so it has no field "code"', unreadable: false }],
    },
    {
      path: 'config.ingress.fromPort',
      endpoints: [{ state: 'unknown', at: 'config.ingress', reason: 'is a list, so it has no field "fromPort"', unreadable: false }],
    },
    {
      path: 'config.status[0]',
      endpoints: [{ state: 'unknown', at: 'config.status', reason: 'is a string ("InService"), so it has no item 0', unreadable: false }],
    },
    {
      path: 'config.status[*]',
      endpoints: [{ state: 'unknown', at: 'config.status', reason: 'is a string ("InService"), so [*] has nothing to go through', unreadable: false }],
    },
    { path: 'constructor', endpoints: [{ state: 'absent', at: 'constructor' }] },
  ];
  for (const { path, endpoints } of cases) {
    it(`reads ${path}`, () => {
      const compiled = compilePath(path);
      if (!compiled.ok) throw new Error(compiled.message);
      expect(compiled.path.read(resource)).toEqual(endpoints);
    });
  }

  it('reports the whole tags mapping as unreadable when tags could not be read', () => {
    const read = compileAccessor([
      { kind: 'key', key: 'tags' },
      { kind: 'key', key: 'owner' },
    ]);
    expect(read({ tags: unknown('AccessDenied: tag:GetResources') })).toEqual([
      { state: 'unknown', at: 'tags', reason: 'AccessDenied: tag:GetResources', unreadable: true },
    ]);
  });
});
