/**
 * The daily report over the demo's two stored days: its changes against the store's own roll-ups
 * and its lists against the demo's story (src/demo/timeline.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfigFile } from '../../src/cli/commands/demo.js';
import { openStore } from '../../src/store/store.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const FRIDAY = '2026-11-20T06:00:00.000Z';

describe('vigil report daily', () => {
  it('reports the changes since yesterday from two stored days, as the demo writes it and as the command does', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const demo = await vigil(['demo', '--out-dir', dir, '--store', `sqlite:${db}`]);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    for (const file of ['scorecard.html', 'scorecard-harbor-bank.html', 'scorecard-northwind-savings.html', 'report.html', 'report.txt']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');

    // The story: Harbor's bastion opened to the world again overnight (a regression); Harbor's
    // reports bucket got its versioning back (resolved, by its owner).
    const section = (title: string) => text.slice(text.indexOf(title), text.indexOf('\n\n', text.indexOf(title)));
    expect(section('Regressions')).toContain('harbor-bank-bastion');
    expect(section('Resolved')).toMatch(/harbor-bank-reports-\d+ \(harbor-bank-prod\) · fixed by Harbor Bank delivery team \(owner\)/);
    expect(section('New critical and high failures')).not.toMatch(/\[(medium|low)\]/);

    // Each environment's change is the store's roll-ups of Friday against Thursday.
    const opened = await openStore({ engine: 'sqlite', path: db });
    if (!opened.ok) throw new Error(opened.problem.message);
    const production = ['569425006216', '573896332056', ...(await productionProviderAccounts())];
    const rows = await opened.store.db
      .selectFrom('daily_rollups')
      .select((eb) => ['day', eb.fn.sum<number>('pass').as('pass'), eb.fn.sum<number>('fail').as('fail')])
      .where('account_id', 'in', production)
      .groupBy('day')
      .orderBy('day')
      .execute();
    await opened.store.close();
    const score = (row: { pass: number; fail: number }) => Number(row.pass) / (Number(row.pass) + Number(row.fail));
    expect(rows.map((r) => r.day)).toEqual(['2026-11-19', '2026-11-20']);
    const points = Math.round((Math.round(score(rows[1]!) * 10_000) / 10_000 - Math.round(score(rows[0]!) * 10_000) / 10_000) * 1000) / 10;
    const line = text.split('\n').find((l) => l.trimStart().startsWith('production'))!;
    expect(line).toContain(points === 0 ? '(no change)' : `(${points > 0 ? '+' : ''}${points} pts)`);

    // The command reads the same store and writes the same report (sending is tested with --send in test/cli).
    const out = join(dir, 'cli');
    const run = await vigil(['report', 'daily', '--config', demoConfigFile(), '--store', `sqlite:${db}`, '--out', out, '--since', '24h'], FRIDAY);
    expect(run.code, run.stderr).toBe(0);
    // Coverage entries are known to the demo's scan, not to the store: the rest is the same.
    const withoutGaps = (report: string) => report.slice(0, report.indexOf('Coverage gaps'));
    expect(withoutGaps(readFileSync(join(out, 'report.txt'), 'utf8'))).toBe(withoutGaps(text));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<th scope="col">Fixed by</th>');
  });

  it('refuses a window it cannot read and a store without scans', async () => {
    const dir = tempDir();
    const bad = await vigil(['report', 'daily', '--since', 'yesterday', '--out', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--since: 'yesterday' is neither a duration");
    const empty = await vigil(['report', 'daily', '--store', `sqlite:${join(dir, 'empty.db')}`, '--out', dir]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no store at .*empty\.db/);
  });
});

/** The provider's production accounts, from the demo configuration. */
async function productionProviderAccounts(): Promise<string[]> {
  const { loadConfig } = await import('../../src/config/load-config.js');
  const loaded = await loadConfig(demoConfigFile());
  if (!loaded.ok) throw new Error('demo config');
  return (loaded.value.config.accounts ?? []).filter((a) => a.environment === 'production' && a.tenant === undefined).map((a) => a.id);
}
