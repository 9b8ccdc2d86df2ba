/// <reference lib="dom" />
/**
 * The page's few lines of script, written as a type-checked function and inlined as its source:
 * a click on a cell shows its failing resources (built with DOM text nodes from the embedded JSON,
 * never as markup), filters by pack, severity and environment, and sort by worst. The page reads
 * without it: the heat map, totals and scores are all in the markup.
 */
export function scorecardClient(): void {
  const dataElement = document.getElementById('vigil-details');
  const detail = document.getElementById('detail');
  const tools = document.getElementById('tools');
  if (dataElement === null || detail === null || tools === null) return;
  // The cells' details are read when a cell is first opened, not while the page loads.
  let parsed:
    | {
        fields: string[];
        values: (string | null)[];
        issues: (string | number)[][];
        controls: Record<string, number[]>;
        insights: Record<string, number[]>;
      }
    | undefined;
  const details = () => (parsed ??= JSON.parse(dataElement.textContent ?? '{}') as NonNullable<typeof parsed>);
  tools.hidden = false;
  const field = (name: string) => details().fields.indexOf(name);
  const columns = ['resource', 'region', 'severity', 'status', 'reason', 'owner', 'firstSeen', 'exemption'];
  const headings: Record<string, string> = {
    resource: 'Resource',
    region: 'Region',
    severity: 'Severity',
    status: 'Status',
    reason: 'Reason',
    owner: 'Owner',
    firstSeen: 'First seen',
    exemption: 'Exemption',
  };
  const text = (tag: string, value: string) => {
    const element = document.createElement(tag);
    element.textContent = value;
    return element;
  };

  const show = (table: HTMLTableElement, cell: HTMLTableCellElement) => {
    const row = cell.parentElement as HTMLTableRowElement;
    const col = cell.cellIndex - 1;
    const kind = table.dataset['kind'] === 'insights' ? 'insights' : 'controls';
    const data = details();
    const indexes = data[kind][`${row.dataset['row']}:${col}`] ?? [];
    const account = table.querySelectorAll('thead tr:last-child th[data-col]')[col];
    const rowTitle = row.querySelector('th')?.textContent ?? '';
    detail.replaceChildren(text('h2', `${rowTitle} — ${account?.textContent ?? ''}`));
    if (indexes.length === 0) {
      detail.append(text('p', 'No failing, erroring or exempt resources in this cell.'));
    } else {
      const list = document.createElement('table');
      list.className = 'issues';
      const head = list.createTHead().insertRow();
      for (const column of columns) {
        const th = text('th', headings[column] ?? column);
        th.setAttribute('scope', 'col');
        head.append(th);
      }
      const body = list.createTBody();
      for (const index of indexes) {
        const issue = data.issues[index] ?? [];
        // The first two fields (resource name and ARN) are literal; the others index the shared values.
        const at = (name: string) => {
          const i = field(name);
          const raw = issue[i];
          return i < 2 ? (raw as string | undefined) : data.values[raw as number];
        };
        const tr = body.insertRow();
        for (const column of columns) {
          const value = at(column) ?? '—';
          const td = tr.insertCell();
          if (column === 'resource') {
            td.append(text('strong', value), document.createElement('br'), text('small', at('arn') ?? ''));
          } else td.textContent = value;
        }
      }
      detail.append(list);
    }
    detail.hidden = false;
    detail.scrollIntoView({ block: 'nearest' });
  };

  const tables = Array.from(document.querySelectorAll<HTMLTableElement>('table.hm'));
  for (const table of tables) {
    table.addEventListener('click', (event) => {
      const cell = (event.target as Element).closest('td[tabindex]');
      if (cell instanceof HTMLTableCellElement) show(table, cell);
    });
    table.addEventListener('keydown', (event) => {
      const cell = (event.target as Element).closest('td[tabindex]');
      if (cell instanceof HTMLTableCellElement && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        show(table, cell);
      }
    });
  }

  const ranks: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2, informational: 1 };
  const select = (id: string) => document.getElementById(id) as HTMLSelectElement;
  const apply = () => {
    const pack = select('f-pack').value;
    const severity = select('f-sev').value;
    const environment = select('f-env').value;
    for (const table of tables) {
      for (const body of Array.from(table.tBodies)) body.hidden = pack !== '' && body.dataset['pack'] !== undefined && body.dataset['pack'] !== pack;
      const hiddenColumns = new Set<number>();
      for (const th of Array.from(table.querySelectorAll<HTMLElement>('thead [data-env]'))) {
        const hide = environment !== '' && th.dataset['env'] !== environment;
        th.hidden = hide;
        if (hide && th.dataset['col'] !== undefined) hiddenColumns.add(Number(th.dataset['col']));
      }
      // Fixed layout takes its widths from the columns: a filtered-out account's column goes too.
      const cols = table.querySelectorAll<HTMLElement>('col');
      for (let col = 1; col < cols.length - 1; col++) cols[col]!.hidden = hiddenColumns.has(col - 1);
      table.style.setProperty('--columns', String(cols.length - 2 - hiddenColumns.size));
      for (const row of Array.from(table.rows)) {
        const sev = row.dataset['sev'];
        if (row.dataset['row'] !== undefined) row.hidden = severity !== '' && (ranks[sev ?? ''] ?? 0) < (ranks[severity] ?? 0);
        if (row.parentElement?.tagName === 'THEAD') continue;
        for (const cell of Array.from(row.cells)) {
          if (cell.tagName === 'TD' && !cell.hasAttribute('data-total')) cell.hidden = hiddenColumns.has(cell.cellIndex - 1);
        }
      }
      for (const section of Array.from(table.querySelectorAll<HTMLElement>('tr.sec'))) section.hidden = severity !== '' || table.classList.contains('sorted');
    }
  };
  for (const id of ['f-pack', 'f-sev', 'f-env']) select(id).addEventListener('change', apply);

  const sortButton = document.getElementById('sort') as HTMLButtonElement;
  sortButton.addEventListener('click', () => {
    const worst = sortButton.getAttribute('aria-pressed') !== 'true';
    sortButton.setAttribute('aria-pressed', String(worst));
    sortButton.textContent = worst ? 'Original order' : 'Sort by worst';
    for (const table of tables) {
      table.classList.toggle('sorted', worst);
      for (const body of Array.from(table.tBodies)) {
        // Every row of a body carries its original position (data-pos): section rows go back in place.
        const rows = Array.from(body.rows);
        const score = (row: HTMLTableRowElement) => (row.dataset['score'] === undefined ? 2 : Number(row.dataset['score']));
        const position = (row: HTMLTableRowElement) => Number(row.dataset['pos'] ?? 0);
        rows.sort((a, b) =>
          worst
            ? score(a) - score(b) || Number(b.dataset['fail'] ?? 0) - Number(a.dataset['fail'] ?? 0) || position(a) - position(b)
            : position(a) - position(b),
        );
        for (const row of rows) body.append(row);
      }
    }
    apply();
  });
}
