/**
 * Names, tags and reasons come from AWS and can hold markup: a bucket named and tagged with an
 * HTML/script payload must show as text in the page and stay data in the embedded JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Bucket } from '../../src/model/builders.js';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { vigil } from '../support/cli.js';
import { snapshotOf } from '../support/snapshots.js';
import { useTempDir } from '../support/temp-dir.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { openPage } from './support/page.js';

const NAME = 'evil</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const TAG = '"><svg onload="window.__pwned=3"><!--';

const tempDir = useTempDir();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('scorecard injection', () => {
  it('renders a bucket named and tagged with markup as text, in the page and in the embedded JSON', async () => {
    const dir = tempDir();
    const snapshot = await snapshotOf(dir, [
      s3Bucket({}, { name: NAME, id: NAME, arn: `arn:aws:s3:::${NAME}`, region: 'eu-west-1', tags: { owner: TAG, [TAG]: NAME } }),
    ]);
    const findings = join(dir, 'findings.json');
    const scan = await vigil(['scan', '--snapshot', snapshot, '--all', '--format', 'json', '--out', findings]);
    expect(scan.stderr).toBe('');
    const output = JSON.parse(readFileSync(findings, 'utf8')) as ScanOutput;
    expect(output.findings.some((f) => f.status === 'fail' && f.resource.name === NAME)).toBe(true);

    const html = join(dir, 'scorecard.html');
    const run = await vigil(['scorecard', '--findings', findings, '--out', html]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<script>window');
    expect(text).not.toContain('<svg onload');
    // Two scripts only: the embedded data and the page's own.
    expect(text.match(/<script/g)).toHaveLength(2);

    const { page, errors, requests } = await openPage(browser, html);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const data = JSON.parse((await page.textContent('#vigil-details')) ?? '') as { issues: (string | null)[][] };
    expect(data.issues.some((issue) => issue[0] === NAME && issue[1] === `arn:aws:s3:::${NAME}`)).toBe(true);
    await page.click('#hm-controls td[tabindex]');
    expect(await page.textContent('#detail table.issues tbody tr strong')).toBe(NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
