/**
 * `report daily --send`: the report as one e-mail to `report.daily.to` (and `cc`) — HTML (styles
 * inlined by juice), text, the findings it names as CSV, the organisation's scorecard attached —
 * queued in the outbox (once per day and recipients) and delivered through the configured e-mail
 * transport (SMTP or SES).
 */
import { stringify } from 'csv-stringify/sync';
import juice from 'juice';
import { inputFromStore } from '../../scorecard/input-from-store.js';
import { renderScorecardHtml } from '../../scorecard/html/scorecard-page.js';
import type { DailyReport, ReportFinding } from '../../scorecard/report/daily-report.js';
import { renderReportHtml } from '../../scorecard/report/report-page.js';
import { renderReportText, reportSubject } from '../../scorecard/report/report-text.js';
import { storeHistory } from '../../scorecard/store-history.js';
import type { EmailMessage } from '../notify/email-digest.js';
import { deliverOutbox, type DeliveryReport } from '../notify/deliver-outbox.js';
import { queueDailyReport, reportDay } from '../notify/queue-daily-report.js';
import type { Transport } from '../notify/transport.js';
import type { Store } from '../store/store.js';
import type { PreparedScan } from './prepare-scan.js';
import { scorecardOf } from './write-scorecards.js';

export type SentReport =
  | { readonly ok: true; readonly queued: boolean; readonly delivery: DeliveryReport; readonly to: readonly string[] }
  | { readonly ok: false; readonly message: string };

function reportCsv(report: DailyReport): string {
  const row = (change: string, f: ReportFinding, fixedBy: string) => [change, f.severity, f.title, f.resource, f.arn, f.account, f.owner, f.since, fixedBy];
  return stringify(
    [
      ...report.newFailures.map((f) => row('new', f, '')),
      ...report.regressions.map((f) => row('regressed', f, '')),
      ...report.resolved.map((f) => row('resolved', f, f.fixedBy)),
    ],
    { header: true, columns: ['change', 'severity', 'title', 'resource', 'arn', 'account', 'owner', 'since', 'fixedBy'] },
  );
}

export async function sendDailyReport(options: {
  readonly store: Store;
  readonly prepared: PreparedScan;
  readonly report: DailyReport;
  readonly transport: Transport;
  readonly now: () => Date;
}): Promise<SentReport> {
  const daily = options.prepared.config?.config.report?.daily;
  if (daily === undefined) return { ok: false, message: 'report.daily.to in vigil.yaml names no recipients (give --config with report: { daily: { to } })' };
  const attachments = [{ filename: 'findings.csv', contentType: 'text/csv', content: reportCsv(options.report) }];
  const input = await inputFromStore(options.store, { packs: options.prepared.packs, accounts: options.prepared.accounts });
  if (input.ok) {
    const scorecard = await scorecardOf(input.input, { generatedAt: options.now(), tenant: null, history: storeHistory(options.store) });
    attachments.push({ filename: 'scorecard.html', contentType: 'text/html', content: renderScorecardHtml(scorecard) });
  }
  const message: EmailMessage = {
    to: daily.to,
    ...(daily.cc !== undefined && { cc: daily.cc }),
    subject: reportSubject(options.report),
    html: juice(renderReportHtml(options.report)),
    text: renderReportText(options.report),
    attachments,
  };
  const now = options.now();
  const queued = await queueDailyReport(options.store, message, { day: reportDay(now, daily.timeZone), now });
  const delivery = await deliverOutbox(options.store, { email: options.transport }, { now: options.now });
  return { ok: true, queued: queued.created, delivery, to: [...daily.to, ...(daily.cc ?? [])] };
}
