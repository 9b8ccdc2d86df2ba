/** `vigil iam-policy --scan`: the least-privilege read-only IAM policy collection needs. */
import { leastPrivilegePolicy, requiredPermissions } from '../../collect/collector.js';
import { allCollectors } from '../../collect/collectors/index.js';
import { ORCHESTRATION_PERMISSIONS } from '../../collect/collect-organisation.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';

export function scanPermissions(): string[] {
  return [...new Set([...requiredPermissions(allCollectors), ...ORCHESTRATION_PERMISSIONS])].sort();
}

export async function iamPolicyCommand(options: { scan: boolean }, io: CliIo): Promise<ExitCode> {
  if (!options.scan) {
    reportProblems(io, [], ['iam-policy: say which policy: --scan (the read-only policy collection needs)']);
    return ExitCode.input;
  }
  io.stdout.write(`${JSON.stringify(leastPrivilegePolicy(scanPermissions()), null, 2)}\n`);
  return ExitCode.ok;
}
