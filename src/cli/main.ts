/**
 * The `vigil` command line. Each command is a function of its options and the I/O streams that
 * returns an exit code; this module only parses arguments and maps failures to exit codes.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { outputFormats } from '../app/run-scan.js';
import { severities } from '../model/severity.js';
import { packageVersion } from '../package-root.js';
import { collectCommand } from './commands/collect.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { historyCommand } from './commands/history.js';
import { scansListCommand } from './commands/scans.js';
import { iamPolicyCommand } from './commands/iam-policy.js';
import { insightsListCommand, packsListCommand } from './commands/list.js';
import { notifyTestCommand } from './commands/notify-test.js';
import { OUTBOX_STATES, outboxFlushCommand, outboxListCommand } from './commands/outbox.js';
import { packsCoverageCommand } from './commands/packs-coverage.js';
import { policyAnalyzeCommand } from './commands/policy-analyze.js';
import { scanCommand } from './commands/scan.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function outboxState(value: string, previous: string[]): string[] {
  if (!(OUTBOX_STATES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${OUTBOX_STATES.join(', ')}.`);
  return [...previous, value];
}

const STORE_HELP =
  "the findings store: sqlite:PATH or postgres (URL from $VIGIL_DATABASE_URL, or the config's store.postgres.urlEnv); default: the config's store, else .vigil/vigil.db";

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('vigil')
    .description('Cloud compliance posture engine for AWS: snapshots in, findings by compliance pack out.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();

  program
    .command('demo')
    .description('Scan the bundled demo organisation (no AWS account needed) and write findings, CSV and a summary')
    .option('--out-dir <dir>', 'where to write the snapshot and findings', 'vigil-out')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity fails').choices(severities))
    .option('--store <spec>', STORE_HELP)
    .option('--no-store', 'do not record the scans')
    .action(async (options) => setExit(await demoCommand(options, io)));

  program
    .command('collect')
    .description('Collect live AWS accounts (default credential chain, or the roles of the config) into a snapshot file')
    .requiredOption('--out <file>', 'snapshot file to write (.jsonl or .jsonl.gz)')
    .option('--config <file>', 'configuration file: accounts with roleArn/externalId, or organization.roleName')
    .option('--account <id|name>', 'only this account (repeatable)', collect, [])
    .option('--regions <list>', 'regions, comma-separated, or "all" (default: the regions enabled in each account)')
    .addOption(
      new Option('--source <source>', 'where configurations come from: the APIs, or AWS Config for the types it records (S3, KMS, security groups, RDS)')
        .choices(['api', 'config', 'auto'])
        .default('api'),
    )
    .option('--profile <name>', 'named profile of the shared AWS config for the current credentials')
    .option('--concurrency <n>', 'accounts collected at once', '4')
    .addOption(
      new Option('--log <format>', 'progress on a terminal, JSON lines otherwise (each collector in each region too with VIGIL_LOG_LEVEL=debug)').choices([
        'json',
        'text',
      ]),
    )
    .option('--pack <id>', 'collect only what the insights of this pack read (repeatable)', collect, [])
    .option('--insight <id>', 'collect only what this insight reads (repeatable)', collect, [])
    .action(async (options) => setExit(await collectCommand(options, io)));

  program
    .command('iam-policy')
    .description('Print the least-privilege read-only IAM policy that collection needs')
    .option('--scan', 'the policy of `vigil collect` and `vigil scan --live`', false)
    .option('--pack <id>', 'only what the insights of this pack read (repeatable)', collect, [])
    .option('--insight <id>', 'only what this insight reads (repeatable)', collect, [])
    .action(async (options) => setExit(await iamPolicyCommand(options, io)));

  program
    .command('scan')
    .description('Evaluate a snapshot file (or live accounts with --live) against compliance packs')
    .option('--snapshot <file>', 'snapshot file (.jsonl or .jsonl.gz)')
    .option('--live', 'collect the accounts first (options of `vigil collect`), then evaluate', false)
    .option('--account <id|name>', 'with --live: only this account (repeatable)', collect, [])
    .option('--regions <list>', 'with --live: regions, comma-separated, or "all"')
    .option('--profile <name>', 'with --live: named profile for the current credentials')
    .option('--concurrency <n>', 'with --live: accounts collected at once', '4')
    .option('--keep-snapshot <file>', 'with --live: also keep the collected snapshot in this file')
    .option('--pack <id>', "pack to run (repeatable; default: the config's packs, else all shipped packs)", collect, [])
    .option('--insight <id>', 'only this insight (repeatable)', collect, [])
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect, [])
    .option('--exemptions <file>', 'exemptions file (YAML)')
    .option('--config <file>', 'configuration file (vigil.yaml)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(outputFormats))
    .option('--out <file>', 'write the output to this file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity fails').choices(severities))
    .option('--all', 'also output pass and not-applicable findings', false)
    .option('--store <spec>', STORE_HELP)
    .option('--no-store', 'do not record the scan')
    .action(async (options) => setExit(await scanCommand(options, io)));

  const formatOption = () => new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['table', 'json']);
  program
    .command('history')
    .description("Findings history from the store: a finding's transitions, the changes in a window, or mean time to remediate")
    .option('--finding <id>', 'every transition of this finding (its id, or a unique prefix), with scan, time and who')
    .option('--since <window>', 'changes since a duration before the last recorded scan (12h, 7d, 2w) or a date (default 7d)')
    .option('--mttr <window>', 'mean time to remediate per severity, account and pack control over the window (e.g. 90d)')
    .option('--account <id|name>', 'only this account')
    .option('--pack <id>', "only findings of this pack's controls")
    .addOption(formatOption())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .action(async (options) => setExit(await historyCommand(options, io)));

  program
    .command('diff')
    .description('New, resolved, regressed and still open findings between two scans (default: the last two complete scans of the same scope)')
    .option('--from <scan>', 'the earlier scan (id or unique prefix; see vigil scans list)')
    .option('--to <scan>', "the later scan (default: the last complete scan, of --from's scope when given)")
    .addOption(formatOption())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .action(async (options) => setExit(await diffCommand(options, io)));

  const scans = program.command('scans').description('Recorded scans');
  scans
    .command('list')
    .description('The recorded scans, newest first: inventory time, status (complete, degraded, crashed), accounts, what each changed')
    .option('--limit <n>', 'at most this many', '20')
    .option('--account <id|name>', 'only scans of this account')
    .addOption(formatOption())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .action(async (options) => setExit(await scansListCommand(options, io)));

  program
    .command('validate')
    .description('Check packs, custom insights, exemptions, config and snapshot files; report file:line:column problems')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[]) => setExit(await validateCommand(paths, io)));

  const policy = program.command('policy').description('Resource policies');
  policy
    .command('analyze')
    .description('Analyse a resource policy (bucket, key ...): public?, which actions, which other accounts; JSON on stdout')
    .argument('<file>', 'policy document (JSON)')
    .requiredOption('--account <id>', 'the account that owns the resource')
    .option('--trusted-account <id>', 'an account whose principals are trusted (repeatable)', collect, [])
    .option('--org-id <id>', 'a trusted AWS Organizations id, o-... (repeatable)', collect, [])
    .option('--trusted-cidr <cidr>', 'a trusted network (repeatable)', collect, [])
    .action(async (file: string, options) => setExit(await policyAnalyzeCommand(file, options, io)));

  const insights = program.command('insights').description('Built-in and custom insights');
  insights
    .command('list')
    .description('List insights: id, severity, resource type, title and the pack controls that use them')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--config <file>', 'configuration file (adds its custom insights and packs)')
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect, [])
    .action(async (options) => setExit(await insightsListCommand(options, io)));

  const packs = program.command('packs').description('Compliance packs');
  packs
    .command('list')
    .description('List packs: id, version, controls automated and manual')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--config <file>', 'configuration file (adds its packs)')
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect, [])
    .action(async (options) => setExit(await packsListCommand(options, io)));
  packs
    .command('coverage')
    .description('Per control: automated, partly automated or manual, the insights behind it, and the share automated')
    .option('--pack <id>', 'only this pack (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--config <file>', 'configuration file (adds its packs)')
    .action(async (options) => setExit(await packsCoverageCommand(options, io)));

  const outbox = program.command('outbox').description('Notifications waiting to be delivered, in doubt or dead; deliver what is due');
  outbox
    .command('list')
    .description('Notifications not delivered yet: pending, sending, in doubt (a sender died while sending) and dead (gave up, with the reason)')
    .option('--state <state>', `only this state (repeatable): ${OUTBOX_STATES.join(', ')}`, outboxState, [])
    .addOption(formatOption())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .action(async (options) => setExit(await outboxListCommand(options, io)));
  outbox
    .command('flush')
    .description("Deliver the notifications that are due now through the config's transports (exit 3 when some are dead or in doubt)")
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (notify: and its store)')
    .action(async (options) => setExit(await outboxFlushCommand(options, io)));

  program
    .command('notify')
    .description('Notifications: check the configured Slack and e-mail')
    .command('test')
    .description('Send a test message now (not through the outbox) and say whether it arrived')
    .option('--slack <channel>', 'a channel (#name or id), a user id, or an e-mail address to DM')
    .option('--email <address>', 'an e-mail address')
    .option('--config <file>', 'configuration file with notify: (default vigil.yaml)')
    .action(async (options) => setExit(await notifyTestCommand(options, io)));

  return program;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every other parse error is a usage error
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.input;
    }
    io.stderr.write(`vigil: the run failed: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.failed;
  }
}
