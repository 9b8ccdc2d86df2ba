/**
 * `vigil packs coverage [--pack ID]`: how much of each framework Vigil decides by itself — per
 * control automated, partly automated (insights plus what they leave unchecked) or manual.
 */
import type { PacksCoverageOptions } from '../options/packs-coverage.js';
import { prepareScan } from '../../app/prepare-scan.js';
import type { ResolvedControl, ResolvedPack } from '../../packs/load-packs.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { renderTable } from '../../output/terminal-table.js';
import { terminalOf } from '../../output/terminal.js';

export type Automation = 'automated' | 'partly' | 'manual';

export interface PackCoverage {
  id: string;
  name: string;
  version: string;
  controls: { id: string; title: string; automation: Automation; insights: string[]; note?: string }[];
  automated: number;
  partly: number;
  manual: number;
  /** Automated controls / all controls (partly automated ones count as not automated). */
  automatedPercent: number;
  /** (Automated + partly automated) / all controls. */
  atLeastPartlyPercent: number;
}

export function automationOf(control: ResolvedControl): Automation {
  if (control.insights.length === 0) return 'manual';
  return control.partial === undefined ? 'automated' : 'partly';
}

export function packCoverage(pack: ResolvedPack): PackCoverage {
  const controls = pack.controls.map((control) => {
    const automation = automationOf(control);
    const note = control.partial ?? control.manual;
    return { id: control.id, title: control.title, automation, insights: [...control.insights], ...(note !== undefined && { note }) };
  });
  const count = (a: Automation) => controls.filter((c) => c.automation === a).length;
  const percent = (n: number) => (controls.length === 0 ? 0 : Math.round((n / controls.length) * 1000) / 10);
  const automated = count('automated');
  const partly = count('partly');
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    controls,
    automated,
    partly,
    manual: count('manual'),
    automatedPercent: percent(automated),
    atLeastPartlyPercent: percent(automated + partly),
  };
}

export async function packsCoverageCommand(options: PacksCoverageOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareScan({ ...(options.config !== undefined && { configFile: options.config }), insightDirs: options.insights, now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const unknown = options.pack.filter((id) => !prepared.value.packs.some((p) => p.id === id));
  if (unknown.length > 0) {
    reportProblems(
      io,
      [],
      unknown.map((id) => `unknown pack '${id}'`),
    );
    return ExitCode.input;
  }
  const packs = prepared.value.packs.filter((pack) => options.pack.length === 0 || options.pack.includes(pack.id)).map(packCoverage);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(packs, null, 2)}\n`);
    return ExitCode.ok;
  }
  const terminal = terminalOf(io.stdout);
  const c = terminal.colours;
  const automation: Record<Automation, (text: string) => string> = { automated: c.green, partly: c.yellow, manual: c.dim };
  for (const pack of packs) {
    io.stdout.write(`${c.bold(`${pack.name} (${pack.id} ${pack.version})`)}\n`);
    io.stdout.write(
      renderTable(
        [{ header: 'CONTROL' }, { header: 'AUTOMATION' }, { header: 'TITLE', max: 50 }, { header: 'INSIGHTS', flex: true }],
        pack.controls.map((control) => [control.id, automation[control.automation](control.automation), control.title, control.insights.join(', ') || '-']),
        terminal,
      ),
    );
    io.stdout.write(
      `${pack.automated} automated, ${pack.partly} partly, ${pack.manual} manual of ${pack.controls.length}: ` +
        `${pack.automatedPercent}% automated, ${pack.atLeastPartlyPercent}% at least partly\n\n`,
    );
  }
  return ExitCode.ok;
}
