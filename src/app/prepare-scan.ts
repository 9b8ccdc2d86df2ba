/**
 * Everything a scan needs, loaded and cross-checked before anything is evaluated: configuration,
 * insights (built-in and custom), packs, exemptions, the plan. Every problem in every input is
 * collected, so a user fixes them all in one round.
 */
import type { AccountEntry } from '../config/account-entry.js';
import type { ScanSettings } from '../engine/context.js';
import type { Insight } from '../engine/define-insight.js';
import { InMemoryInventory } from '../engine/inventory.js';
import { buildScanPlan, type ScanPlan } from '../engine/scan-plan.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { ExemptionIndex, type CompiledExemption } from '../exemptions/exemption-matcher.js';
import { loadExemptions } from '../exemptions/load-exemptions.js';
import type { Problem } from '../input/problem.js';
import { yamlFilesIn } from '../input/yaml-files.js';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';
import { resolveParams } from '../schemas/resolve-params.js';
import { loadPackFiles, resolvePacks, type ResolvedPack } from '../packs/load-packs.js';
import { shippedPackFiles, shippedPackIds } from '../packs/shipped-packs.js';
import { insightRegistry } from './insight-registry.js';
import { loadCustomInsights } from './load-custom-insights.js';

export interface ScanInputs {
  readonly configFile?: string;
  /** `--pack`: ids to run; default: the config's `packs`, else every shipped pack. */
  readonly packIds?: readonly string[];
  /** Extra pack files (e.g. `vigil validate my-pack.yaml`). */
  readonly packFiles?: readonly string[];
  readonly insightIds?: readonly string[];
  readonly insightDirs?: readonly string[];
  readonly exemptionsFile?: string;
  readonly now: Date;
}

export interface PreparedScan {
  readonly config: LoadedConfig | undefined;
  readonly insights: ReadonlyMap<string, Insight>;
  readonly packs: readonly ResolvedPack[];
  readonly selectedPacks: readonly ResolvedPack[];
  readonly exemptions: readonly CompiledExemption[];
  readonly exemptionIndex: ExemptionIndex;
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  readonly settings: ScanSettings;
  readonly plan: ScanPlan;
  readonly inventory: InMemoryInventory;
  readonly warnings: readonly Problem[];
}

export type Prepared = { ok: true; value: PreparedScan } | { ok: false; problems: readonly Problem[]; usage: readonly string[] };

export async function prepareScan(inputs: ScanInputs): Promise<Prepared> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const usage: string[] = [];

  let config: LoadedConfig | undefined;
  if (inputs.configFile !== undefined) {
    const loaded = await loadConfig(inputs.configFile);
    if (loaded.ok) {
      config = loaded.value;
      warnings.push(...loaded.warnings);
    } else problems.push(...loaded.problems);
  }

  const insightDirs = [...(config?.config.insightDirs ?? []).map((dir) => config!.resolvePath(dir)), ...(inputs.insightDirs ?? [])];
  const custom = await loadCustomInsights(insightDirs);
  if (!custom.ok) problems.push(...custom.problems);
  const registry = insightRegistry(custom.ok ? custom.value : []);
  problems.push(...registry.problems);
  if (config !== undefined) problems.push(...checkConfigParams(config, registry.insights));

  const packDirFiles: string[] = [];
  for (const dir of (config?.config.packDirs ?? []).map((d) => config!.resolvePath(d))) {
    try {
      packDirFiles.push(...(await yamlFilesIn(dir)));
    } catch (error) {
      usage.push(`cannot read pack folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  const packSources = await loadPackFiles([...shippedPackFiles(), ...packDirFiles, ...(inputs.packFiles ?? [])]);
  let packs: ResolvedPack[] = [];
  if (!packSources.ok) problems.push(...packSources.problems);
  else {
    const resolved = resolvePacks(packSources.value, registry.insights);
    if (resolved.ok) packs = resolved.value;
    else problems.push(...resolved.problems);
  }

  const wanted = inputs.packIds && inputs.packIds.length > 0 ? inputs.packIds : (config?.config.packs ?? [...shippedPackIds]);
  const selectedPacks: ResolvedPack[] = [];
  for (const id of wanted) {
    const pack = packs.find((p) => p.id === id);
    if (pack !== undefined) selectedPacks.push(pack);
    else if (packs.length > 0 || packSources.ok) usage.push(`unknown pack '${id}' (known: ${packs.map((p) => p.id).join(', ')})`);
  }

  let exemptions: CompiledExemption[] = [];
  const exemptionsFile = inputs.exemptionsFile ?? (config?.config.exemptions !== undefined ? config.resolvePath(config.config.exemptions) : undefined);
  if (exemptionsFile !== undefined) {
    const loaded = await loadExemptions(exemptionsFile, new Set(registry.insights.keys()), inputs.now, config?.config.exemptionMaxDays);
    if (loaded.ok) {
      exemptions = loaded.value;
      warnings.push(...loaded.warnings);
    } else problems.push(...loaded.problems);
  }

  if (problems.length > 0 || usage.length > 0) return { ok: false, problems: [...problems, ...warnings], usage };

  const settings: ScanSettings = {
    allowedRegions: config?.config.regions?.allowed ?? [],
    requiredTags: config?.config.requiredTags ?? {},
  };
  const accounts = new Map((config?.config.accounts ?? []).map((account) => [account.id, account]));
  const inventory = new InMemoryInventory();
  const planned = buildScanPlan({
    insights: registry.insights,
    packs: selectedPacks,
    ...(inputs.insightIds !== undefined && { insightFilter: inputs.insightIds }),
    ...(config?.config.params !== undefined && { configParams: config.config.params }),
    accounts: config?.config.accounts ?? [],
    settings,
    now: inputs.now,
    inventory,
  });
  if (!planned.ok) return { ok: false, problems: warnings, usage: planned.errors };
  inventory.keep(planned.plan.lookupTypes);
  return {
    ok: true,
    value: {
      config,
      insights: registry.insights,
      packs,
      selectedPacks,
      exemptions,
      exemptionIndex: new ExemptionIndex(exemptions, inputs.now),
      accounts,
      settings,
      plan: planned.plan,
      inventory,
      warnings,
    },
  };
}

/** Parameter overrides in the config (global and per account) name real insights with valid values. */
function checkConfigParams(loaded: LoadedConfig, insights: ReadonlyMap<string, Insight>): Problem[] {
  const problems: Problem[] = [];
  const check = (at: (string | number)[], overrides: Record<string, Record<string, unknown>> | undefined) => {
    for (const [insightId, values] of Object.entries(overrides ?? {})) {
      const insight = insights.get(insightId);
      if (insight === undefined) {
        problems.push(loaded.source.problemAt([...at, insightId], `${displayPath([...at, insightId])}: unknown insight '${insightId}'`, 'error', true));
        continue;
      }
      const resolved = resolveParams(insight, values);
      if (resolved.ok) continue;
      for (const error of fieldErrors(resolved.errors)) {
        const path = [...at, insightId, ...error.path];
        problems.push(loaded.source.problemAt(path, `${displayPath(path)}: ${error.message}`, 'error', error.atKey));
      }
    }
  };
  check(['params'], loaded.config.params);
  (loaded.config.accounts ?? []).forEach((account, index) => check(['accounts', index, 'params'], account.params));
  return problems;
}
