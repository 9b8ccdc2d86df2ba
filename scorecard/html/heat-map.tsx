/**
 * One heat map table: rows (controls or insights, in bodies per pack with section rows), one
 * column per account grouped by environment, a total column and a total row. Real table markup:
 * header cells with scope, and text for every colour (a visually hidden score in each cell).
 */
import type { ComponentChildren } from 'preact';
import type { ScorecardCell, ScorecardOutput } from '../scorecard-schema.js';
import { bandOf, DEFAULT_BAND, percent } from './colour-scale.js';

type Account = ScorecardOutput['accounts'][number];

export interface HeatRow {
  readonly index: number;
  readonly header: ComponentChildren;
  readonly severity: string | null;
  readonly manual: boolean;
  readonly score: number | null;
  readonly fail: number;
  readonly total: ScorecardCell;
  readonly cells: readonly ScorecardCell[];
  /** Columns whose cell has resources to show. */
  readonly withDetails: ReadonlySet<number>;
}

export interface HeatBody {
  readonly pack?: { readonly id: string; readonly name: string };
  readonly rows: readonly (HeatRow | { readonly section: string })[];
}

export function HeatMap(props: {
  kind: 'controls' | 'insights';
  caption: string;
  rowHeading: string;
  accounts: readonly Account[];
  bodies: readonly HeatBody[];
}) {
  const { accounts } = props;
  const groups: { name: string; span: number }[] = [];
  for (const account of accounts) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.name === account.group) last.span++;
    else groups.push({ name: account.group, span: 1 });
  }
  const width = accounts.length + 2;
  return (
    <div class="wrap">
      {/* Fixed layout: column widths from the colgroup, not from measuring 60,000 cells. */}
      <table class="hm" id={`hm-${props.kind}`} data-kind={props.kind} style={`--columns:${accounts.length}`}>
        <caption class="meta">{props.caption}</caption>
        <colgroup>
          <col class="rh" />
          {accounts.map(() => (
            <col />
          ))}
          <col class="tc" />
        </colgroup>
        <thead>
          <tr>
            <td />
            {groups.map((group) => (
              <th scope="colgroup" colSpan={group.span} data-env={group.name} title={group.name}>
                {group.name}
              </th>
            ))}
            <td />
          </tr>
          <tr>
            <th scope="col">{props.rowHeading}</th>
            {accounts.map((account, index) => (
              <th scope="col" class="acct" data-col={index} data-env={account.group} title={account.id}>
                {account.name}
              </th>
            ))}
            <th scope="col">All accounts</th>
          </tr>
        </thead>
        {props.bodies.map((body) => (
          <tbody data-pack={body.pack?.id}>
            {body.pack !== undefined && (
              <tr data-pos={0}>
                <th scope="rowgroup" colSpan={width} class="pk">
                  {body.pack.name}
                </th>
              </tr>
            )}
            {body.rows.map((row, position) =>
              'section' in row ? (
                <tr class="sec" data-pos={position + 1}>
                  <th scope="rowgroup" colSpan={width}>
                    {row.section}
                  </th>
                </tr>
              ) : (
                <tr
                  data-row={row.index}
                  data-pos={position + 1}
                  data-sev={row.severity ?? undefined}
                  data-score={row.manual || row.score === null ? undefined : row.score}
                  data-fail={row.fail}
                >
                  <th scope="row">{row.header}</th>
                  {row.cells.map((cell, col) => (
                    <Cell cell={cell} details={row.withDetails.has(col)} />
                  ))}
                  <Cell cell={row.total} details={false} total />
                </tr>
              ),
            )}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">All evaluations</th>
            {accounts.map((account) => (
              <Cell cell={{ account: account.id, ...account }} details={false} total />
            ))}
            <td data-total="">{percent(scoreOfAll(accounts))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function scoreOfAll(accounts: readonly Account[]): number | null {
  let pass = 0;
  let fail = 0;
  for (const account of accounts) {
    pass += account.pass;
    fail += account.fail;
  }
  return pass + fail === 0 ? null : Math.round((pass / (pass + fail)) * 10_000) / 10_000;
}

/**
 * A cell: the failing count, coloured by score; a hatch when something could not be evaluated; marks
 * for manual and n/a. What the colour or mark says is the cell's title (a tooltip, and its
 * description to a screen reader): an attribute, where a visually hidden element per cell made a
 * 200 × 300 page lay out 75,000 positioned boxes. The 100 % band is the cells' default colour, so
 * the commonest cell carries no class and no title.
 */
function Cell({ cell, details, total = false }: { cell: ScorecardCell; details: boolean; total?: boolean }) {
  if (cell.status === 'manual') {
    return (
      <td class="m" title="manual control" data-total={total ? '' : undefined}>
        M
      </td>
    );
  }
  if (cell.status === 'not-applicable') {
    return (
      <td class="na" title="not applicable" data-total={total ? '' : undefined}>
        –
      </td>
    );
  }
  const hatch = cell.error > 0 || (cell.coverage !== null && cell.coverage < 1);
  const band = total ? 'tot' : bandOf(cell.score).className;
  const className = `${band === DEFAULT_BAND ? '' : band}${hatch ? (band === DEFAULT_BAND ? 'x' : ' x') : ''}`;
  // A cell with nothing failing, nothing unevaluated and nothing exempt scores 100 %: its "0" says so
  // (as the caption tells), and half the cells of a page carry no title.
  const plain = !total && className === '' && cell.fail === 0 && cell.exempt === 0;
  const spoken = `${percent(cell.score)}${cell.error > 0 ? `, ${cell.error} not evaluated` : ''}${cell.exempt > 0 ? `, ${cell.exempt} exempt` : ''}`;
  return (
    <td
      class={className === '' ? undefined : className}
      title={total ? 'failing' : plain ? undefined : spoken}
      tabIndex={details ? 0 : undefined}
      data-total={total ? '' : undefined}
    >
      {total ? `${percent(cell.score)} · ${cell.fail}` : cell.fail}
    </td>
  );
}
