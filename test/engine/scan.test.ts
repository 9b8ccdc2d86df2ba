import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../../insights/index.js';
import type { Insight } from '../../src/engine/define-insight.js';
import { defineInsight } from '../../src/engine/define-insight.js';
import { compileExemption, ExemptionIndex } from '../../src/exemptions/exemption-matcher.js';
import { InMemoryInventory } from '../../src/engine/inventory.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { buildScanPlan } from '../../src/engine/scan-plan.js';
import { findingId, type Finding } from '../../src/findings/finding.js';
import { kmsKey, rdsInstance } from '../../src/model/builders.js';
import { unknown } from '../../src/model/unknown.js';
import type { ResolvedPack } from '../../src/packs/load-packs.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const now = new Date('2026-06-01T12:00:00Z');

function pack(id: string, controls: [string, string[]][], params: ResolvedPack['params'] = {}): ResolvedPack {
  return {
    id,
    name: id.toUpperCase(),
    version: '1',
    description: '',
    file: `${id}.yaml`,
    params,
    controls: controls.map(([controlId, insights]) => ({
      id: controlId,
      title: `control ${controlId}`,
      insights,
      ...(insights.length === 0 && { manual: 'check by hand' }),
    })),
  };
}

const registry = (extra: Insight[] = []) => new Map([...builtinInsights, ...extra].map((i) => [i.id, i]));

async function scan(options: {
  resources: Parameters<typeof snapshotOf>[1];
  packs: ResolvedPack[];
  insights?: Map<string, Insight>;
  insightFilter?: string[];
  exemptions?: ExemptionIndex;
  includeAll?: boolean;
}) {
  const inventory = new InMemoryInventory();
  const planned = buildScanPlan({
    insights: options.insights ?? registry(),
    packs: options.packs,
    ...(options.insightFilter && { insightFilter: options.insightFilter }),
    settings: { allowedRegions: [], requiredTags: {} },
    now,
    inventory,
  });
  if (!planned.ok) throw new Error(planned.errors.join('\n'));
  inventory.keep(planned.plan.lookupTypes);
  const file = await snapshotOf(tempDir(), options.resources);
  const findings: Finding[] = [];
  const outcome = await scanSnapshot({
    file,
    plan: planned.plan,
    inventory,
    exemptions: options.exemptions ?? new ExemptionIndex([], now),
    accounts: new Map([['111111111111', { id: '111111111111', name: 'payments-prod', environment: 'production' }]]),
    includeAll: options.includeAll ?? false,
    onFinding: (f) => findings.push(f),
    clock: () => now,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return { ...outcome.result, findings, plan: planned.plan };
}

const rotating = kmsKey({}, { id: 'aaaaaaaa-0000-0000-0000-000000000001' });
const notRotating = kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }, { id: 'aaaaaaaa-0000-0000-0000-000000000002' });
const unreadable = kmsKey({ rotation: unknown('AccessDeniedException') }, { id: 'aaaaaaaa-0000-0000-0000-000000000003' });

describe('scanning a snapshot', () => {
  it('emits fail and error findings with stable ids and the controls they affect, and counts everything', async () => {
    const result = await scan({
      resources: [rotating, notRotating, unreadable],
      packs: [
        pack('cis', [
          ['3.6', ['kms-key-rotation']],
          ['1.1', []],
        ]),
      ],
    });
    expect(result.findings.map((f) => [f.status, f.resource.arn])).toEqual([
      ['fail', notRotating.arn],
      ['error', unreadable.arn],
    ]);
    const fail = result.findings[0]!;
    expect(fail).toMatchObject({
      id: findingId('kms-key-rotation', notRotating.arn),
      insight: 'kms-key-rotation',
      severity: 'medium',
      controls: [{ pack: 'cis', control: '3.6' }],
      resource: { accountId: '111111111111', region: 'eu-west-1', type: 'AWS::KMS::Key', name: notRotating.name },
    });
    const summary = result.summary.packs[0]!;
    expect(summary).toMatchObject({ id: 'cis', pass: 1, fail: 1, error: 1, score: 0.5, coverage: 0.6667 });
    expect(summary.controls).toEqual([
      expect.objectContaining({ id: '3.6', status: 'fail', pass: 1, fail: 1, error: 1, score: 0.5 }),
      expect.objectContaining({ id: '1.1', status: 'manual', score: null, manual: 'check by hand' }),
    ]);
    expect(result.summary.failingBySeverity['medium']).toBe(1);
    expect(result.scan.accounts).toEqual([{ id: '111111111111', name: 'payments-prod', environment: 'production', resources: 3 }]);
  });

  it('turns a covered fail into exempt, counted apart from pass and fail', async () => {
    const exemptions = new ExemptionIndex(
      [
        compileExemption(
          { insight: 'kms-key-rotation', resources: [notRotating.arn], reason: 'key retired next month', approvedBy: 'ciso', expires: '2026-07-01' },
          'ex.yaml',
        ),
      ],
      now,
    );
    const result = await scan({ resources: [rotating, notRotating], packs: [pack('cis', [['3.6', ['kms-key-rotation']]])], exemptions });
    expect(result.findings).toEqual([expect.objectContaining({ status: 'exempt', exemption: expect.objectContaining({ approvedBy: 'ciso' }) })]);
    expect(result.summary.packs[0]).toMatchObject({ pass: 1, fail: 0, exempt: 1, score: 1 });
    expect(result.summary.failingBySeverity['medium']).toBe(0);
  });

  it('looks up other resources declared by the insight (the key of a database)', async () => {
    const key = kmsKey({ manager: 'AWS', aliases: ['alias/aws/rds'] }, { id: 'bbbbbbbb-0000-0000-0000-000000000001' });
    const db = rdsInstance({ kmsKeyId: key.arn });
    const result = await scan({ resources: [db, key], packs: [pack('bank', [['ENC', ['rds-instance-encryption-cmk']]])] });
    expect(result.plan.lookupTypes).toEqual(new Set(['AWS::KMS::Key']));
    expect(result.findings).toEqual([expect.objectContaining({ status: 'fail', reason: expect.stringMatching(/AWS-managed/) })]);
  });

  it('a key DescribeKey could not read is in the findings as error, and its control is not 100 %', async () => {
    const denied = unknown('AccessDeniedException: kms:DescribeKey');
    const undescribed = {
      ...kmsKey({}, { id: 'aaaaaaaa-0000-0000-0000-000000000004' }),
      config: {
        ...kmsKey().config,
        keyId: 'aaaaaaaa-0000-0000-0000-000000000004',
        manager: denied,
        origin: denied,
        state: denied,
        spec: denied,
        usage: denied,
        rotation: denied,
      },
    };
    const result = await scan({ resources: [rotating, undescribed], packs: [pack('cis', [['3.6', ['kms-key-rotation']]])] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        status: 'error',
        resource: expect.objectContaining({ arn: undescribed.arn }),
        reason: 'manager could not be read (AccessDeniedException: kms:DescribeKey)',
      }),
    ]);
    const control = result.summary.packs[0]!.controls[0]!;
    expect(control).toMatchObject({ id: '3.6', pass: 1, error: 1 });
    expect(result.summary.packs[0]!.coverage).toBeLessThan(1);
    expect(control.status).not.toBe('pass');
  });

  it('an insight that looks up a resource it cannot read gives error, naming that resource (the key of a database)', async () => {
    const key = kmsKey({ aliases: ['alias/bank'] }, { id: 'bbbbbbbb-0000-0000-0000-000000000002' });
    const unreadKey = { ...key, config: { ...key.config, manager: unknown('AccessDeniedException: kms:DescribeKey') } };
    const db = rdsInstance({ kmsKeyId: key.arn });
    const result = await scan({ resources: [db, unreadKey], packs: [pack('bank', [['ENC', ['rds-instance-encryption-cmk']]])] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        status: 'error',
        resource: expect.objectContaining({ arn: db.arn }),
        reason: `the AWS::KMS::Key ${key.arn} it depends on could not be read: manager is unknown (AccessDeniedException: kms:DescribeKey)`,
      }),
    ]);
  });

  it('runs an insight once per distinct parameter set, with distinct finding ids', async () => {
    const yearly = kmsKey({ rotation: { enabled: true, periodDays: 365, nextRotationDate: null } });
    const packs = [
      pack('cis', [['3.6', ['kms-key-rotation']]]),
      pack('bank', [['KMS-1', ['kms-key-rotation']]], { 'kms-key-rotation': { maxRotationPeriodDays: 180 } }),
    ];
    const result = await scan({ resources: [yearly], packs, includeAll: true });
    expect(result.findings.map((f) => [f.status, f.controls[0]?.pack, f.params])).toEqual([
      ['pass', 'cis', undefined],
      ['fail', 'bank', { maxRotationPeriodDays: 180 }],
    ]);
    expect(new Set(result.findings.map((f) => f.id)).size).toBe(2);
    expect(result.summary.packs.map((p) => [p.id, p.score])).toEqual([
      ['cis', 1],
      ['bank', 0],
    ]);
  });

  it('records an insight that throws as an error, never a pass, and goes on', async () => {
    const broken = defineInsight({
      id: 'broken-insight',
      title: 'An insight with a bug in it',
      resourceType: 'AWS::KMS::Key',
      severity: 'low',
      description: 'Throws on every resource to prove the engine survives it.',
      rationale: 'A bug in one insight must not hide the results of the others.',
      remediation: { cli: 'none', console: 'none' },
      reads: { self: [] },
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const result = await scan({
      resources: [rotating],
      packs: [pack('p', [['1', ['broken-insight', 'kms-key-rotation']]])],
      insights: registry([broken]),
    });
    expect(result.findings).toEqual([expect.objectContaining({ insight: 'broken-insight', status: 'error', reason: expect.stringMatching(/boom/) })]);
    expect(result.summary.packs[0]!.controls[0]).toMatchObject({ status: 'error', pass: 1, error: 1 });
  });

  it('limits the run to --insight ids and shows only their controls', async () => {
    const result = await scan({
      resources: [notRotating, rdsInstance()],
      packs: [
        pack('cis', [
          ['3.6', ['kms-key-rotation']],
          ['3.2', ['rds-instance-multi-az']],
          ['1.1', []],
        ]),
      ],
      insightFilter: ['rds-instance-multi-az'],
    });
    expect(result.scan.insights).toEqual(['rds-instance-multi-az']);
    expect(result.findings).toEqual([]);
    expect(result.summary.packs[0]!.controls.map((c) => c.id)).toEqual(['3.2']);
  });
});
