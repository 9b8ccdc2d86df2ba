import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/schemas/ajv.js';
import type { PlanFile } from '../../src/bots/runtime/bot-plan.js';
import { readPlanText } from '../../src/bots/runtime/plan-file.js';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { packageRoot } from '../../src/package-root.js';
import { csvColumns } from '../../src/output/write-csv.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

interface PlanDocument {
  sha256: string;
  plan: PlanFile;
}

describe('vigil demo', () => {
  it('scans the demo organisation and writes findings that match the published schema', async () => {
    const dir = tempDir();
    const run = await vigil(['demo', '--out-dir', join(dir, 'nested', 'out')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const output = JSON.parse(readFileSync(join(dir, 'nested', 'out', 'findings.json'), 'utf8')) as ScanOutput;
    // Validated against the published file itself, as a consumer of Vigil's output would.
    const published = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'findings.json'), 'utf8')) as Record<string, unknown>;
    const validate = createAjv().compile(published);
    expect(validate(output), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    expect(output.scan.accounts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['harbor-bank-prod', 'northwind-savings-prod', 'ledgerline-shared-services', 'ledgerline-dev', 'ledgerline-security']),
    );
    expect(output.summary.packs.map((p) => p.id)).toEqual(['cis-aws', 'soc2', 'bank-saas']);
    const statuses = new Set(output.findings.map((f) => f.status));
    expect(statuses).toEqual(new Set(['fail', 'error', 'exempt']));
    expect(output.scan.coverage.length).toBeGreaterThan(0);

    // the scenario the demo is built to show
    const failing = (insight: string) => output.findings.filter((f) => f.insight === insight && f.status === 'fail').map((f) => f.resource.name);
    expect(failing('region-allowed')).toEqual(expect.arrayContaining([expect.stringContaining('latency-test')]));
    expect(failing('rds-instance-public').length).toBeGreaterThan(0);
    expect(failing('kms-key-rotation').length).toBeGreaterThan(0);
    expect(failing('iam-access-key-age').length).toBeGreaterThan(0);
    expect(failing('s3-bucket-public').length).toBeGreaterThan(0);
    // Northwind's web ACL also lets in Ledgerline's support office; Harbor's lets in only the bank.
    expect(failing('waf-web-acl-ip-allow-list')).toEqual(['northwind-savings-portal']);
    expect(output.findings.filter((f) => f.insight === 'waf-web-acl-ip-allow-list' && f.status !== 'fail')).toEqual([]);
    expect(output.findings.some((f) => f.status === 'exempt' && f.insight === 's3-bucket-public')).toBe(true);

    // Every finding says how to fix it, with the resource's own identifiers in the command.
    const publicDb = output.findings.find((f) => f.insight === 'rds-instance-public' && f.status === 'fail')!;
    expect(publicDb.remediation.cli).toContain(`--db-instance-identifier ${publicDb.resource.name} `);
    expect(publicDb.remediation.docs).toBe('docs/insights/rds-instance-public.md');
    expect(output.findings.every((f) => f.remediation.console !== '' && f.remediation.cli !== '')).toBe(true);
    // A reason is one or two sentences; the detail is in the evidence.
    expect(Math.max(...output.findings.map((f) => f.reason.length))).toBeLessThan(400);

    // The shipped bots, planned in dry run on the same organisation: valid against the published plan schema, nothing applied.
    const planDocument = JSON.parse(readFileSync(join(dir, 'nested', 'out', 'plan.json'), 'utf8')) as PlanDocument;
    const planSchema = JSON.parse(readFileSync(join(packageRoot(), 'schemas', 'plan.json'), 'utf8')) as Record<string, unknown>;
    const validPlan = createAjv().compile(planSchema);
    expect(validPlan(planDocument), JSON.stringify(validPlan.errors?.slice(0, 3))).toBe(true);
    expect(readPlanText(readFileSync(join(dir, 'nested', 'out', 'plan.json'), 'utf8'), planDocument.sha256).ok).toBe(true);
    expect(run.stdout).toContain(`sha256 ${planDocument.sha256}`);
    const { plan } = planDocument;
    // Every shipped bot (written out here, so a bot dropped from the demo's plan fails), each in dry run.
    const shipped = [
      'db-backup-retention',
      'deployer-keys-business-hours',
      'disallowed-region-cleanup',
      'external-ip-db',
      'iam-access-key-rotation',
      'iam-hygiene',
      'kms-key-rotation',
      'notebook-sleeper',
      'public-bucket-fix',
      'stack-cleanup',
      'step-function-failures',
      'storage-running-out',
      'unencrypted-db-alert',
    ];
    expect(plan.bots.map((bot) => [bot.bot, bot.mode])).toEqual(shipped.map((id) => [id, 'dry-run']));
    const planned = (bot: string) => plan.bots.find((b) => b.bot === bot)!;
    const bucketFixes = planned('public-bucket-fix').resources.filter((r) => r.steps.some((step) => step.action === 's3-block-public-access'));
    expect(bucketFixes.map((r) => r.name).sort()).toEqual(expect.arrayContaining([failing('s3-bucket-public')[0]]));
    // The exempt public bucket is never a bot's.
    const exemptBuckets = output.findings.filter((f) => f.status === 'exempt' && f.insight === 's3-bucket-public').map((f) => f.resource.arn);
    expect(planned('public-bucket-fix').resources.filter((r) => exemptBuckets.includes(r.arn))).toEqual([]);
    expect(planned('kms-key-rotation').resources.length + (planned('kms-key-rotation').halted === undefined ? 0 : 1)).toBeGreaterThan(0);

    const rows = parse<Record<string, string>>(readFileSync(join(dir, 'nested', 'out', 'findings.csv'), 'utf8'), { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...csvColumns]);
    expect(rows).toHaveLength(output.findings.length);
    expect(rows.find((row) => row['id'] === publicDb.id)?.['remediationCli']).toBe(publicDb.remediation.cli);

    expect(run.stdout).toMatch(/cis-aws\s+score/);
    expect(run.stdout).toMatch(/Failing findings by severity:\n\s+critical \d+ · high \d+/);
    expect(run.stdout).toMatch(/Five worst controls:\n(\s+\S+ \S+\s+\d+ failing.*\n){5}/);
    // Each bank has its own numbers, and so has each environment and account.
    const { byTenant, byEnvironment, byAccount } = output.summary;
    expect(byTenant.map((t) => t.name)).toEqual(['Harbor Bank', 'Northwind Savings']);
    expect(byEnvironment.map((e) => e.name)).toEqual(['development', 'production', 'security']);
    expect(byAccount.map((a) => a.id)).toEqual(output.scan.accounts.map((a) => a.id));
    const harbor = byTenant[0]!;
    const harborAccount = byAccount.find((a) => a.name === 'harbor-bank-prod')!;
    expect(harbor.accounts).toEqual([harborAccount.id]);
    expect(harbor.packs).toEqual(harborAccount.packs);
    const production = byEnvironment.find((e) => e.name === 'production')!;
    const productionAccounts = byAccount.filter((a) => production.accounts.includes(a.id));
    for (const [index, pack] of production.packs.entries()) {
      expect(pack.fail).toBe(productionAccounts.reduce((sum, a) => sum + a.packs[index]!.fail, 0));
      expect(pack.score).toBe(pack.pass + pack.fail === 0 ? null : Math.round((pack.pass / (pack.pass + pack.fail)) * 10_000) / 10_000);
    }
    expect(run.stdout).toMatch(/By tenant \(score \/ coverage per pack\):\n\s+TENANT\s+cis-aws\s+soc2\s+bank-saas\n\s+Harbor Bank\s+\d+\.\d% \/ \d+\.\d%/);

    // The auditor's evidence: every evaluation, passing ones too; findings.json says it holds fewer.
    expect(output.summary.includesPassing).toBe(false);
    const evidence = gunzipSync(readFileSync(join(dir, 'nested', 'out', 'evidence.jsonl.gz')))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ScanOutput['findings'][number]);
    expect(evidence).toHaveLength(output.scan.evaluations);
    expect(evidence.filter((f) => f.status === 'fail')).toHaveLength(output.summary.fail);
    expect(evidence.filter((f) => f.status === 'pass')).toHaveLength(output.summary.pass);
    expect(run.stdout).toContain('--all adds the passing and not-applicable ones, as evidence');
    expect(run.stdout).toContain('evidence.jsonl.gz (every evaluation, passing ones too, as evidence)');
    expect(run.stdout).toMatch(/Fix first .*:\n\s+CRITICAL \S+ — .*\n\s+\$ \S/);
  }, 90_000);

  it('is deterministic: two runs give the same findings', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await vigil(['demo', '--out-dir', a]);
    await vigil(['demo', '--out-dir', b]);
    const findings = (dir: string) => (JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as ScanOutput).findings;
    expect(findings(a)).toEqual(findings(b));
  });
});

describe('the shipped demo configuration', () => {
  it("describes the generated organisation: its accounts, regions, tagging policy and each tenant's bank key and networks", async () => {
    const { loadConfig } = await import('../../src/config/load-config.js');
    const { demoOrganisation } = await import('../../src/demo/organisation.js');
    const { demoConfigFile } = await import('../../src/cli/commands/demo.js');
    const loaded = await loadConfig(demoConfigFile());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const config = loaded.value.config;
    const org = demoOrganisation();
    expect(config.accounts?.map(({ params: _params, ...account }) => account)).toEqual(org.accounts);
    expect(config.regions?.allowed).toEqual(org.allowedRegions);
    expect(config.requiredTags).toEqual(org.requiredTags);
    for (const account of config.accounts ?? []) {
      const key = org.tenantKeys[account.id];
      expect(account.params?.['s3-bucket-encryption-cmk']?.['requiredKeyArns'] ?? undefined).toEqual(key === undefined ? undefined : [key]);
      expect(account.params?.['rds-instance-encryption-cmk']?.['requiredKeyArns'] ?? undefined).toEqual(key === undefined ? undefined : [key]);
      expect(account.params?.['rds-cluster-encryption-cmk']?.['requiredKeyArns'] ?? undefined).toEqual(key === undefined ? undefined : [key]);
      expect(account.params?.['waf-web-acl-ip-allow-list']?.['allowedCidrs'] ?? undefined).toEqual(org.tenantCidrs[account.id]);
    }
  });
});
