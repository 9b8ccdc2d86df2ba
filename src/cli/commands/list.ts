/** `vigil insights list` and `vigil packs list`. */
import type { ListOptions } from '../options/list.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';

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
  for (const row of rows) {
    const controls = row.controls.map((c) => `${c.pack}:${c.control}`).join(' ');
    io.stdout.write(`${row.id.padEnd(36)} ${row.severity.padEnd(9)} ${row.resourceType.padEnd(34)} ${row.title}\n`);
    io.stdout.write(`${''.padEnd(36)} used by: ${controls === '' ? '(no pack)' : controls}\n`);
  }
  io.stdout.write(`${rows.length} insights\n`);
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
  for (const row of rows) {
    io.stdout.write(
      `${row.id.padEnd(12)} ${row.version.padEnd(8)} ${String(row.controls).padStart(4)} controls (${row.automated} automated, ${row.manual} manual), ${row.insights.length} insights  ${row.name}\n`,
    );
  }
  return ExitCode.ok;
}
