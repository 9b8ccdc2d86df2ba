/** The daily report as one HTML page (the e-mail's HTML part and `report.html`), rendered with Preact. */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { percent } from '../html/colour-scale.js';
import type { DailyReport, ReportFinding, ReportScore } from './daily-report.js';
import { changeText, reportSubject } from './report-text.js';

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;margin:16px 24px;font-size:14px;max-width:1000px}
h1{font-size:20px}h2{font-size:16px;margin-top:22px;border-bottom:1px solid #ccc;padding-bottom:2px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e5e5e5;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}.up{color:#2c7bb6}.down{color:#b2182b}.meta{color:#555}.none{color:#555;font-style:italic}
@media print{@page{size:portrait;margin:12mm}tr{break-inside:avoid}}`;

export function renderReportHtml(report: DailyReport): string {
  return `<!doctype html>${renderToString(<ReportPage report={report} />)}`;
}

function ReportPage({ report }: { report: DailyReport }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{reportSubject(report)}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <h1>{reportSubject(report)}</h1>
        <p class="meta">
          Latest scan {report.scan.id} (inventory of {report.scan.observedAt}, {report.scan.status}); changes since{' '}
          {report.scan.comparedWith ?? 'no earlier scan'}.
        </p>
        <Scores title="Scores per pack" rows={report.packs} heading="Pack" />
        <Scores title="Scores per environment" rows={report.environments} heading="Environment" />
        <Findings title="New critical and high failures" rows={report.newFailures} last="Owner" value={(f) => f.owner} />
        <Findings title="Regressions" rows={report.regressions} last="Owner" value={(f) => f.owner} />
        <Findings title="Resolved" rows={report.resolved} last="Fixed by" value={(f) => f.fixedBy} />
        <h2>Bot activity (last 24 hours)</h2>
        <p>
          Actions taken: {report.bots.actions.length} · dry-run plans waiting: {report.bots.plansWaiting.length} · circuit breakers tripped:{' '}
          {report.bots.breakersTripped} · failures: {report.bots.failures}
        </p>
        {report.bots.actions.length > 0 && (
          <Table head={['When', 'Bot', 'Action', 'Resource', 'Mode']}>
            {report.bots.actions.map((a) => (
              <tr>
                <td>{a.at}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
                <td>{a.resource}</td>
                <td>{a.mode}</td>
              </tr>
            ))}
          </Table>
        )}
        <Section title="Exemptions expiring in the next 7 days" count={report.exemptionsExpiring.length}>
          <Table head={['Insight', 'Reason', 'Approved by', 'Expires']}>
            {report.exemptionsExpiring.map((e) => (
              <tr>
                <td>{e.insight}</td>
                <td>{e.reason}</td>
                <td>{e.approvedBy}</td>
                <td>{e.expires}</td>
              </tr>
            ))}
          </Table>
        </Section>
        <Section title="Coverage gaps" count={report.coverageGaps.length}>
          <Table head={['Account', 'What could not be scanned']}>
            {report.coverageGaps.map((g) => (
              <tr>
                <td>{g.account}</td>
                <td>{g.what}</td>
              </tr>
            ))}
          </Table>
        </Section>
        <Section title="Notifications not delivered" count={report.undelivered.length}>
          <Table head={['Channel', 'Error', 'Attempts']}>
            {report.undelivered.map((n) => (
              <tr>
                <td>{n.channel}</td>
                <td>{n.error}</td>
                <td class="n">{n.attempts}</td>
              </tr>
            ))}
          </Table>
        </Section>
      </body>
    </html>
  );
}

function Scores({ title, rows, heading }: { title: string; rows: readonly ReportScore[]; heading: string }) {
  return (
    <>
      <h2>{title}</h2>
      <Table head={[heading, 'Score', 'Since yesterday']}>
        {rows.map((row) => (
          <tr>
            <td>{row.name}</td>
            <td class="n">{percent(row.score)}</td>
            <td class={`n ${row.change === null || row.change === 0 ? '' : row.change > 0 ? 'up' : 'down'}`}>{changeText(row.change)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Findings<T extends ReportFinding>({ title, rows, last, value }: { title: string; rows: readonly T[]; last: string; value: (row: T) => string }) {
  return (
    <Section title={title} count={rows.length}>
      <Table head={['Severity', 'Finding', 'Resource', 'Account', last]}>
        {rows.map((f) => (
          <tr>
            <td>{f.severity}</td>
            <td>{f.title}</td>
            <td>
              {f.resource}
              <br />
              <small class="meta">{f.arn}</small>
            </td>
            <td>{f.account}</td>
            <td>{value(f)}</td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ComponentChildren }) {
  return (
    <>
      <h2>
        {title} ({count})
      </h2>
      {count === 0 ? <p class="none">None.</p> : children}
    </>
  );
}

function Table({ head, children }: { head: readonly string[]; children: ComponentChildren }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
