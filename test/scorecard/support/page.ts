/** Opens a scorecard file in Chromium, recording every request the page makes and every script error. */
import type { Page } from 'playwright-core';
import type { Browser } from './browser.js';

export interface OpenedPage {
  readonly page: Page;
  /** URLs requested besides the file itself. */
  readonly requests: string[];
  readonly errors: string[];
}

export async function openPage(browser: Browser, file: string): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const url = `file://${file}`;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}
