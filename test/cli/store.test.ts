import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { kmsKey, notebook } from '../../src/model/builders.js';
import { packageRoot } from '../../src/package-root.js';
import { createAjv } from '../../src/schemas/ajv.js';
import { describeEachEngine } from '../store/support/engines.js';
import { vigil } from '../support/cli.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

const rotating = kmsKey({}, { id: 'aaaaaaaa-0000-0000-0000-000000000001' });
const notRotating = kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }, { id: 'aaaaaaaa-0000-0000-0000-000000000002' });
const alsoNotRotating = kmsKey({ rotation: { enabled: false, periodDays: null, nextRotationDate: null } }, { id: 'aaaaaaaa-0000-0000-0000-000000000003' });
const openNotebook = notebook({ directInternetAccess: 'Enabled' }, { id: 'open-notebook', tags: { owner: 'quants' } });

const parse = (stdout: string) => JSON.parse(stdout) as ScanOutput;

describe('vigil scan records in the store', () => {
  it('by default in .vigil/vigil.db of the working directory; findings carry their lifecycle and the scan its previous scan', async () => {
    const work = tempDir();
    const dir = tempDir();
    const first = await vigil(['scan', '--snapshot', await snapshotOf(dir, [rotating, notRotating]), '--insight', 'kms-key-rotation'], '2026-06-01T12:00:00Z', {
      workDir: work,
    });
    expect(first.stderr).toBe('');
    expect(existsSync(join(work, '.vigil', 'vigil.db'))).toBe(true);
    const one = parse(first.stdout);
    expect(one.scan.previousScan).toBeNull();
    expect(one.findings).toEqual([
      expect.objectContaining({ status: 'fail', state: 'open', firstSeen: '2026-06-01T00:00:00.000Z', lastSeen: '2026-06-01T00:00:00.000Z' }),
    ]);

    const later = join(tempDir(), 'later');
    mkdirSync(later);
    const snapshot = await snapshotOf(later, [rotating, notRotating, alsoNotRotating], { name: 'later.jsonl' });
    writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace('"collectedAt":"2026-06-01T00:00:00.000Z"', '"collectedAt":"2026-06-02T00:00:00.000Z"'));
    const second = await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--all'], '2026-06-02T12:00:00Z', { workDir: work });
    const two = parse(second.stdout);
    expect(two.scan.previousScan).toBe(one.scan.id);
    expect(two.findings.map((f) => [f.resource.name, f.status, f.state, f.firstSeen, f.lastSeen])).toEqual([
      ['aaaaaaaa-0000-0000-0000-000000000001', 'pass', undefined, '2026-06-02T00:00:00.000Z', '2026-06-02T00:00:00.000Z'],
      ['aaaaaaaa-0000-0000-0000-000000000002', 'fail', 'open', '2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z'],
      ['aaaaaaaa-0000-0000-0000-000000000003', 'fail', 'open', '2026-06-02T00:00:00.000Z', '2026-06-02T00:00:00.000Z'],
    ]);
    const published = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'findings.json'), 'utf8')) as Record<string, unknown>;
    const validate = createAjv().compile(published);
    expect(validate(two), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    const table = await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--format', 'table'], '2026-06-02T13:00:00Z', {
      workDir: work,
    });
    expect(table.stdout).toMatch(
      /History \(\.vigil\/vigil\.db\): 0 new, 0 reopened, 0 resolved, 0 exempted — since scan [0-9a-f]{8}\. See vigil diff, vigil history\./,
    );
  });

  it('--no-store records nothing and adds no lifecycle; --store sqlite:PATH is relative to the working directory', async () => {
    const work = tempDir();
    const snapshot = await snapshotOf(tempDir(), [notRotating]);
    const none = await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--no-store'], undefined, { workDir: work });
    expect(parse(none.stdout).findings[0]).not.toHaveProperty('state');
    expect(parse(none.stdout).scan).not.toHaveProperty('previousScan');
    expect(existsSync(join(work, '.vigil'))).toBe(false);
    await vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--store', 'sqlite:history/here.db'], undefined, { workDir: work });
    expect(existsSync(join(work, 'history', 'here.db'))).toBe(true);
    expect(existsSync(join(work, '.vigil'))).toBe(false);
  });

  it("the config's store.sqlite.path is relative to the config file", async () => {
    const work = tempDir();
    const dir = tempDir();
    writeFileSync(join(dir, 'vigil.yaml'), 'store:\n  sqlite:\n    path: state/findings.db\n  keepScansDays: 30\n');
    const run = await vigil(
      ['scan', '--snapshot', await snapshotOf(dir, [notRotating]), '--insight', 'kms-key-rotation', '--config', join(dir, 'vigil.yaml')],
      undefined,
      { workDir: work },
    );
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'state', 'findings.db'))).toBe(true);
    const listed = await vigil(['scans', 'list', '--config', join(dir, 'vigil.yaml')], undefined, { workDir: work });
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
  });

  it('exits 2 on a store it cannot use, before evaluating anything', async () => {
    const work = tempDir();
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, [notRotating]);
    const scan = (...args: string[]) =>
      vigil(['scan', '--snapshot', snapshot, '--insight', 'kms-key-rotation', '--out', join(dir, 'out.json'), ...args], undefined, { workDir: work });
    const saved = process.env['VIGIL_DATABASE_URL'];
    delete process.env['VIGIL_DATABASE_URL'];
    try {
      const postgres = await scan('--store', 'postgres');
      expect(postgres.code).toBe(2);
      expect(postgres.stderr).toMatch(/--store postgres: the environment variable VIGIL_DATABASE_URL is not set/);
    } finally {
      if (saved !== undefined) process.env['VIGIL_DATABASE_URL'] = saved;
    }
    const spec = await scan('--store', 'mysql://x');
    expect(spec.code).toBe(2);
    expect(spec.stderr).toMatch(/--store: 'mysql:\/\/x' is not a store: give sqlite:PATH or postgres/);
    writeFileSync(join(dir, 'both.yaml'), 'store:\n  sqlite: { path: a.db }\n  postgres: { urlEnv: SOME_URL }\n');
    const both = await scan('--config', join(dir, 'both.yaml'));
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/both\.yaml:3:3: store: give sqlite or postgres, not both/);
    writeFileSync(join(dir, 'text.db'), 'plain text, not a database'.repeat(100));
    const notDb = await scan('--store', `sqlite:${join(dir, 'text.db')}`);
    expect(notDb.code).toBe(2);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });
});

describe('vigil history, diff and scans list', () => {
  it('need a store that exists', async () => {
    const work = tempDir();
    for (const args of [['history'], ['diff'], ['scans', 'list']]) {
      const run = await vigil(args, undefined, { workDir: work });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/no store at \.vigil\/vigil\.db: scans are recorded there by vigil scan and vigil demo/);
    }
    expect(existsSync(join(work, '.vigil'))).toBe(false);
  });

  it('reject what they cannot answer with exit 2', async () => {
    const work = tempDir();
    await vigil(['scan', '--snapshot', await snapshotOf(tempDir(), [notRotating]), '--insight', 'kms-key-rotation'], undefined, { workDir: work });
    const cases: [string[], RegExp][] = [
      [['history', '--finding', 'abc', '--since', '7d'], /give one of --finding, --since and --mttr/],
      [['history', '--since', 'last week'], /--since: 'last week' is neither a duration/],
      [['history', '--finding', 'zzzzzzzz'], /--finding: 'zzzzzzzz' is not a finding id/],
      [['history', '--finding', 'abcdef0123'], /--finding: no finding abcdef0123/],
      [['history', '--account', 'payments'], /--account: 'payments' is neither a 12-digit account id nor the name of an account/],
      [['history', '--no-store'], /unknown option '--no-store'/],
      [['diff'], /first complete scan of its scope: nothing to compare it with/],
      [['scans', 'list', '--limit', '0'], /--limit takes a whole number/],
    ];
    for (const [args, message] of cases) {
      const run = await vigil(args, undefined, { workDir: work });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('vigil demo records two days of the demo organisation', () => {
  it('so that diff and history show what changed, and a second run records nothing twice', async () => {
    const work = tempDir();
    const out = tempDir();
    const demo = await vigil(['demo', '--out-dir', out], undefined, { workDir: work });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(
      /History: Thursday 06:00 UTC, Thursday 18:00 UTC, Friday 06:00 UTC are recorded in \.vigil\/vigil\.db\.\n\s+Since Thursday 18:00: 1 new, 1 reopened, 2 resolved, 0 exempted\./,
    );

    const findings = parse(readFileSync(join(out, 'findings.json'), 'utf8')).findings;
    const bastion = findings.find((f) => f.insight === 'ec2-sg-admin-ports-open' && f.resource.name === 'harbor-bank-bastion');
    expect(bastion).toMatchObject({ state: 'reopened', firstSeen: '2026-11-19T06:00:00.000Z', lastSeen: '2026-11-20T06:00:00.000Z' });
    expect(findings.every((f) => f.firstSeen !== undefined && (f.status === 'error' || f.state !== undefined))).toBe(true);

    const diff = JSON.parse((await vigil(['diff', '--format', 'json'], undefined, { workDir: work })).stdout) as Record<string, unknown>;
    expect(Object.keys(diff)).toEqual(['from', 'to', 'new', 'resolved', 'regressed', 'open']);
    const scans = JSON.parse((await vigil(['scans', 'list'], undefined, { workDir: work })).stdout) as { id: string; observedAt: string }[];
    expect(scans.map((s) => s.observedAt)).toEqual(['2026-11-20T06:00:00.000Z', '2026-11-19T18:00:00.000Z', '2026-11-19T06:00:00.000Z']);
    expect([diff['from'], diff['to']]).toEqual([scans[1]!.id, scans[0]!.id]);
    const names = (key: string) => (diff[key] as { insight: string; resource: { name: string } }[]).map((f) => `${f.insight} ${f.resource.name}`);
    expect(names('new')).toEqual(['rds-instance-public northwind-savings-reporting']);
    expect(names('resolved').sort()).toEqual(['ec2-sg-admin-ports-open northwind-savings-app', 'kms-key-rotation alias/harbor-bank-data']);
    expect(names('regressed')).toEqual(['ec2-sg-admin-ports-open harbor-bank-bastion']);
    expect((diff['regressed'] as Record<string, unknown>[])[0]).toMatchObject({
      id: bastion!.id,
      status: 'fail',
      state: 'reopened',
      resource: { arn: bastion!.resource.arn },
    });

    const history = JSON.parse((await vigil(['history', '--finding', bastion!.id], undefined, { workDir: work })).stdout) as {
      finding: { id: string };
      transitions: { state: string; at: string; scan: string; by: string | null }[];
    };
    expect(Object.keys(history)).toEqual(['finding', 'transitions']);
    expect(history.transitions).toEqual([
      { state: 'open', at: '2026-11-19T06:00:00.000Z', scan: scans[2]!.id, by: null },
      { state: 'resolved', at: '2026-11-19T18:00:00.000Z', scan: scans[1]!.id, by: 'owner' },
      { state: 'reopened', at: '2026-11-20T06:00:00.000Z', scan: scans[0]!.id, by: null },
    ]);

    const window = JSON.parse(
      (
        await vigil(['history', '--since', '1d', '--account', 'harbor-bank-prod', '--config', join(packageRoot(), 'demo', 'vigil.yaml')], undefined, {
          workDir: work,
        })
      ).stdout,
    ) as {
      counts: Record<string, number>;
    };
    expect(window.counts).toEqual({ opened: 0, reopened: 1, resolved: 3, remediated: 0, exempted: 0 });
    const mttr = JSON.parse((await vigil(['history', '--mttr', '90d'], undefined, { workDir: work })).stdout) as { overall: { resolved: number } };
    expect(mttr.overall.resolved).toBe(4);

    const again = await vigil(['demo', '--out-dir', out], undefined, { workDir: work });
    expect(again.stdout).toMatch(/are recorded in \.vigil\/vigil\.db \(recorded by an earlier run\)\./);
    expect((JSON.parse((await vigil(['scans', 'list'], undefined, { workDir: work })).stdout) as unknown[]).length).toBe(3);
    expect(parse(readFileSync(join(out, 'findings.json'), 'utf8')).findings).toEqual(findings);
  });
});

describeEachEngine('the store commands', (engine) => {
  const saved = process.env['VIGIL_TEST_STORE_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['VIGIL_TEST_STORE_URL'];
    else process.env['VIGIL_TEST_STORE_URL'] = saved;
  });

  it('scan, diff, history and scans list against the same store', async () => {
    const target = await engine.target();
    const dir = tempDir();
    let storeArgs: string[];
    if (target.engine === 'postgres') {
      process.env['VIGIL_TEST_STORE_URL'] = target.url;
      writeFileSync(join(dir, 'vigil.yaml'), 'store:\n  postgres:\n    urlEnv: VIGIL_TEST_STORE_URL\n');
      storeArgs = ['--config', join(dir, 'vigil.yaml')];
    } else storeArgs = ['--store', `sqlite:${target.path}`];
    const snapshot = await snapshotOf(dir, [notRotating, openNotebook]);
    const first = await vigil(['scan', '--snapshot', snapshot, ...storeArgs], '2026-06-01T12:00:00Z');
    expect(first.stderr).toBe('');
    const fixedDir = tempDir();
    const fixed = await snapshotOf(fixedDir, [rotating, openNotebook]);
    writeFileSync(fixed, readFileSync(fixed, 'utf8').replace('"collectedAt":"2026-06-01T00:00:00.000Z"', '"collectedAt":"2026-06-03T00:00:00.000Z"'));
    await vigil(['scan', '--snapshot', fixed, ...storeArgs], '2026-06-03T12:00:00Z');
    const diff = JSON.parse((await vigil(['diff', ...storeArgs])).stdout) as { resolved: { resource: { name: string }; state: string }[] };
    expect(diff.resolved.map((f) => [f.resource.name, f.state])).toEqual([['aaaaaaaa-0000-0000-0000-000000000002', 'resolved']]);
    const window = JSON.parse((await vigil(['history', '--since', '2026-06-02', ...storeArgs])).stdout) as { counts: Record<string, number> };
    expect(window.counts['resolved']).toBe(1);
    const scans = JSON.parse((await vigil(['scans', 'list', ...storeArgs])).stdout) as { status: string }[];
    expect(scans.map((s) => s.status)).toEqual(['complete', 'complete']);
  });
});
