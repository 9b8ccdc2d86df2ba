/**
 * `vigil policy analyze FILE --account ID`: the resource-policy analysis of one document, so a
 * user (or a test) can check a bucket or key policy alone, before it is applied.
 */
import type { PolicyAnalyzeOptions } from '../options/policy-analyze.js';
import { readFile } from 'node:fs/promises';
import { analyzeResourcePolicy } from '../../analysis/policy/analyze.js';
import { problem } from '../../input/problem.js';
import { ExitCode } from '../exit-codes.js';
import { reportProblems, type CliIo } from '../io.js';
import { renderTable } from '../../output/terminal-table.js';
import { terminalOf, type Terminal } from '../../output/terminal.js';

export interface PolicyAnalyzeOutput {
  public: boolean;
  publicActions: string[];
  crossAccount: { account: string; actions: string[] }[];
  /** Every party outside the owner and the trusted ones that the policy lets in: accounts, organisations, networks, canonical users ... */
  externalAccess: { party: string; kind: string; actions: string[] }[];
  statements: { sid: string | null; effect: 'Allow' | 'Deny'; public: boolean; reason: string }[];
}

export async function policyAnalyzeCommand(file: string, options: PolicyAnalyzeOptions, io: CliIo): Promise<ExitCode> {
  const usage: string[] = [];
  if (!/^[0-9]{12}$/.test(options.account)) usage.push(`--account: '${options.account}' is not a 12-digit account id`);
  for (const id of options.trustedAccount) if (!/^[0-9]{12}$/.test(id)) usage.push(`--trusted-account: '${id}' is not a 12-digit account id`);
  for (const id of options.orgId) if (!/^o-[a-z0-9]{10,32}$/.test(id)) usage.push(`--org-id: '${id}' is not an organization id (o-...)`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    reportProblems(io, [problem(file, 1, 1, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)], usage);
    return ExitCode.input;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const offset = position?.[1] !== undefined ? Number(position[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    reportProblems(
      io,
      [problem(file, before.length, (before.at(-1)?.length ?? 0) + 1, `invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`)],
      usage,
    );
    return ExitCode.input;
  }
  if (usage.length > 0) {
    reportProblems(io, [], usage);
    return ExitCode.input;
  }
  const result = analyzeResourcePolicy(document, {
    ownerAccountId: options.account,
    trustedAccountIds: options.trustedAccount,
    trustedOrgIds: options.orgId,
    ...(options.trustedCidr.length > 0 && { trustedCidrs: options.trustedCidr }),
  });
  if (!result.ok) {
    reportProblems(io, [problem(file, 1, 1, `the policy cannot be analysed: ${result.error}`)]);
    return ExitCode.input;
  }
  const { analysis } = result;
  const output: PolicyAnalyzeOutput = {
    public: analysis.public,
    publicActions: [...analysis.publicActions],
    crossAccount: analysis.externalAccess
      .filter((access) => access.party.kind === 'account')
      .map((access) => ({ account: access.party.kind === 'account' ? access.party.accountId : '', actions: [...access.actions] })),
    externalAccess: analysis.externalAccess.map((access) => ({ party: access.description, kind: access.party.kind, actions: [...access.actions] })),
    statements: analysis.statements.map((statement) => ({
      sid: statement.sid ?? null,
      effect: statement.effect,
      public: statement.public,
      reason: statement.reason,
    })),
  };
  const format = options.format ?? (io.stdout.isTTY === true ? 'table' : 'json');
  io.stdout.write(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : analysisTable(output, terminalOf(io.stdout)));
  // Like `scan --fail-on`: a public policy is a finding.
  return output.public ? ExitCode.findings : ExitCode.ok;
}

function analysisTable(output: PolicyAnalyzeOutput, terminal: Terminal): string {
  const c = terminal.colours;
  const verdict = output.public ? c.red(c.bold(`PUBLIC: anyone may ${output.publicActions.join(', ')}`)) : c.green('not public');
  const parties =
    output.externalAccess.length === 0
      ? 'No external party is let in.\n'
      : renderTable(
          [{ header: 'EXTERNAL PARTY', max: 60 }, { header: 'KIND' }, { header: 'ACTIONS', flex: true }],
          output.externalAccess.map((access) => [access.party, access.kind, access.actions.join(', ')]),
          terminal,
        );
  const statements = renderTable(
    [{ header: 'STATEMENT', max: 30 }, { header: 'EFFECT' }, { header: 'PUBLIC' }, { header: 'REASON', flex: true }],
    output.statements.map((statement, index) => [statement.sid ?? `#${index + 1}`, statement.effect, statement.public ? c.red('yes') : 'no', statement.reason]),
    terminal,
  );
  return `${c.bold('Policy')}: ${verdict}\n\n${parties}\n${statements}`;
}
