/**
 * `vigil iam-policy --scan [--pack ID] [--insight ID]`: the least-privilege read-only IAM policy
 * collection needs — for every collector, or only for what the named packs' or insights' fields
 * require. `vigil iam-policy --bots [ID ...]`: what the chosen bots need, read and write — the
 * collection of what their filters and actions read (as `--scan` computes it), the live re-read,
 * and every permission their actions declare — from the declarations alone.
 */
import type { IamPolicyOptions } from '../options/iam-policy.js';
import { selectionOf } from '../../app/live-collection.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { prepareBots } from '../../app/prepare-bots.js';
import { botSelection, prepareBotScan } from '../../app/bot-candidates.js';
import { liveReadPermissions } from '../../bots/runtime/live-reader.js';
import { leastPrivilegePolicy, requiredPermissions } from '../../collect/contract/collector.js';
import { allCollectors } from '../../collect/collectors/index.js';
import { configResourceCollectors } from '../../collect/config-source/config-collectors.js';
import { ORCHESTRATION_PERMISSIONS } from '../../collect/organisation/collect-organisation.js';
import type { ResourceType } from '../../model/resource-types.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { renderTable } from '../../output/terminal-table.js';
import { terminalOf } from '../../output/terminal.js';

export function scanPermissions(selection?: ReadonlyMap<ResourceType, ReadonlySet<string>>): string[] {
  // The Config source's SelectResourceConfig is included: `vigil collect --source config` may use it.
  return [...new Set([...requiredPermissions([...allCollectors, ...configResourceCollectors], selection), ...ORCHESTRATION_PERMISSIONS])].sort();
}

export async function iamPolicyCommand(options: IamPolicyOptions, io: CliIo): Promise<ExitCode> {
  if (options.bots !== undefined) return botsPolicy(options.bots === true ? [] : options.bots, options.config, io);
  if (!options.scan) {
    reportProblems(io, [], ['iam-policy: say which policy: --scan (the read-only policy collection needs) or --bots [ID ...] (what bots need)']);
    return ExitCode.input;
  }
  let selection: ReadonlyMap<ResourceType, ReadonlySet<string>> | undefined;
  if (options.pack.length > 0 || options.insight.length > 0) {
    const prepared = await prepareScan({ packIds: options.pack, insightIds: options.insight, now: io.now() });
    if (!prepared.ok) {
      reportProblems(io, prepared.problems, prepared.usage);
      return ExitCode.input;
    }
    selection = selectionOf(prepared.value.plan);
  }
  const permissions = scanPermissions(selection);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(leastPrivilegePolicy(permissions), null, 2)}\n`);
    return ExitCode.ok;
  }
  const byService = new Map<string, string[]>();
  for (const permission of permissions) {
    const [service = '', action = permission] = permission.split(':');
    byService.set(service, [...(byService.get(service) ?? []), action]);
  }
  const terminal = terminalOf(io.stdout);
  io.stdout.write(
    `${terminal.colours.bold(`Read-only IAM policy for collection: ${permissions.length} actions (--format json prints the policy document)`)}\n`,
  );
  io.stdout.write(
    renderTable(
      [{ header: 'SERVICE' }, { header: 'ACTIONS', align: 'right' }, { header: 'PERMISSIONS', flex: true }],
      [...byService].map(([service, actions]) => [service, String(actions.length), actions.join(' ')]),
      terminal,
    ),
  );
  return ExitCode.ok;
}

async function botsPolicy(ids: readonly string[], configFile: string | undefined, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareBots({ configFile, botDirs: [], insightDirs: [], now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  const unknown = ids.filter((id) => !prepared.bots.some((bot) => bot.id === id));
  if (unknown.length > 0) {
    reportProblems(
      io,
      [],
      unknown.map((id) => `--bots: no bot with id '${id}' (known: ${prepared.bots.map((bot) => bot.id).join(', ')})`),
    );
    return ExitCode.input;
  }
  const bots = ids.length === 0 ? prepared.bots : prepared.bots.filter((bot) => ids.includes(bot.id));
  const scan = await prepareBotScan(bots, { configFile, insightDirs: [], now: io.now() });
  if (!scan.ok) {
    reportProblems(io, scan.problems, scan.usage);
    return ExitCode.input;
  }
  const read = [...scanPermissions(botSelection(bots, scan.scan)), ...liveReadPermissions];
  const write = bots.flatMap((bot) => bot.steps.flatMap((step) => step.action.permissions));
  const actions = [...new Set([...read, ...write])].sort();
  io.stdout.write(
    `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'VigilBots', Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2)}\n`,
  );
  return ExitCode.ok;
}
