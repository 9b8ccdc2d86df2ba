import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackCoverage } from '../../src/cli/commands/packs-coverage.js';
import { vigil } from '../support/cli.js';

describe('vigil packs coverage', () => {
  it('classifies every control of a pack as automated, partly or manual and adds them up', async () => {
    const run = await vigil(['packs', 'coverage', '--pack', 'cis-aws', '--format', 'json']);
    expect(run.code).toBe(0);
    const [cis] = JSON.parse(run.stdout) as PackCoverage[];
    expect(cis?.controls).toHaveLength(70);
    expect(cis!.automated + cis!.partly + cis!.manual).toBe(70);
    const control = (id: string) => cis!.controls.find((c) => c.id === id);
    expect(control('3.1.4')).toMatchObject({ automation: 'automated', insights: ['s3-bucket-block-public-access', 's3-bucket-public'] });
    expect(control('3.2.1')).toMatchObject({ automation: 'automated', insights: ['rds-instance-encrypted', 'rds-cluster-encrypted'] });
    expect(control('2.1.1')).toMatchObject({ automation: 'manual', insights: [] });
    expect(cis!.automatedPercent).toBe(Math.round((cis!.automated / 70) * 1000) / 10);
    for (const c of cis!.controls) {
      if (c.automation === 'manual') expect(c.insights).toEqual([]);
      else expect(c.insights.length).toBeGreaterThan(0);
    }
  });

  it('counts a control whose pack says what is left as partly automated', async () => {
    const run = await vigil(['packs', 'coverage', '--pack', 'bank-saas', '--format', 'json']);
    const [bank] = JSON.parse(run.stdout) as PackCoverage[];
    expect(bank!.controls.find((c) => c.id === 'BANK-ENC-01')).toMatchObject({ automation: 'partly' });
    expect(bank!.partly).toBeGreaterThan(0);
  });

  it('prints a table per pack and rejects unknown packs', async () => {
    const run = await vigil(['packs', 'coverage']);
    expect(run.stdout).toMatch(/\(cis-aws 7\.0\.0\)\nCONTROL\s+AUTOMATION\s+TITLE\s+INSIGHTS\n/);
    expect(run.stdout).toMatch(/\d+ automated, \d+ partly, \d+ manual of 70: [\d.]+% automated/);
    expect((await vigil(['packs', 'coverage', '--pack', 'nope'])).code).toBe(2);
  });

  it('reads custom insights from --insights, like the other commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-insights-'));
    try {
      writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: no condition\n');
      const run = await vigil(['packs', 'coverage', '--insights', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(join(dir, 'broken.yaml'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
