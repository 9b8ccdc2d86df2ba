/**
 * `vigil scorecard`: the heat map of pack controls × accounts as one self-contained HTML file, or
 * its aggregates as JSON, for the whole organisation or one tenant.
 */
import { writeFile } from 'node:fs/promises';
import { aggregate } from '../../../scorecard/aggregate.js';
import { renderScorecardHtml } from '../../../scorecard/html/scorecard-page.js';
import { inputFromFindings } from '../../../scorecard/input-from-findings.js';
import { selectPacks } from '../../../scorecard/pack-selection.js';
import { readFindingsFile } from '../../../scorecard/read-findings.js';
import type { ScorecardInput } from '../../../scorecard/scorecard-input.js';
import { tenantView } from '../../../scorecard/tenant-view.js';
import { insightRegistry } from '../../app/insight-registry.js';
import { prepareScan } from '../../app/prepare-scan.js';
import { scorecardOf } from '../../app/write-scorecards.js';
import { inputFromStore } from '../../../scorecard/input-from-store.js';
import type { ScorecardOutput } from '../../../scorecard/scorecard-schema.js';
import { storeHistory } from '../../../scorecard/store-history.js';
import { withRecordedStore } from '../store-option.js';
import type { AccountEntry } from '../../config/account-entry.js';
import { loadConfig } from '../../config/load-config.js';
import type { Problem } from '../../input/problem.js';
import { ExitCode } from '../exit-codes.js';
import type { ScorecardCommandOptions } from '../options/scorecard.js';
import { reportProblems, type CliIo } from '../io.js';

export async function scorecardCommand(options: ScorecardCommandOptions, io: CliIo): Promise<ExitCode> {
  if (options.format === 'html' && options.out === undefined) {
    reportProblems(io, [], ['scorecard: give --out FILE for the HTML page (or --format json)']);
    return ExitCode.input;
  }
  if (options.latest) return latestScorecard(options, io);
  if (options.findings === undefined) {
    reportProblems(io, [], ['scorecard: give --findings FILE (a findings file written with `vigil scan --all --format json`) or --latest']);
    return ExitCode.input;
  }
  const loaded = await loadScorecardInput(options.findings, options.config);
  if (!loaded.ok) {
    reportProblems(io, loaded.problems);
    return ExitCode.input;
  }
  const narrowed = narrowInput(loaded.input, options, options.findings);
  if (!narrowed.ok) {
    reportProblems(io, [narrowed.problem]);
    return ExitCode.input;
  }
  await writeScorecard(aggregate(narrowed.input, { generatedAt: io.now(), tenant: options.tenant ?? null }), options, io);
  return ExitCode.ok;
}

async function writeScorecard(output: ScorecardOutput, options: ScorecardCommandOptions, io: CliIo): Promise<void> {
  const text = options.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : renderScorecardHtml(output);
  if (options.out === undefined) io.stdout.write(text);
  else await writeFile(options.out, text);
}

/** `--latest`: the store's latest complete scan, with the 30-day trend and the change since the day before. */
async function latestScorecard(options: ScorecardCommandOptions, io: CliIo): Promise<ExitCode> {
  const prepared = await prepareScan({ ...(options.config !== undefined && { configFile: options.config }), now: io.now() });
  if (!prepared.ok) {
    reportProblems(io, prepared.problems, prepared.usage);
    return ExitCode.input;
  }
  return withRecordedStore(io, { ...(options.store !== undefined && { store: options.store }), config: prepared.value.config }, async (store) => {
    const loaded = await inputFromStore(store, { packs: prepared.value.packs, accounts: prepared.value.accounts });
    if (!loaded.ok) {
      reportProblems(io, [], [`scorecard --latest: ${loaded.message}`]);
      return ExitCode.input;
    }
    const narrowed = narrowInput(loaded.input, options, store.description);
    if (!narrowed.ok) {
      reportProblems(io, [narrowed.problem]);
      return ExitCode.input;
    }
    const output = await scorecardOf(narrowed.input, { generatedAt: io.now(), tenant: options.tenant ?? null, history: storeHistory(store) });
    await writeScorecard(output, options, io);
    return ExitCode.ok;
  });
}

/** `--tenant` then `--pack`: what the page may show, decided before anything is added up. */
export function narrowInput(
  input: ScorecardInput,
  options: { readonly tenant?: string | undefined; readonly pack: readonly string[] },
  source: string,
): { ok: true; input: ScorecardInput } | { ok: false; problem: Problem } {
  const tenant = options.tenant === undefined ? ({ ok: true, input } as const) : tenantView(input, options.tenant, source);
  if (!tenant.ok) return tenant;
  return selectPacks(tenant.input, options.pack, source);
}

async function loadScorecardInput(
  file: string,
  configFile: string | undefined,
): Promise<{ ok: true; input: ScorecardInput } | { ok: false; problems: readonly Problem[] }> {
  let accounts: ReadonlyMap<string, AccountEntry> | undefined;
  if (configFile !== undefined) {
    const config = await loadConfig(configFile);
    if (!config.ok) return config;
    accounts = new Map((config.value.config.accounts ?? []).map((account) => [account.id, account]));
  }
  const findings = await readFindingsFile(file);
  if (!findings.ok) return findings;
  const { insights } = insightRegistry([]);
  const input = inputFromFindings(findings.output, file, { insights, ...(accounts !== undefined && { accounts }) });
  return input.ok ? input : { ok: false, problems: [input.problem] };
}
