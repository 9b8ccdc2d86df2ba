/**
 * The `vigil` command line. Each command is a function of its options and the I/O streams that
 * returns an exit code; this module parses arguments, checks each command's options against its
 * schema (src/cli/options), and maps failures to exit codes. A command's module (and what it
 * loads: AWS clients, insights, packs) is imported only when that command runs, so `--help` and
 * `--version` start at once.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Static, TObject } from '@sinclair/typebox';
import { outputFormats } from '../output/output-format.js';
import { severities } from '../model/severity.js';
import { packageVersion } from '../package-root.js';
import { collectOptions } from './options/collect.js';
import { demoOptions } from './options/demo.js';
import { iamPolicyOptions } from './options/iam-policy.js';
import { listOptions } from './options/list.js';
import { packsCoverageOptions } from './options/packs-coverage.js';
import { policyAnalyzeOptions } from './options/policy-analyze.js';
import { scanOptions } from './options/scan.js';
import { diffOptions } from './options/diff.js';
import { historyOptions } from './options/history.js';
import { scansListOptions } from './options/scans-list.js';
import { botsListOptions } from './options/bots-list.js';
import { botsApplyOptions, botsPlanOptions, botsRunOptions } from './options/bots-run.js';
import { auditExportOptions, auditShowOptions, auditVerifyOptions } from './options/audit.js';
import { scorecardOptions } from './options/scorecard.js';
import { reportDailyOptions } from './options/report-daily.js';
import { notifyTestOptions } from './options/notify-test.js';
import { validateOptions } from './options/validate.js';
import { daemonOptions } from './options/daemon.js';
import { OUTBOX_STATES, outboxFlushOptions, outboxListOptions } from './options/outbox.js';
import { ExitCode } from './exit-codes.js';
import { processIo, reportProblems, type CliIo } from './io.js';
import { parseOptions, type CommandOptions } from './options/parse-options.js';

/** A repeatable option's values. No defaults in commander: an option not given stays absent, so the schema can tell. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** What each exit code means for a command, printed at the end of its --help. */
function exitCodes(codes: Partial<Record<ExitCode, string>>): string {
  const lines = Object.entries({
    ...codes,
    [ExitCode.input]: codes[ExitCode.input] ?? 'usage or input error (named on stderr; nothing done)',
    [ExitCode.failed]: codes[ExitCode.failed] ?? 'the run failed',
  })
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, meaning]) => `  ${code}  ${meaning}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}
const LISTED = exitCodes({ [ExitCode.ok]: 'listed' });
const FAIL_ON = {
  [ExitCode.ok]: 'ran, and nothing at or above --fail-on failed',
  [ExitCode.findings]: 'a finding at or above --fail-on failed',
};

const regionsHelp = 'regions, comma-separated, or "all" (default: the regions enabled in each account)';
const sourceOption = () =>
  new Option(
    '--source <source>',
    'where configurations come from: the APIs, or AWS Config for the types it records (S3, KMS, security groups, RDS); default api',
  ).choices(['api', 'config', 'auto']);
const logOption = () =>
  new Option(
    '--log <format>',
    'progress as JSON lines or text lines (default: a progress display on a terminal, JSON otherwise; VIGIL_LOG_LEVEL=debug adds each collector)',
  ).choices(['json', 'text']);

const STORE_HELP =
  "the findings store: sqlite:PATH or postgres (URL from $VIGIL_DATABASE_URL, or the config's store.postgres.urlEnv); default: the config's store, else .vigil/vigil.db";

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  /** Checks the options against the command's schema; only what fits reaches the command. */
  const run =
    <T extends TObject>(name: string, spec: CommandOptions<T>, command: (options: Static<T>) => Promise<ExitCode>) =>
    async (raw: Record<string, unknown>): Promise<void> => {
      const parsed = parseOptions(name, spec, raw);
      if (!parsed.ok) {
        reportProblems(io, [], parsed.errors);
        setExit(ExitCode.input);
        return;
      }
      setExit(await command(parsed.value));
    };

  const program = new Command('vigil')
    .description('Cloud compliance posture engine for AWS: snapshots in, findings by compliance pack out.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride();

  program
    .command('demo')
    .description('Scan the bundled demo organisation (no AWS account needed) and write findings, CSV, the evidence file and a summary')
    .option('--out-dir <dir>', 'where to write the snapshot and findings (default vigil-out)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity fails').choices(severities))
    .option('--store <spec>', STORE_HELP)
    .option('--no-store', 'do not record the scans')
    .option('--notify', 'write the digests the owners would get to notifications/ (Block Kit JSON, .eml), sending nothing (the default)')
    .option('--no-notify', 'do not write the digests')
    .addHelpText('after', exitCodes(FAIL_ON))
    .action(run('demo', demoOptions, async (options) => (await import('./commands/demo.js')).demoCommand(options, io)));

  program
    .command('collect')
    .description('Collect live AWS accounts (default credential chain, or the roles of the config) into a snapshot file')
    .requiredOption('--out <file>', 'snapshot file to write (.jsonl or .jsonl.gz)')
    .option('--config <file>', 'configuration file: accounts with roleArn/externalId, or organization.roleName')
    .option('--account <id|name>', 'only this account (repeatable)', collect)
    .option('--regions <list>', regionsHelp)
    .addOption(sourceOption())
    .option('--profile <name>', 'named profile of the shared AWS config for the current credentials')
    .option('--concurrency <n>', 'accounts collected at once, 1 to 64 (default 4)')
    .addOption(logOption())
    .option('--pack <id>', 'collect only what the insights of this pack read (repeatable)', collect)
    .option('--insight <id>', 'collect only what this insight reads (repeatable)', collect)
    .addHelpText(
      'after',
      exitCodes({
        [ExitCode.ok]: 'every account collected (what could not be read is in the coverage)',
        [ExitCode.failed]: 'an account could not be reached (the others are collected), or the run failed',
      }),
    )
    .action(run('collect', collectOptions, async (options) => (await import('./commands/collect.js')).collectCommand(options, io)));

  program
    .command('iam-policy')
    .description('Print the least-privilege IAM policy that collection needs (--scan, read-only) or that bots need (--bots, read and write)')
    .option('--scan', 'the policy of `vigil collect` and `vigil scan --live`')
    .option('--bots [ids...]', 'the policy the bots need, read and write (all bots, or these)')
    .option('--config <file>', 'with --bots: configuration file (botDirs and per-bot overrides)')
    .option('--pack <id>', 'only what the insights of this pack read (repeatable)', collect)
    .option('--insight <id>', 'only what this insight reads (repeatable)', collect)
    .addOption(new Option('--format <format>', 'output format (default json: the policy document; table: its actions by service)').choices(['json', 'table']))
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'the policy printed' }))
    .action(run('iam-policy', iamPolicyOptions, async (options) => (await import('./commands/iam-policy.js')).iamPolicyCommand(options, io)));

  program
    .command('scan')
    .description('Evaluate a snapshot file (or live accounts with --live) against compliance packs')
    .option('--snapshot <file>', 'snapshot file (.jsonl or .jsonl.gz)')
    .option('--live', 'collect the accounts first (options of `vigil collect`), then evaluate')
    .option('--account <id|name>', 'with --live: only this account (repeatable)', collect)
    .option('--regions <list>', `with --live: ${regionsHelp}`)
    .addOption(sourceOption())
    .option('--profile <name>', 'with --live: named profile for the current credentials')
    .option('--concurrency <n>', 'with --live: accounts collected at once, 1 to 64 (default 4)')
    .addOption(logOption())
    .option('--keep-snapshot <file>', 'with --live: also keep the collected snapshot in this file')
    .option('--pack <id>', "pack to run (repeatable; default: the config's packs, else all shipped packs)", collect)
    .option('--insight <id>', 'only this insight (repeatable)', collect)
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
    .option('--exemptions <file>', 'exemptions file (YAML)')
    .option('--config <file>', 'configuration file (vigil.yaml)')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(outputFormats))
    .option('--out <file>', 'write the output to this file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity fails').choices(severities))
    .option('--all', 'also output pass and not-applicable findings (evidence for an auditor)')
    .option(
      '--push-security-hub',
      "also send the findings (ASFF) to Security Hub with BatchImportFindings, in each finding's account and region, with the default credentials (AWS_PROFILE ...)",
    )
    .option('--store <spec>', STORE_HELP)
    .option('--no-store', 'do not record the scan')
    .option('--notify', "with notify: in the config, queue the owners' digests and deliver them (the default)")
    .option('--no-notify', 'queue the digests in the outbox without delivering them (vigil outbox flush delivers them)')
    .addHelpText(
      'after',
      exitCodes({
        ...FAIL_ON,
        [ExitCode.failed]:
          'the run failed, or with --live an account could not be reached (its findings are still written), or Security Hub refused findings (--push-security-hub; each named on stderr)',
      }),
    )
    .action(run('scan', scanOptions, async (options) => (await import('./commands/scan.js')).scanCommand(options, io)));

  const tableOrJson = () => new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(['table', 'json']);
  program
    .command('history')
    .description("Findings history from the store: a finding's transitions, the changes in a window, or mean time to remediate")
    .option('--finding <id>', 'every transition of this finding (its id, or a unique prefix), with scan, time and who')
    .option('--since <window>', 'changes since a duration before the last recorded scan (12h, 7d, 2w) or a date (default 7d)')
    .option('--mttr <window>', 'mean time to remediate per severity, account and pack control over the window (e.g. 90d)')
    .option('--account <id|name>', 'only this account')
    .option('--pack <id>', "only findings of this pack's controls")
    .addOption(tableOrJson())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'shown' }))
    .action(run('history', historyOptions, async (options) => (await import('./commands/history.js')).historyCommand(options, io)));

  program
    .command('diff')
    .description('New, resolved, regressed and still open findings between two scans (default: the last two complete scans of the same scope)')
    .option('--from <scan>', 'the earlier scan (id or unique prefix; see vigil scans list)')
    .option('--to <scan>', "the later scan (default: the last complete scan, of --from's scope when given)")
    .addOption(tableOrJson())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'shown' }))
    .action(run('diff', diffOptions, async (options) => (await import('./commands/diff.js')).diffCommand(options, io)));

  const scans = program.command('scans').description('Recorded scans');
  scans
    .command('list')
    .description('The recorded scans, newest first: inventory time, status (complete, degraded, crashed), accounts, what each changed')
    .option('--limit <n>', 'at most this many (default 20)')
    .option('--account <id|name>', 'only scans of this account')
    .addOption(tableOrJson())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', LISTED)
    .action(run('scans list', scansListOptions, async (options) => (await import('./commands/scans.js')).scansListCommand(options, io)));

  program
    .command('scorecard')
    .description('The compliance scorecard: a heat map of pack controls × accounts as one self-contained HTML file (or its aggregates as JSON)')
    .option('--findings <file>', 'findings file written with `vigil scan --all --format json`')
    .option('--latest', 'the latest complete scan in the store, with the 30-day trend and the change since the day before')
    .option('--tenant <name>', "only this tenant's accounts: nothing about any other tenant appears in the output")
    .option('--pack <id>', 'only this pack (repeatable)', collect)
    .addOption(new Option('--format <format>', 'output format (default html)').choices(['html', 'json']))
    .option('--out <file>', 'file to write (required for html; json goes to stdout without it)')
    .option('--config <file>', 'configuration file (vigil.yaml): account owners, packs and, with --latest, the store')
    .option('--store <spec>', `with --latest: ${STORE_HELP}`)
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'written' }))
    .action(run('scorecard', scorecardOptions, async (options) => (await import('./commands/scorecard.js')).scorecardCommand(options, io)));

  const report = program.command('report').description('Reports from the store');
  report
    .command('daily')
    .description("The CISO's and CIO's daily report: scores and changes, new failures, regressions, fixes, bots, expiring exemptions, gaps")
    .option('--send', 'also e-mail it to report.daily.to and cc through the outbox and notify.email (once per day and recipients)')
    .option('--out <dir>', 'folder to write report.html and report.txt into (default vigil-out)')
    .option('--since <window>', 'changes over this window (12h, 24h, 7d) or since a date (default 24h)')
    .option('--config <file>', 'configuration file (vigil.yaml): recipients, accounts, exemptions')
    .option('--store <spec>', STORE_HELP)
    .addHelpText(
      'after',
      exitCodes({
        [ExitCode.ok]: 'written (and with --send delivered or queued to retry)',
        [ExitCode.failed]: 'the run failed, or the e-mail is dead or in doubt (see vigil outbox list)',
      }),
    )
    .action(run('report daily', reportDailyOptions, async (options) => (await import('./commands/report.js')).reportDailyCommand(options, io)));

  program
    .command('validate')
    .description('Check packs, custom insights, exemptions, config and snapshot files; report file:line:column problems')
    .argument('<paths...>', 'files or folders')
    .addOption(
      new Option('--format <format>', 'output format (default table; json: every file, problem and warning as one document)').choices(['table', 'json']),
    )
    .addHelpText(
      'after',
      exitCodes({ [ExitCode.ok]: 'every file is valid (warnings may be printed)', [ExitCode.input]: 'a file has problems (each as file:line:column)' }),
    )
    .action(async (paths: string[], raw: Record<string, unknown>) =>
      run('validate', validateOptions, async (options) => (await import('./commands/validate.js')).validateCommand(paths, options, io))(raw),
    );

  const policy = program.command('policy').description('Resource policies');
  policy
    .command('analyze')
    .description('Analyse a resource policy (bucket, key ...): public?, which actions, which external parties')
    .argument('<file>', 'policy document (JSON)')
    .requiredOption('--account <id>', 'the account that owns the resource')
    .option('--trusted-account <id>', 'an account whose principals are trusted (repeatable)', collect)
    .option('--org-id <id>', 'a trusted AWS Organizations id, o-... (repeatable)', collect)
    .option('--trusted-cidr <cidr>', 'a trusted network (repeatable)', collect)
    .addOption(tableOrJson())
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'analysed; the policy is not public', [ExitCode.findings]: 'analysed; the policy is public' }))
    .action(async (file: string, raw: Record<string, unknown>) =>
      run('policy analyze', policyAnalyzeOptions, async (options) => (await import('./commands/policy-analyze.js')).policyAnalyzeCommand(file, options, io))(
        raw,
      ),
    );

  const formatOption = () => new Option('--format <format>', 'output format (default table)').choices(['table', 'json']);
  const insights = program.command('insights').description('Built-in and custom insights');
  insights
    .command('list')
    .description('List insights: id, severity, resource type, title and the pack controls that use them')
    .addOption(formatOption())
    .option('--config <file>', 'configuration file (adds its custom insights and packs)')
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
    .addHelpText('after', LISTED)
    .action(run('insights list', listOptions, async (options) => (await import('./commands/list.js')).insightsListCommand(options, io)));

  const bots = program.command('bots').description('Bots: filters and remediation actions (dry-run by default)');
  bots
    .command('list')
    .description('List bots: id, mode, resource type, title and schedule in words')
    .addOption(formatOption())
    .option('--config <file>', 'configuration file (botDirs and per-bot overrides)')
    .option('--bots <dir>', 'folder of bot YAML files (repeatable)', collect)
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
    .addHelpText('after', LISTED)
    .action(run('bots list', botsListOptions, async (options) => (await import('./commands/bots-list.js')).botsListCommand(options, io)));
  /** What planning a bot run takes: `bots plan` and `bots run`. */
  const planningOptions = (command: Command) =>
    command
      .option('--config <file>', 'configuration file: accounts (roles, time zones, tags), botDirs, per-bot overrides, exemptions')
      .option('--account <id|name>', 'only this account (repeatable)', collect)
      .option('--regions <list>', regionsHelp)
      .addOption(sourceOption())
      .option('--profile <name>', 'named profile of the shared AWS config for the current credentials')
      .option('--concurrency <n>', 'accounts collected at once, 1 to 64 (default 4)')
      .addOption(logOption())
      .option('--snapshot <file>', 'choose candidates from this snapshot instead of collecting (each is still re-read live)')
      .option('--bots <dir>', 'folder of bot YAML files (repeatable)', collect)
      .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
      .option('--exemptions <file>', 'exemptions file (YAML): an exempt finding never matches a bot')
      .option('--enforce', 'enforce this run (default: each bot in its configured mode, dry-run unless the config says enforce)')
      .option('--event <name>', 'run the steps written for this event (deployment-complete)')
      .option('--now <iso>', 'evaluate schedules, windows and grace periods as of this instant');
  const BOT_RUN_CODES = {
    [ExitCode.ok]: 'ran',
    [ExitCode.findings]: 'a bot would exceed a limit (it acted on none) or reached maxErrors',
    [ExitCode.input]: 'usage or input error, or a plan refused (changed, wrong hash, stale, applied already): nothing done',
    [ExitCode.failed]: 'an action failed or an account could not be reached',
  };
  planningOptions(
    bots
      .command('plan')
      .description('Plan bots (default: all): collect what their filters need, re-read each match live, write the exact calls and print the SHA-256')
      .argument('[ids...]', 'bot ids'),
  )
    .requiredOption('--out <file>', 'plan file to write (schemas/plan.json)')
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'planned', [ExitCode.findings]: BOT_RUN_CODES[ExitCode.findings] }))
    .action(async (ids: string[], raw: Record<string, unknown>) =>
      run('bots plan', botsPlanOptions, async (options) => (await import('./commands/bots-plan.js')).botsPlanCommand(ids, options, io))(raw),
    );
  bots
    .command('apply')
    .description('Execute exactly a plan file, after checking each resource is still as the plan saw it; every step on the audit trail')
    .requiredOption('--plan <file>', 'plan file written by vigil bots plan')
    .option('--sha256 <hash>', 'refuse the plan unless its SHA-256 is this one')
    .option('--max-age <age>', 'refuse a plan made longer ago than this (30m, 1h, 2d; default 1h)')
    .option('--config <file>', 'configuration file: accounts and their roles, store')
    .option('--profile <name>', 'named profile of the shared AWS config for the current credentials')
    .option('--now <iso>', 'the clock the plan age is measured at')
    .option('--store <spec>', STORE_HELP)
    .option('--no-notify', 'record owner messages in the audit trail without queueing them for delivery')
    .addHelpText('after', exitCodes(BOT_RUN_CODES))
    .action(run('bots apply', botsApplyOptions, async (options) => (await import('./commands/bots-apply.js')).botsApplyCommand(options, io)));
  planningOptions(
    bots.command('run').description('Plan and apply one bot in one go (schedules, events); dry-run unless it is enforced').argument('<id>', 'bot id'),
  )
    .option('--out <file>', 'also keep the plan in this file')
    .option('--store <spec>', STORE_HELP)
    .option('--no-notify', 'record owner messages in the audit trail without queueing them for delivery')
    .addHelpText('after', exitCodes(BOT_RUN_CODES))
    .action(async (id: string, raw: Record<string, unknown>) =>
      run('bots run', botsRunOptions, async (options) => (await import('./commands/bots-run.js')).botsRunCommand(id, options, io))(raw),
    );

  const audit = program.command('audit').description("The bots' audit trail: append-only, hash-chained");
  audit
    .command('verify')
    .description('Walk the hash chain and name the first edited, removed, inserted or reordered record')
    .option('--file <file>', 'check an exported copy (vigil audit export) offline instead of the store')
    .addOption(tableOrJson())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText(
      'after',
      exitCodes({ [ExitCode.ok]: 'the chain is intact (its head printed)', [ExitCode.findings]: 'the chain is broken (the first broken record named)' }),
    )
    .action(run('audit verify', auditVerifyOptions, async (options) => (await import('./commands/audit.js')).auditVerifyCommand(options, io)));
  audit
    .command('show')
    .description('Audit records, newest first: time, mode, bot, action, result, resource, summary')
    .option('--bot <id>', 'only this bot')
    .option('--since <window>', 'only since a duration ago (12h, 7d, 2w) or a date')
    .option('--run <id>', 'only this bot run')
    .option('--limit <n>', 'at most this many (default 100)')
    .addOption(tableOrJson())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', LISTED)
    .action(run('audit show', auditShowOptions, async (options) => (await import('./commands/audit.js')).auditShowCommand(options, io)));
  audit
    .command('export')
    .description('Write the whole chain as JSON lines (schemas/audit-export.json) for an auditor: vigil audit verify --file checks it offline')
    .argument('<file>', 'file to write')
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'written', [ExitCode.failed]: 'the file could not be written' }))
    .action(async (file: string, raw: Record<string, unknown>) =>
      run('audit export', auditExportOptions, async (options) => (await import('./commands/audit.js')).auditExportCommand(file, options, io))(raw),
    );

  const packs = program.command('packs').description('Compliance packs');
  packs
    .command('list')
    .description('List packs: id, version, controls automated and manual')
    .addOption(formatOption())
    .option('--config <file>', 'configuration file (adds its packs)')
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
    .addHelpText('after', LISTED)
    .action(run('packs list', listOptions, async (options) => (await import('./commands/list.js')).packsListCommand(options, io)));
  packs
    .command('coverage')
    .description('Per control: automated, partly automated or manual, the insights behind it, and the share automated')
    .option('--pack <id>', 'only this pack (repeatable)', collect)
    .addOption(formatOption())
    .option('--config <file>', 'configuration file (adds its packs)')
    .option('--insights <dir>', 'folder of custom YAML insights (repeatable)', collect)
    .addHelpText('after', LISTED)
    .action(run('packs coverage', packsCoverageOptions, async (options) => (await import('./commands/packs-coverage.js')).packsCoverageCommand(options, io)));

  const outbox = program.command('outbox').description('Notifications waiting to be delivered, in doubt or dead; deliver what is due');
  outbox
    .command('list')
    .description('Notifications not delivered yet: pending, sending, in doubt (a sender died while sending) and dead (gave up, with the reason)')
    .option('--state <state>', `only this state (repeatable): ${OUTBOX_STATES.join(', ')}`, collect)
    .addOption(formatOption())
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (its store)')
    .addHelpText('after', LISTED)
    .action(run('outbox list', outboxListOptions, async (options) => (await import('./commands/outbox.js')).outboxListCommand(options, io)));
  outbox
    .command('flush')
    .description("Deliver the notifications that are due now through the config's transports (exit 3 when some are dead or in doubt)")
    .option('--store <spec>', STORE_HELP)
    .option('--config <file>', 'configuration file (notify: and its store)')
    .addHelpText(
      'after',
      exitCodes({ [ExitCode.ok]: 'everything due was delivered', [ExitCode.failed]: 'some notifications are dead or in doubt (see vigil outbox list)' }),
    )
    .action(run('outbox flush', outboxFlushOptions, async (options) => (await import('./commands/outbox.js')).outboxFlushCommand(options, io)));

  program
    .command('notify')
    .description('Notifications: check the configured Slack and e-mail')
    .command('test')
    .description('Send a test message now (not through the outbox) and say whether it arrived')
    .option('--slack <channel>', 'a channel (#name or id), a user id, or an e-mail address to DM')
    .option('--email <address>', 'an e-mail address')
    .option('--config <file>', 'configuration file with notify: (default vigil.yaml)')
    .addHelpText('after', exitCodes({ [ExitCode.ok]: 'delivered', [ExitCode.failed]: 'refused or not delivered (the reason on stderr)' }))
    .action(run('notify test', notifyTestOptions, async (options) => (await import('./commands/notify-test.js')).notifyTestCommand(options, io)));

  program
    .command('daemon')
    .description(
      'Run scans, bots, the daily report, outbox delivery and store maintenance on their schedules, with /healthz, /metrics and the deployment webhook',
    )
    .option('--config <file>', 'configuration file (vigil.yaml): daemon, schedules, accounts, store, notify')
    .option('--once', 'run every job that is due now, then exit (for cron, ECS scheduled tasks, Lambda-style runners)')
    .option('--store <spec>', STORE_HELP.replace(/^the findings store/, 'the store (on PostgreSQL the daemons share its pg-boss job queue)'))
    .option('--report-dir <dir>', 'where the daily report is written (default vigil-out)')
    .addHelpText(
      'after',
      exitCodes({
        [ExitCode.ok]: 'stopped by SIGTERM or SIGINT (the current step finished or was aborted within daemon.shutdownSeconds); with --once, every due job ran',
        [ExitCode.failed]: 'the store or the job queue could not be used; with --once, a job failed (see the JSON log on stderr)',
      }),
    )
    .action(run('daemon', daemonOptions, async (options) => (await import('./commands/daemon.js')).daemonCommand(options, io)));

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
