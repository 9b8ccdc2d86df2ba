/**
 * Loads bot files (the shipped `bots/`, the config's `botDirs`, `--bots DIR`), applies the
 * per-bot overrides of `vigil.yaml`, and checks what the schema cannot — resource types, action
 * ids, each action's options against its own schema, the params the steps name, time zones, cron
 * expressions, filters — each problem located in the file that has it (a bot's file, or the
 * config for an override).
 */
import { Type } from '@sinclair/typebox';
import type { LoadedConfig } from '../config/load-config.js';
import { compileCondition, type CompiledCondition } from '../conditions/compile-condition.js';
import type { CompileResult, DefinitionIssue } from '../conditions/definition-issue.js';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';
import type { Loaded, Problem } from '../input/problem.js';
import { readYamlFile, type SourceMap } from '../input/yaml-file.js';
import { isResourceType, type ResourceType } from '../model/resource-types.js';
import { validatorFor } from '../schemas/ajv.js';
import { botAction } from './actions/index.js';
import { AccountSelector, BotFile, type BotOverride, type BotSchedule } from './bot-schema.js';
import { compileFilters, insightsNamed } from './filters/compile-filter.js';
import type { BotStep, LoadedBot } from './loaded-bot.js';
import { cronProblem } from './schedule/cron.js';
import { isTimeZone } from './schedule/time-window.js';

const AccountSelectors = Type.Array(AccountSelector, { minItems: 1 });

export interface BotSources {
  readonly files: readonly string[];
  readonly config?: LoadedConfig | undefined;
  readonly insightIds: ReadonlySet<string>;
  /** Each insight's resource type (`*`: every type): an insight of another type is false for a resource, not unknown. */
  readonly insightTypes?: ReadonlyMap<string, string>;
}

export async function loadBots(sources: BotSources): Promise<Loaded<LoadedBot[]>> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const bots: LoadedBot[] = [];
  const seen = new Map<string, string>();
  const overrides = sources.config?.config.bots ?? {};
  for (const file of sources.files) {
    const read = await readYamlFile(file, BotFile);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    warnings.push(...read.warnings);
    const { value: bot, source } = read.value;
    const earlier = seen.get(bot.id);
    if (earlier !== undefined) {
      problems.push(source.problemAt(['id'], `id: bot '${bot.id}' is also defined in ${earlier}`));
      continue;
    }
    seen.set(bot.id, file);
    const override = overrides[bot.id];
    const loaded = resolveBot(bot, file, source, override, sources);
    if (loaded.ok) bots.push(loaded.value);
    else problems.push(...loaded.problems);
  }
  if (sources.config !== undefined) {
    for (const id of Object.keys(overrides)) {
      if (!seen.has(id))
        problems.push(sources.config.source.problemAt(['bots', id], `bots: no bot with id '${id}' (known: ${[...seen.keys()].join(', ')})`, 'error', true));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: bots, warnings };
}

function resolveBot(bot: BotFile, file: string, source: SourceMap, override: BotOverride | undefined, sources: BotSources): Loaded<LoadedBot> {
  const problems: Problem[] = [];
  const located = (issues: readonly DefinitionIssue[]) => issues.map((issue) => source.problemAt(issue.path, issue.message, 'error', issue.atKey ?? false));
  const configSource = sources.config?.source;
  const inConfig = (path: readonly (string | number)[], message: string) => configSource!.problemAt(['bots', bot.id, ...path], message);

  const botTypes = typeof bot.resourceType === 'string' ? [bot.resourceType] : bot.resourceType;
  const strangers = botTypes.filter((type) => !isResourceType(type));
  if (strangers.length > 0) {
    return { ok: false, problems: [source.problemAt(['resourceType'], `resourceType: unknown resource type ${strangers.map((t) => `'${t}'`).join(', ')}`)] };
  }
  const resourceTypes = botTypes as ResourceType[];
  const filter = compileForEachType(resourceTypes, (resourceType) =>
    compileFilters(bot.filters, ['filters'], {
      resourceType,
      insightIds: sources.insightIds,
      ...(sources.insightTypes && { insightTypes: sources.insightTypes }),
    }),
  );
  if (!filter.ok) problems.push(...located(filter.issues));

  const params = { ...bot.params, ...override?.params };
  const schedule = override?.schedule ?? bot.schedule;
  problems.push(
    ...scheduleProblems(bot.schedule, (path, message) => source.problemAt(['schedule', ...path], `schedule.${message}`)),
    ...(override?.schedule !== undefined ? scheduleProblems(override.schedule, (path, message) => inConfig(['schedule', ...path], `schedule.${message}`)) : []),
  );

  const steps: BotStep[] = [];
  const badParams = new Set<string>();
  bot.actions.forEach((step, index) => {
    const at = ['actions', index];
    const action = botAction(step.action);
    if (action === undefined) {
      problems.push(source.problemAt([...at, 'action'], `actions[${index}].action: no action with id '${step.action}'`));
      return;
    }
    const written = step.when?.resourceType;
    const stepTypes =
      written === undefined ? resourceTypes : resourceTypes.filter((type) => (typeof written === 'string' ? [written] : written).includes(type));
    if (action.resourceType !== '*' && !(stepTypes.length === 1 && stepTypes[0] === action.resourceType)) {
      // A step of a bot over several types may name an action of one of them, limited to it by `when.resourceType`.
      const what = resourceTypes.length === 1 ? `not ${resourceTypes[0]}` : `so the step needs when.resourceType: ${action.resourceType}`;
      problems.push(source.problemAt([...at, 'action'], `actions[${index}].action: '${action.id}' acts on ${action.resourceType}, ${what}`));
      return;
    }
    const options = step.options ?? {};
    const validate = validatorFor(action.options);
    if (!validate(options)) {
      for (const error of fieldErrors(validate.errors ?? [])) {
        const path = [...at, 'options', ...error.path];
        problems.push(source.problemAt(path, `${displayPath(path)}: ${error.message}`, 'error', error.atKey));
      }
      return;
    }
    const when = step.when ?? {};
    if (when.inWindow !== undefined && schedule?.windows === undefined) {
      problems.push(source.problemAt([...at, 'when', 'inWindow'], `actions[${index}].when.inWindow: the bot's schedule has no windows`));
    }
    const selectors = (key: 'accountIn' | 'accountNotIn') => {
      const name = when[key];
      if (name === undefined) return undefined;
      if (!Object.hasOwn(params, name)) {
        problems.push(source.problemAt([...at, 'when', key], `actions[${index}].when.${key}: no param '${name}'`));
        return undefined;
      }
      const value = params[name];
      if (badParams.has(name)) return undefined;
      if (!validatorFor(AccountSelectors)(value)) {
        badParams.add(name);
        const fromConfig = override?.params !== undefined && Object.hasOwn(override.params, name);
        const message = `params.${name}: must be a list of account selectors ({ id, name, environment, tenant, tags })`;
        problems.push(fromConfig ? inConfig(['params', name], message) : source.problemAt(['params', name], message));
        return undefined;
      }
      return value;
    };
    const accountIn = selectors('accountIn');
    const accountNotIn = selectors('accountNotIn');
    const strangerTypes =
      written === undefined ? [] : (typeof written === 'string' ? [written] : written).filter((type) => !resourceTypes.includes(type as ResourceType));
    if (strangerTypes.length > 0) {
      problems.push(
        source.problemAt(
          [...at, 'when', 'resourceType'],
          `actions[${index}].when.resourceType: the bot acts on ${resourceTypes.join(', ')}, not ${strangerTypes.join(', ')}`,
        ),
      );
    }
    let condition: CompiledCondition | undefined;
    if (when.condition !== undefined) {
      const compiled = compileForEachType(stepTypes, (resourceType) => compileCondition(when.condition, [...at, 'when', 'condition'], { resourceType }));
      if (compiled.ok) {
        const byType = compiled.value;
        condition = (resource, env) => byType(resource.type)?.(resource, env) ?? { truth: 'false', because: [] };
      } else problems.push(...located(compiled.issues));
    }
    steps.push({ action, options, when, ...(accountIn && { accountIn }), ...(accountNotIn && { accountNotIn }), ...(condition && { condition }) });
  });

  if (problems.length > 0 || !filter.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      id: bot.id,
      title: bot.title,
      description: bot.description,
      resourceType: resourceTypes[0]!,
      resourceTypes,
      scope: override?.scope ?? bot.scope ?? {},
      filter: (subject) => filter.value(subject.resource.type)?.(subject) ?? 'false',
      insights: insightsNamed(bot.filters),
      steps,
      ...(schedule !== undefined && { schedule }),
      mode: override?.mode ?? bot.mode ?? 'dry-run',
      limits: { ...bot.limits, ...override?.limits },
      params,
      file,
    },
    warnings: [],
  };
}

/** Compiles something once per resource type of the bot; the same issue found for several types is reported once. */
function compileForEachType<T>(
  types: readonly ResourceType[],
  compile: (type: ResourceType) => CompileResult<T>,
): CompileResult<(type: string) => T | undefined> {
  const byType = new Map<string, T>();
  const issues = new Map<string, DefinitionIssue>();
  for (const type of types) {
    const compiled = compile(type);
    if (compiled.ok) byType.set(type, compiled.value);
    else for (const issue of compiled.issues) issues.set(`${JSON.stringify(issue.path)} ${issue.message}`, issue);
  }
  return issues.size > 0 ? { ok: false, issues: [...issues.values()] } : { ok: true, value: (type) => byType.get(type) };
}

function scheduleProblems(schedule: BotSchedule | undefined, at: (path: readonly string[], message: string) => Problem): Problem[] {
  if (schedule === undefined) return [];
  const problems: Problem[] = [];
  if (schedule.timeZone !== undefined && !isTimeZone(schedule.timeZone)) problems.push(at(['timeZone'], `timeZone: unknown time zone '${schedule.timeZone}'`));
  if (schedule.cron !== undefined) {
    const problem = cronProblem(schedule.cron, schedule.timeZone !== undefined && isTimeZone(schedule.timeZone) ? schedule.timeZone : 'UTC');
    if (problem !== undefined) problems.push(at(['cron'], `cron: ${problem}`));
  }
  return problems;
}
