/** Loads `vigil.yaml` and checks what the schema cannot: duplicate accounts, resource types. */
import { dirname, resolve } from 'node:path';
import { readYamlFile, type SourceMap } from '../input/yaml-file.js';
import type { Loaded, Problem } from '../input/problem.js';
import { isResourceType } from '../model/resource-types.js';
import { VigilConfig } from './config-schema.js';
import { cronProblem } from '../bots/schedule/cron.js';

export interface LoadedConfig {
  readonly config: VigilConfig;
  readonly file: string;
  readonly source: SourceMap;
  /** Resolves a path written in the config relative to the config file. */
  resolvePath(path: string): string;
}

export async function loadConfig(file: string): Promise<Loaded<LoadedConfig>> {
  const loaded = await readYamlFile(file, VigilConfig);
  if (!loaded.ok) return loaded;
  const { value: config, source } = loaded.value;
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const reportZone = config.report?.daily?.timeZone;
  if (reportZone !== undefined && !isTimeZone(reportZone)) {
    problems.push(source.problemAt(['report', 'daily', 'timeZone'], `report.daily.timeZone: unknown time zone '${reportZone}'`));
  }
  for (const [name, schedule] of Object.entries(config.schedules ?? {})) {
    const zone = schedule.timeZone ?? 'UTC';
    if (schedule.timeZone !== undefined && !isTimeZone(schedule.timeZone)) {
      problems.push(source.problemAt(['schedules', name, 'timeZone'], `schedules.${name}.timeZone: unknown time zone '${schedule.timeZone}'`));
    } else {
      const problem = cronProblem(schedule.cron, zone);
      if (problem !== undefined) problems.push(source.problemAt(['schedules', name, 'cron'], `schedules.${name}.cron: ${problem}`));
    }
  }
  (config.accounts ?? []).forEach((account, index) => {
    const first = seen.get(account.id);
    if (first !== undefined) {
      problems.push(source.problemAt(['accounts', index, 'id'], `accounts[${index}].id: account ${account.id} is already listed at accounts[${first}]`));
    } else seen.set(account.id, index);
    if (account.timeZone !== undefined && !isTimeZone(account.timeZone)) {
      problems.push(source.problemAt(['accounts', index, 'timeZone'], `accounts[${index}].timeZone: unknown time zone '${account.timeZone}'`));
    }
  });
  for (const type of Object.keys(config.requiredTags ?? {})) {
    if (type !== '*' && !isResourceType(type)) {
      problems.push(source.problemAt(['requiredTags', type], `requiredTags: unknown resource type '${type}'`, 'error', true));
    }
  }
  if (config.store?.sqlite !== undefined && config.store.postgres !== undefined) {
    problems.push(source.problemAt(['store', 'postgres'], 'store: give sqlite or postgres, not both', 'error', true));
  }
  if (problems.length > 0) return { ok: false, problems };
  const base = dirname(resolve(file));
  return { ok: true, value: { config, file, source, resolvePath: (path) => resolve(base, path) }, warnings: loaded.warnings };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
