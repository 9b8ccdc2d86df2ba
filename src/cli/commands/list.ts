/** `vigil insights list` and `vigil packs list`. */
import type { ListOptions } from '../options/list.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { styleSeverity } from '../../output/colour.js';
import { renderTable } from '../../output/terminal-table.js';
import { terminalOf } from '../../output/terminal.js';

export async function insightsListCommand(options: ListOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareScan({ ...(options.config !== undefined && { configFile: options.config }), insightDirs: options.insights, now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const { insights, packs } = prepared.value;
  const rows = [...insights.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((insight) => ({
      id: insight.id,
      title: insight.title,
      severity: insight.severity,
      resourceType: insight.resourceType,
      origin: insight.origin,
      controls: packs.flatMap((pack) =>
        pack.controls.filter((control) => control.insights.includes(insight.id)).map((control) => ({ pack: pack.id, control: control.id })),
      ),
    }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  const terminal = terminalOf(io.stdout);
  const c = terminal.colours;
  io.stdout.write(`${c.bold(`Insights (${rows.length})`)}\n`);
  io.stdout.write(
    renderTable(
      [{ header: 'ID', max: 40 }, { header: 'SEVERITY' }, { header: 'RESOURCE TYPE' }, { header: 'TITLE', max: 60 }, { header: 'USED BY', flex: true }],
      rows.map((row) => [
        row.id,
        styleSeverity(c, row.severity),
        row.resourceType,
        row.title,
        row.controls.map((control) => `${control.pack}:${control.control}`).join(' ') || '(no pack)',
      ]),
      terminal,
    ),
  );
  return ExitCode.ok;
}

export async function packsListCommand(options: ListOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareScan({ ...(options.config !== undefined && { configFile: options.config }), insightDirs: options.insights, now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const rows = prepared.value.packs.map((pack) => {
    const automated = pack.controls.filter((control) => control.insights.length > 0).length;
    return {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      file: pack.file,
      controls: pack.controls.length,
      automated,
      manual: pack.controls.length - automated,
      insights: [...new Set(pack.controls.flatMap((control) => control.insights))].sort(),
    };
  });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  const terminal = terminalOf(io.stdout);
  io.stdout.write(`${terminal.colours.bold(`Compliance packs (${rows.length})`)}\n`);
  io.stdout.write(
    renderTable(
      [
        { header: 'ID' },
        { header: 'VERSION' },
        { header: 'CONTROLS', align: 'right' },
        { header: 'AUTOMATED', align: 'right' },
        { header: 'MANUAL', align: 'right' },
        { header: 'INSIGHTS', align: 'right' },
        { header: 'NAME', flex: true },
      ],
      rows.map((row) => [row.id, row.version, String(row.controls), String(row.automated), String(row.manual), String(row.insights.length), row.name]),
      terminal,
    ),
  );
  return ExitCode.ok;
}
