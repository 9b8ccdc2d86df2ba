/** A bot ready to run: its file's content with the user's overrides applied, filters compiled, actions resolved. */
import type { CompiledCondition } from '../conditions/compile-condition.js';
import type { ResourceType } from '../model/resource-types.js';
import type { AnyBotAction } from './actions/define-action.js';
import type { AccountSelector, BotLimits, BotMode, BotSchedule, BotScope, StepWhen } from './bot-schema.js';
import type { CompiledFilter } from './filters/compile-filter.js';

export interface BotStep {
  readonly action: AnyBotAction;
  readonly options: Readonly<Record<string, unknown>>;
  readonly when: StepWhen;
  /** `when.accountIn` / `accountNotIn` resolved from the params. */
  readonly accountIn?: readonly AccountSelector[];
  readonly accountNotIn?: readonly AccountSelector[];
  /** `when.condition`, compiled. */
  readonly condition?: CompiledCondition;
}

export interface LoadedBot {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The first of `resourceTypes` (most bots act on one type). */
  readonly resourceType: ResourceType;
  readonly resourceTypes: readonly ResourceType[];
  readonly scope: BotScope;
  readonly filter: CompiledFilter;
  /** The insights the filters name. */
  readonly insights: readonly string[];
  readonly steps: readonly BotStep[];
  readonly schedule?: BotSchedule;
  readonly mode: BotMode;
  readonly limits: BotLimits;
  readonly params: Readonly<Record<string, unknown>>;
  readonly file: string;
}
