import { describe, expect, it } from 'vitest';
import { builtinInsights } from '../../insights/index.js';
import { vigil } from '../support/cli.js';

describe('vigil insights list / packs list', () => {
  it('lists every insight with the pack controls that use it', async () => {
    const run = await vigil(['insights', 'list', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; severity: string; resourceType: string; controls: { pack: string; control: string }[] }[];
    expect(rows.map((r) => r.id)).toEqual(builtinInsights.map((i) => i.id));
    expect(rows.find((r) => r.id === 'iam-root-mfa')?.controls).toEqual(expect.arrayContaining([expect.objectContaining({ pack: 'cis-aws' })]));
    const table = await vigil(['insights', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^Insights \\(${rows.length}\\)\nID\\s+SEVERITY\\s+RESOURCE TYPE\\s+TITLE\\s+USED BY\n`));
    expect(table.stdout).toMatch(/^kms-key-rotation\s+medium\s+AWS::KMS::Key\s+.*cis-aws:/m);
  });

  it('lists the shipped packs with automated and manual control counts', async () => {
    const run = await vigil(['packs', 'list', '--format', 'json']);
    const rows = JSON.parse(run.stdout) as { id: string; controls: number; automated: number; manual: number }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['bank-saas', 'cis-aws', 'soc2']);
    for (const row of rows) expect(row.automated + row.manual).toBe(row.controls);
    expect((await vigil(['packs', 'list'])).stdout).toMatch(
      /^Compliance packs \(\d+\)\nID\s+VERSION\s+CONTROLS\s+AUTOMATED\s+MANUAL\s+INSIGHTS\s+NAME\n(.+\n)*cis-aws\s+7\.0\.0\s+70\s+\d+\s+\d+\s+\d+\s+CIS/,
    );
  });
});
