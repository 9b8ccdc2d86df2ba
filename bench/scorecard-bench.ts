/**
 * `npm run bench:scorecard [-- --accounts 200 --controls 300]`: the size of the scorecard of a
 * synthetic organisation and the time headless Chromium takes to load it, as one JSON line.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aggregate } from '../scorecard/aggregate.js';
import { renderScorecardHtml } from '../scorecard/html/scorecard-page.js';
import { syntheticScorecardInput } from '../scorecard/synthetic-input.js';
import { launchBrowser } from '../test/scorecard/support/browser.js';

const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '200' }, controls: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } },
});
const accounts = Number(values.accounts);
const controls = Number(values.controls);

const t0 = performance.now();
const input = syntheticScorecardInput({ accounts, controls, seed: 7 });
const card = aggregate(input, { generatedAt: new Date('2026-11-20T07:00:00.000Z'), tenant: null });
const t1 = performance.now();
const html = renderScorecardHtml(card);
const t2 = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'vigil-scorecard-bench-'));
const file = join(dir, 'scorecard.html');
writeFileSync(file, html);
const bytes = statSync(file).size;

const browser = await launchBrowser();
const loads: number[] = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const page = await browser.context.newPage();
    const started = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    loads.push((performance.now() - started) / 1000);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
loads.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    accounts,
    controls,
    insights: card.insights.length,
    cells: card.controls.length * accounts + card.insights.length * accounts,
    issues: card.issues.length,
    bytes,
    megabytes: Math.round((bytes / 1_048_576) * 100) / 100,
    aggregateSeconds: Math.round(t1 - t0) / 1000,
    renderSeconds: Math.round(t2 - t1) / 1000,
    loadSecondsMedian: Math.round(loads[Math.floor(loads.length / 2)]! * 1000) / 1000,
    loadSecondsMax: Math.round(loads[loads.length - 1]! * 1000) / 1000,
  }),
);
