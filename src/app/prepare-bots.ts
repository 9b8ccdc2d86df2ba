/** Loads the bots a command runs: shipped, the config's `botDirs`, `--bots DIR`, with the config's overrides and the scan's insights. */
import { loadBots } from '../bots/load-bots.js';
import type { LoadedBot } from '../bots/loaded-bot.js';
import { shippedBotFiles } from '../bots/shipped-bots.js';
import type { Problem } from '../input/problem.js';
import { yamlFilesIn } from '../input/yaml-files.js';
import { prepareScan, type PreparedScan } from './prepare-scan.js';

export interface BotInputs {
  readonly configFile?: string | undefined;
  readonly botDirs: readonly string[];
  readonly insightDirs: readonly string[];
  readonly now: Date;
}

export type PreparedBots =
  { ok: true; bots: LoadedBot[]; scan: PreparedScan; warnings: readonly Problem[] } | { ok: false; problems: readonly Problem[]; usage: readonly string[] };

export async function prepareBots(inputs: BotInputs): Promise<PreparedBots> {
  const prepared = await prepareScan({
    ...(inputs.configFile !== undefined && { configFile: inputs.configFile }),
    insightDirs: [...inputs.insightDirs],
    now: inputs.now,
  });
  if (!prepared.ok) return { ok: false, problems: prepared.problems, usage: prepared.usage };
  const { config } = prepared.value;
  const dirs = [...(config?.config.botDirs ?? []).map((dir) => config!.resolvePath(dir)), ...inputs.botDirs];
  const files: string[] = [...shippedBotFiles()];
  const usage: string[] = [];
  for (const dir of dirs) {
    try {
      files.push(...(await yamlFilesIn(dir)));
    } catch (error) {
      usage.push(`cannot read bot folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (usage.length > 0) return { ok: false, problems: [], usage };
  const { insights } = prepared.value;
  const insightTypes = new Map([...insights].map(([id, insight]) => [id, insight.resourceType as string]));
  const loaded = await loadBots({ files, config, insightIds: new Set(insights.keys()), insightTypes });
  if (!loaded.ok) return { ok: false, problems: loaded.problems, usage: [] };
  return { ok: true, bots: loaded.value, scan: prepared.value, warnings: loaded.warnings };
}
