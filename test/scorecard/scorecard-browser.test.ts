/**
 * The demo organisation's scorecard in headless Chromium: what the DOM shows is checked against
 * the findings themselves (every verdict, `--all`), not against the aggregation that made it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../scorecard/aggregate.js';
import { bandOf, percent } from '../../scorecard/html/colour-scale.js';
import { renderScorecardHtml } from '../../scorecard/html/scorecard-page.js';
import type { ScorecardOutput } from '../../scorecard/scorecard-schema.js';
import { packageRoot } from '../../src/package-root.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { demoScorecard, type DemoScorecard } from './support/demo-scorecard.js';
import { openPage, type OpenedPage } from './support/page.js';

export const ARTIFACTS = join(packageRoot(), 'test-artifacts', 'scorecard');

let demo: DemoScorecard;
let browser: Browser;
let card: ScorecardOutput;
let opened: OpenedPage;
let page: Page;
beforeAll(async () => {
  demo = await demoScorecard();
  card = aggregate(demo.fromScan, { generatedAt: new Date('2026-11-20T07:00:00.000Z'), tenant: null });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'demo-scorecard.html');
  writeFileSync(file, renderScorecardHtml(card));
  browser = await launchBrowser();
  opened = await openPage(browser, file);
  page = opened.page;
});
afterAll(async () => {
  await browser.close();
  demo.dispose();
});

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The verdicts of the findings file for one account under one control. */
function verdicts(account: string, pack: string, control: string) {
  const mine = demo.output.findings.filter((f) => f.resource.accountId === account && f.controls.some((r) => r.pack === pack && r.control === control));
  const count = (status: string) => mine.filter((f) => f.status === status).length;
  return { pass: count('pass'), fail: count('fail'), error: count('error'), applicable: mine.length - count('not-applicable') };
}

describe('the scorecard in Chromium', () => {
  it('loads without a request or a script error, and keeps a screenshot', async () => {
    expect(opened.requests).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'demo-scorecard.png'), fullPage: true });
  });

  it('shows every cell with its failing count and the colour of its score, from the findings', async () => {
    const rows = await page.$$eval('#hm-controls tbody tr[data-row]', (trs) =>
      trs.map((tr) => ({
        row: Number((tr as HTMLElement).dataset['row']),
        cells: Array.from((tr as HTMLTableRowElement).cells)
          .slice(1, -1)
          .map((td) => ({ text: td.firstChild?.textContent ?? '', cls: td.className, background: getComputedStyle(td).backgroundColor })),
      })),
    );
    expect(rows).toHaveLength(card.controls.length);
    const accounts = await page.$$eval('#hm-controls thead th[data-col]', (ths) => ths.map((th) => th.getAttribute('title')));
    expect(accounts).toHaveLength(demo.output.scan.accounts.length);
    let hatched = 0;
    for (const { row, cells } of rows) {
      const control = card.controls[row]!;
      expect(cells).toHaveLength(accounts.length);
      cells.forEach((cell, col) => {
        if (control.manual !== undefined) return expect(cell.text).toBe('M');
        const v = verdicts(accounts[col]!, control.pack, control.id);
        if (v.applicable === 0) return expect(cell.text).toBe('–');
        expect(cell.text).toBe(String(v.fail));
        const score = v.pass + v.fail === 0 ? null : v.pass / (v.pass + v.fail);
        expect(cell.background).toBe(rgb(bandOf(score).background));
        if (v.error > 0) {
          expect(cell.cls.split(' ')).toContain('x');
          hatched++;
        }
      });
    }
    expect(hatched).toBeGreaterThan(0);
  });

  it('totals each account over its evaluations', async () => {
    const totals = await page.$$eval('#hm-controls tfoot td:not([data-total])', (tds) => tds.map((td) => td.firstChild?.textContent ?? ''));
    const accounts = await page.$$eval('#hm-controls thead th[data-col]', (ths) => ths.map((th) => th.getAttribute('title')!));
    totals.forEach((text, col) => {
      const mine = demo.output.findings.filter((f) => f.resource.accountId === accounts[col]);
      const pass = mine.filter((f) => f.status === 'pass').length;
      const fail = mine.filter((f) => f.status === 'fail').length;
      expect(text).toBe(`${percent(pass + fail === 0 ? null : Math.round((pass / (pass + fail)) * 10_000) / 10_000)} · ${fail}`);
    });
  });

  it("opens a cell's failing resources on click", async () => {
    const target = card.controls.findIndex((c) => c.fail >= 2);
    const control = card.controls[target]!;
    const col = control.cells.findIndex((cell) => cell.fail >= 1);
    const account = card.accounts[col]!.id;
    await page.click(`#hm-controls tr[data-row="${target}"] td:nth-child(${col + 2})`);
    const names = await page.$$eval('#detail table.issues tbody tr strong', (els) => els.map((el) => el.textContent));
    const expected = demo.output.findings
      .filter((f) => f.status !== 'pass' && f.status !== 'not-applicable')
      .filter((f) => f.resource.accountId === account && f.controls.some((r) => r.pack === control.pack && r.control === control.id))
      .map((f) => f.resource.name);
    expect(names.sort()).toEqual(expected.sort());
    expect(await page.isVisible('#detail')).toBe(true);
    expect(await page.textContent('#detail h2')).toContain(control.id);
  });

  it('filters by pack, severity and environment, and sorts by worst', async () => {
    const visible = (selector: string) => page.$$eval(selector, (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    await page.selectOption('#f-pack', 'bank-saas');
    expect(await visible('#hm-controls tbody tr[data-row]')).toBe(card.controls.filter((c) => c.pack === 'bank-saas').length);
    await page.selectOption('#f-pack', '');

    await page.selectOption('#f-sev', 'critical');
    const sevs = await page.$$eval('#hm-controls tbody tr[data-row]', (trs) =>
      trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).map((tr) => (tr as HTMLElement).dataset['sev']),
    );
    expect(sevs.length).toBe(card.controls.filter((c) => c.severity === 'critical').length);
    expect(new Set(sevs)).toEqual(new Set(['critical']));
    await page.selectOption('#f-sev', '');

    await page.selectOption('#f-env', 'production');
    const production = card.accounts.filter((a) => a.group === 'production').length;
    expect(await visible('#hm-controls thead th[data-col]')).toBe(production);
    const firstRowCells = await page.$$eval(
      '#hm-controls tbody tr[data-row] ',
      (trs) => Array.from((trs[0] as HTMLTableRowElement).cells).filter((td) => td.tagName === 'TD' && !td.hidden).length,
    );
    expect(firstRowCells).toBe(production + 1);
    await page.selectOption('#f-env', '');

    await page.click('#sort');
    const scores = await page.$$eval('#hm-controls tbody[data-pack="cis-aws"] tr[data-row]', (trs) =>
      trs
        .map((tr) => (tr as HTMLElement).dataset['score'])
        .filter((s) => s !== undefined)
        .map(Number),
    );
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.click('#sort');
    const order = await page.$$eval('#hm-controls tbody[data-pack="cis-aws"] tr[data-row]', (trs) =>
      trs.map((tr) => Number((tr as HTMLElement).dataset['row'])),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints landscape with the tools hidden and no cell cut across pages or margins', async () => {
    await page.emulateMedia({ media: 'print' });
    // A4 landscape less 10 mm margins, at 96 px per inch.
    const widthPx = Math.floor(((297 - 20) / 25.4) * 96);
    await page.setViewportSize({ width: widthPx, height: 700 });
    expect(await page.isVisible('#tools')).toBe(false);
    const layout = await page.$$eval('table.hm', (tables) =>
      tables.map((table) => {
        const row = table.querySelector('tbody tr');
        const head = table.querySelector('thead');
        return {
          width: table.getBoundingClientRect().right,
          rowBreak: row === null ? '' : getComputedStyle(row).breakInside,
          headRepeats: head === null ? '' : getComputedStyle(head).display,
        };
      }),
    );
    for (const table of layout) {
      expect(table.width).toBeLessThanOrEqual(widthPx);
      expect(table.rowBreak).toBe('avoid');
      expect(table.headRepeats).toBe('table-header-group');
    }
    await page.pdf({ path: join(ARTIFACTS, 'demo-scorecard.pdf'), landscape: true, format: 'A4', printBackground: true });
    await page.screenshot({ path: join(ARTIFACTS, 'demo-scorecard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
