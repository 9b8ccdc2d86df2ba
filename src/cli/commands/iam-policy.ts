/**
 * `vigil iam-policy --scan [--pack ID] [--insight ID]`: the least-privilege read-only IAM policy
 * collection needs — for every collector, or only for what the named packs' or insights' fields
 * require.
 */
import type { IamPolicyOptions } from '../options/iam-policy.js';
import { selectionOf } from '../../app/live-collection.js';
import { prepareScan } from '../../app/prepare-scan.js';
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
  if (!options.scan) {
    reportProblems(io, [], ['iam-policy: say which policy: --scan (the read-only policy collection needs)']);
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
