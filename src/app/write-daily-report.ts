/** Gathers the daily report from the store and writes `report.html` and `report.txt` into a folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDailyReport, type DailyReport } from '../../scorecard/report/daily-report.js';
import { renderReportHtml } from '../../scorecard/report/report-page.js';
import { renderReportText } from '../../scorecard/report/report-text.js';
import type { CoverageEntry } from '../snapshot/coverage.js';
import type { Store } from '../store/store.js';
import type { PreparedScan } from './prepare-scan.js';

export type WrittenReport = { ok: true; report: DailyReport; files: readonly string[] } | { ok: false; message: string };

export async function writeDailyReport(options: {
  readonly store: Store;
  readonly prepared: PreparedScan;
  readonly outDir: string;
  readonly windowStart: string;
  readonly now: Date;
  readonly coverage?: readonly CoverageEntry[];
}): Promise<WrittenReport> {
  const { prepared } = options;
  const daily = prepared.config?.config.report?.daily;
  const built = await buildDailyReport({
    store: options.store,
    accounts: prepared.config?.config.accounts ?? [],
    packNames: new Map(prepared.packs.map((pack) => [pack.id, pack.name])),
    exemptions: prepared.exemptions,
    ...(options.coverage !== undefined && { coverage: options.coverage }),
    recipients: { to: daily?.to ?? [], cc: daily?.cc ?? [] },
    windowStart: options.windowStart,
    now: options.now,
  });
  if (!built.ok) return built;
  await mkdir(options.outDir, { recursive: true });
  const files = [join(options.outDir, 'report.html'), join(options.outDir, 'report.txt')];
  await writeFile(files[0]!, renderReportHtml(built.report));
  await writeFile(files[1]!, renderReportText(built.report));
  return { ok: true, report: built.report, files };
}
