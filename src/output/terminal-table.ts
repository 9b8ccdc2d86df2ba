/**
 * The one way Vigil lays out a table for people (cli-table3): a header row, columns separated by
 * two spaces, no borders. Given the terminal's width, the flexible column (a reason, a title) gets
 * what the others leave and wraps on word boundaries; the columns with a maximum are cut with `…`
 * there, and further (widest first) when the terminal is too narrow for them and the flexible column. Without a width (a file, a pipe) nothing wraps.
 * Cells may hold colour: widths are measured without the escape codes.
 */
import Table from 'cli-table3';
import type { Colours } from './colour.js';

export interface TableColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** At most this many characters; longer values are cut with `…`. */
  readonly max?: number;
  /** Takes the room the other columns leave on the terminal, and wraps. At most one column. */
  readonly flex?: boolean;
}

/** The flexible column never gets less than this, however narrow the terminal. */
const MIN_FLEX = 20;
/** A column with a maximum is cut down to this when the terminal is narrow. */
const MIN_CUT = 8;
const GAP = 2;
const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(ANSI, '').length;

export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: { readonly width?: number | undefined; readonly colours: Colours },
): string {
  const natural = columns.map((column, index) => {
    const longest = Math.max(visibleLength(column.header), ...rows.map((row) => visibleLength(row[index] ?? '')));
    return column.max === undefined ? longest : Math.min(longest, Math.max(column.max, visibleLength(column.header)));
  });
  const flex = columns.findIndex((column) => column.flex === true);
  const widths = [...natural];
  if (flex >= 0 && options.width !== undefined) {
    widths[flex] = Math.min(natural[flex]!, MIN_FLEX);
    // Still too wide: the columns with a maximum give way, the widest first, down to MIN_CUT each.
    let over = widths.reduce((sum, width) => sum + width, 0) + GAP * (columns.length - 1) - options.width;
    while (over > 0) {
      const widest = widths.reduce<number>(
        (best, width, index) => (columns[index]!.max !== undefined && width > MIN_CUT && (best < 0 || width > widths[best]!) ? index : best),
        -1,
      );
      if (widest < 0) break;
      widths[widest]!--;
      over--;
    }
    // What is left goes to the flexible column (none is taken from it below MIN_FLEX).
    widths[flex] = Math.min(natural[flex]!, widths[flex] - Math.min(over, 0));
  }
  const wrap = flex >= 0 && options.width !== undefined;
  const table = new Table({
    head: columns.map((column) => options.colours.bold(column.header)),
    chars: NO_BORDERS,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
    colWidths: widths,
    colAligns: columns.map((column) => column.align ?? 'left'),
    wordWrap: wrap,
    wrapOnWordBoundary: true,
  });
  for (const row of rows) {
    // Only the flexible column wraps: every other cell is one line, cut at its width.
    table.push(columns.map((_, index) => (wrap && index !== flex ? { content: row[index] ?? '', wordWrap: false } : (row[index] ?? ''))));
  }
  // The last column's padding is trailing blanks.
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}
