/**
 * The scorecard a bank is shown holds nothing about any other tenant (or the provider's own
 * accounts): the whole file — markup, scripts and JSON — is searched for every identifier of every
 * other account.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigFile } from '../../src/cli/commands/demo.js';
import { loadConfig } from '../../src/config/load-config.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { demoScorecard, type DemoScorecard } from './support/demo-scorecard.js';

const tempDir = useTempDir();
let demo: DemoScorecard;
beforeAll(async () => {
  demo = await demoScorecard();
});
afterAll(() => demo.dispose());

/** Strings found anywhere in the configuration entry: names, owners, tags, parameters (bank keys, networks). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('tenant scorecard', () => {
  for (const tenant of ['Harbor Bank', 'Northwind Savings']) {
    it(`shows ${tenant} only its own accounts, in the page, the scripts and the JSON`, async () => {
      const config = await loadConfig(demoConfigFile());
      if (!config.ok) throw new Error('demo config');
      const entries = config.value.config.accounts ?? [];
      const mine = new Set(entries.filter((a) => a.tenant === tenant).map((a) => a.id));
      const own = new Set([
        ...stringsOf(entries.filter((a) => mine.has(a.id))),
        ...demo.output.findings.filter((f) => mine.has(f.resource.accountId)).map((f) => f.resource.name),
      ]);

      const dir = tempDir();
      const outputs = { html: join(dir, 'tenant.html'), json: join(dir, 'tenant.json') };
      for (const [format, file] of Object.entries(outputs)) {
        const run = await vigil(['scorecard', '--findings', demo.file, '--config', demoConfigFile(), '--tenant', tenant, '--format', format, '--out', file]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      }

      const others = demo.output.scan.accounts.filter((a) => !mine.has(a.id));
      expect(others.length).toBeGreaterThan(2);
      const forbidden = new Set<string>();
      for (const account of others) {
        forbidden.add(account.id);
        forbidden.add(account.name);
        if (account.tenant !== undefined) forbidden.add(account.tenant);
      }
      for (const entry of entries.filter((a) => !mine.has(a.id))) {
        for (const text of stringsOf(entry)) if (!own.has(text) && text.length >= 6) forbidden.add(text);
      }
      // Every other account's ARNs; and every resource name of another tenant's accounts. (The
      // provider's shared accounts serve every tenant: a tenant's own finding may name the
      // organisation trail's log group that monitors it, never the account it lives in.)
      const otherTenants = new Set(others.filter((a) => a.tenant !== undefined).map((a) => a.id));
      for (const finding of demo.output.findings.filter((f) => !mine.has(f.resource.accountId))) {
        forbidden.add(finding.resource.arn);
        if (otherTenants.has(finding.resource.accountId) && !own.has(finding.resource.name) && finding.resource.name.length >= 8)
          forbidden.add(finding.resource.name);
      }
      for (const gap of demo.output.scan.coverage.filter((g) => !mine.has(g.accountId))) if (gap.resourceArn !== undefined) forbidden.add(gap.resourceArn);
      // Generic words an entry may hold (an environment's name) are no identifier.
      for (const word of ['production', 'development', 'security', 'restricted', 'internal']) forbidden.delete(word);
      expect(forbidden.size).toBeGreaterThan(50);

      for (const file of Object.values(outputs)) {
        const text = readFileSync(file, 'utf8');
        const found = [...forbidden].filter((identifier) => text.includes(identifier));
        expect(found, file).toEqual([]);
        for (const id of mine) expect(text).toContain(id);
      }
    });
  }
});
