import { describe, expect, it } from 'vitest';
import { allCollectors } from '../../src/collect/collectors/index.js';
import { callSummaryLine, parseRegions } from '../../src/app/run-collection.js';
import { vigil } from '../support/cli.js';

describe('vigil iam-policy --scan', () => {
  it('prints a read-only policy with every action the collectors and the orchestration declare', async () => {
    const run = await vigil(['iam-policy', '--scan']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout) as { Version: string; Statement: { Effect: string; Action: string[]; Resource: string }[] };
    expect(policy.Version).toBe('2012-10-17');
    const actions = policy.Statement.flatMap((s) => s.Action);
    for (const collector of allCollectors) for (const op of collector.operations) expect(actions).toContain(op.iamAction);
    expect(actions).toEqual(expect.arrayContaining(['sts:AssumeRole', 'sts:GetCallerIdentity', 'ec2:DescribeRegions']));
    expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
    // read-only: no action that changes anything
    expect(actions.filter((a) => /:(Put|Create|Delete|Update|Enable|Disable|Tag|Untag|Attach|Detach)/.test(a))).toEqual([]);
    expect((await vigil(['iam-policy'])).code).toBe(2);
  });

  it('narrows to what the named insights read: a kms-key-rotation scan needs no S3 or IAM permission', async () => {
    const run = await vigil(['iam-policy', '--scan', '--insight', 'kms-key-rotation']);
    const actions = (JSON.parse(run.stdout) as { Statement: { Action: string[] }[] }).Statement.flatMap((s) => s.Action);
    expect(actions).toContain('kms:GetKeyRotationStatus');
    expect(actions).toContain('kms:DescribeKey');
    expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('iam:'))).toEqual([]);
    expect(actions).not.toContain('kms:GetKeyPolicy');
  });

  it('prints the same actions as a table by service with --format table, and the document with --format json', async () => {
    const json = await vigil(['iam-policy', '--scan', '--insight', 'kms-key-rotation', '--format', 'json']);
    const actions = (JSON.parse(json.stdout) as { Statement: { Action: string[] }[] }).Statement.flatMap((s) => s.Action);
    const table = await vigil(['iam-policy', '--scan', '--insight', 'kms-key-rotation', '--format', 'table']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Read-only IAM policy for collection: ${actions.length} actions (--format json prints the policy document)`);
    expect(lines[1]).toMatch(/^SERVICE\s+ACTIONS\s+PERMISSIONS$/);
    const kms = lines.find((line) => line.startsWith('kms '))!;
    const kmsActions = actions.filter((a) => a.startsWith('kms:')).map((a) => a.slice(4));
    expect(kms).toMatch(new RegExp(`^kms\\s+${kmsActions.length}\\s+${kmsActions.join(' ')}$`));
  });
});

describe('vigil collect', () => {
  it('rejects bad options before touching AWS', async () => {
    expect((await vigil(['collect', '--out', '/tmp/x.jsonl', '--source', 'elsewhere'])).code).toBe(2);
    expect((await vigil(['collect', '--out', '/tmp/x.jsonl', '--regions', 'moon-1'])).code).toBe(2);
    expect((await vigil(['collect', '--out', '/tmp/x.jsonl', '--concurrency', '0'])).code).toBe(2);
    expect((await vigil(['collect'])).code).toBe(2);
    expect((await vigil(['scan', '--live', '--snapshot', 'x.jsonl'])).stderr).toMatch(/--snapshot does not apply with --live/);
    expect((await vigil(['scan'])).stderr).toMatch(/--snapshot FILE or --live/);
  });

  it('sums up the API calls per service and per resource, busiest service first', () => {
    const summary = (calls: number, retries = 0, throttles = 0) => ({ calls, attempts: calls + retries, retries, throttles, failures: 0 });
    expect(callSummaryLine({ iam: summary(4), s3: summary(5012, 3, 2), ec2: summary(904) }, 3968)).toBe(
      'vigil: 5,920 API calls (1.49 per resource; 3 retries, 2 throttles): s3 5,012 · ec2 904 · iam 4',
    );
    expect(callSummaryLine({}, 0)).toBe('vigil: 0 API calls (0 retries, 0 throttles)');
  });

  it('reads --regions as a list or all', () => {
    expect(parseRegions('eu-west-1, us-east-1')).toEqual({ regions: ['eu-west-1', 'us-east-1'] });
    expect(parseRegions('all')).toEqual({ regions: undefined });
    expect(parseRegions(undefined)).toEqual({ regions: undefined });
    expect(parseRegions('us-gov-west-1')).toEqual({ regions: ['us-gov-west-1'] });
    expect(parseRegions('eu-west-1,,mars')).toEqual({ error: '--regions: not a region: mars' });
  });
});

describe('vigil iam-policy --bots', () => {
  it('adds to what the bots read the permissions their actions declare, and only those bots', async () => {
    const run = await vigil(['iam-policy', '--bots', 'kms-key-rotation']);
    expect(run.code).toBe(0);
    const actions = (JSON.parse(run.stdout) as { Statement: { Action: string[] }[] }).Statement.flatMap((s) => s.Action);
    expect(actions).toEqual(expect.arrayContaining(['kms:EnableKeyRotation', 'kms:GetKeyRotationStatus', 'kms:DescribeKey', 'sts:GetCallerIdentity']));
    expect(actions.filter((a) => a.startsWith('rds:') || a.startsWith('s3:Put') || a.startsWith('iam:Delete'))).toEqual([]);

    const all = (JSON.parse((await vigil(['iam-policy', '--bots'])).stdout) as { Statement: { Action: string[] }[] }).Statement.flatMap((s) => s.Action);
    expect(all).toEqual(
      expect.arrayContaining(['rds:DeleteDBInstance', 'rds:CreateDBSnapshot', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey', 's3:PutBucketPublicAccessBlock']),
    );
    expect(all).toEqual([...new Set(all)].sort());
    const unknown = await vigil(['iam-policy', '--bots', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no bot with id 'nope'");
    expect((await vigil(['iam-policy', '--bots', '--scan'])).code).toBe(2);
  });
});
