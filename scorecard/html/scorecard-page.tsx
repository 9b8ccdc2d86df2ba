/**
 * The scorecard page: one self-contained HTML file (inline CSS, SVG and script, no request of
 * any kind), rendered with Preact to a string, so every value from AWS is escaped by construction.
 */
import { renderToString } from 'preact-render-to-string';
import { severities } from '../../src/model/severity.js';
import type { ScorecardOutput } from '../scorecard-schema.js';
import { cellDetails } from './cell-details.js';
import { scorecardClient } from './client-script.js';
import { bands, noScore, percent } from './colour-scale.js';
import { jsonForScript } from './embedded-json.js';
import { HeatMap, type HeatBody, type HeatRow } from './heat-map.js';
import { stylesheet } from './styles.js';
import { TrendLine } from './trend-line.js';

export function renderScorecardHtml(output: ScorecardOutput): string {
  return `<!doctype html>${renderToString(<ScorecardPage output={output} />)}`;
}

function ScorecardPage({ output }: { output: ScorecardOutput }) {
  const details = cellDetails(output);
  const scope = output.tenant === null ? 'all accounts' : output.tenant;
  const environments = [...new Set(output.accounts.map((account) => account.group))];
  const withDetails = (cells: Readonly<Record<string, readonly number[]>>, row: number) =>
    new Set(output.accounts.map((_, col) => col).filter((col) => (cells[`${row}:${col}`]?.length ?? 0) > 0));

  const controlBodies: HeatBody[] = output.packs.map((pack) => {
    const rows: (HeatRow | { section: string })[] = [];
    let section: string | undefined;
    output.controls.forEach((control, index) => {
      if (control.pack !== pack.id) return;
      if (control.section !== undefined && control.section !== section) rows.push({ section: control.section });
      section = control.section;
      rows.push({
        index,
        header: (
          <>
            <b>{control.id}</b> {control.title}
          </>
        ),
        severity: control.severity,
        manual: control.manual !== undefined,
        score: control.score,
        fail: control.fail,
        total: { account: '', ...control },
        cells: control.cells,
        withDetails: withDetails(details.controls, index),
      });
    });
    return { pack: { id: pack.id, name: `${pack.name} ${pack.version}` }, rows };
  });
  const insightBody: HeatBody = {
    rows: output.insights.map((insight, index) => ({
      index,
      header: (
        <>
          <b>{insight.id}</b> {insight.title}
        </>
      ),
      severity: insight.severity,
      manual: false,
      score: insight.score,
      fail: insight.fail,
      total: { account: '', ...insight },
      cells: insight.cells,
      withDetails: withDetails(details.insights, index),
    })),
  };

  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Compliance scorecard — ${scope}`}</title>
        <style dangerouslySetInnerHTML={{ __html: stylesheet }} />
      </head>
      <body>
        <header>
          <h1>Compliance scorecard — {scope}</h1>
          <p class="meta">
            Inventory collected {output.scan.collectedAt} · generated {output.scan.generatedAt} · {output.accounts.length}{' '}
            {output.accounts.length === 1 ? 'account' : 'accounts'} · scan {output.scan.id}
          </p>
        </header>
        <section class="packs" aria-label="Scores per pack">
          {output.packs.map((pack) => (
            <article class="pack" data-pack={pack.id}>
              <h3>
                {pack.name} {pack.version}
              </h3>
              <div>
                <span class="score">{percent(pack.score)}</span>
                <Change change={pack.change} />
              </div>
              <dl>
                <dt>Coverage</dt>
                <dd>{percent(pack.coverage)}</dd>
                <dt>Passing</dt>
                <dd>{pack.pass}</dd>
                <dt>Failing</dt>
                <dd>{pack.fail}</dd>
                <dt>Not evaluated (error)</dt>
                <dd>{pack.error}</dd>
                <dt>Exempt</dt>
                <dd>{pack.exempt}</dd>
                <dt>Manual controls</dt>
                <dd>{pack.manualControls}</dd>
              </dl>
              <TrendLine points={pack.trend} />
            </article>
          ))}
        </section>
        <p class="meta">
          Score = passing ÷ (passing + failing) over applicable evaluations; exempt and manual are counted apart. Coverage = evaluated without error ÷
          applicable. A resource that could not be read is never counted as passing.
        </p>

        <div id="tools" hidden>
          <label>
            Pack{' '}
            <select id="f-pack">
              <option value="">all</option>
              {output.packs.map((pack) => (
                <option value={pack.id}>{pack.name}</option>
              ))}
            </select>
          </label>
          <label>
            Severity{' '}
            <select id="f-sev">
              <option value="">all</option>
              {severities.map((severity) => (
                <option value={severity}>{severity} and above</option>
              ))}
            </select>
          </label>
          <label>
            Environment{' '}
            <select id="f-env">
              <option value="">all</option>
              {environments.map((environment) => (
                <option value={environment}>{environment}</option>
              ))}
            </select>
          </label>
          <button type="button" id="sort" aria-pressed="false">
            Sort by worst
          </button>
        </div>

        <h2>Controls × accounts</h2>
        <Legend />
        <HeatMap
          kind="controls"
          caption="Each cell: the number of failing resources, coloured by score (the share passing, in the cell's title; a 0 without hatching is 100 %). Select a cell to see its resources."
          rowHeading="Control"
          accounts={output.accounts}
          bodies={controlBodies}
        />
        <section id="detail" aria-live="polite" hidden />

        {/* Closed at load: the browser lays out its cells only when it is opened (or printed). */}
        <details class="later" id="by-insight">
          <summary>
            <h2>By insight</h2>
          </summary>
          <HeatMap kind="insights" caption="Each insight on each account." rowHeading="Insight" accounts={output.accounts} bodies={[insightBody]} />
        </details>

        <CoverageGaps output={output} />
        <script type="application/json" id="vigil-details" dangerouslySetInnerHTML={{ __html: jsonForScript(details) }} />
        <script dangerouslySetInnerHTML={{ __html: `(${scorecardClient.toString()})();` }} />
      </body>
    </html>
  );
}

function Change({ change }: { change: number | null }) {
  if (change === null) return null;
  const points = Math.round(change * 1000) / 10;
  const text = points === 0 ? 'no change since yesterday' : `${points > 0 ? '▲ +' : '▼ '}${points} pts since yesterday`;
  return <span class={`change ${points > 0 ? 'up' : points < 0 ? 'down' : ''}`}>{text}</span>;
}

function Legend() {
  return (
    <ul class="legend" aria-label="Legend">
      {[...bands].reverse().map((band) => (
        <li>
          <span class={`key ${band.className}`} />
          {band.label}
        </li>
      ))}
      <li>
        <span class={`key ${noScore.className}`} />
        {noScore.label}
      </li>
      <li>
        <span class="key x" />
        hatched: some checks could not be evaluated
      </li>
      <li>M: manual control · –: not applicable</li>
    </ul>
  );
}

function CoverageGaps({ output }: { output: ScorecardOutput }) {
  if (output.coverageGaps.length === 0) return null;
  const name = new Map(output.accounts.map((account) => [account.id, account.name]));
  return (
    <section class="gaps">
      <h2>Coverage gaps</h2>
      <table class="issues">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Region</th>
            <th scope="col">Operation</th>
            <th scope="col">Error</th>
            <th scope="col">Times</th>
          </tr>
        </thead>
        <tbody>
          {output.coverageGaps.map((gap) => (
            <tr>
              <td>
                {name.get(gap.accountId) ?? gap.accountId} ({gap.accountId})
              </td>
              <td>{gap.region}</td>
              <td>
                {gap.service}:{gap.operation}
              </td>
              <td>
                {gap.error.code}: {gap.error.message}
              </td>
              <td>{gap.count ?? 1}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
