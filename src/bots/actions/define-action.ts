/**
 * The contract of a bot action. An action is declarative: from the resource as just re-read live,
 * `plan` (pure: no I/O, clock from the context) says what it would do — the exact AWS API calls
 * with their parameters, or a record for the store (a message, a task, a marked operation), or
 * that the resource is already in the desired state, or why it refuses. The runtime applies a plan
 * by sending those calls and nothing else, so a plan file is exactly what will happen, and an
 * action is idempotent by construction: the second run plans nothing.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { AccountEntry } from '../../config/account-entry.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';

/** The AWS services bot actions call (SDK client names). */
export const ActionService = Type.Union([Type.Literal('iam'), Type.Literal('kms'), Type.Literal('rds'), Type.Literal('s3'), Type.Literal('s3control')]);
export type ActionService = Static<typeof ActionService>;

/** One AWS API call, as the SDK command's name and input. */
export interface ApiCall {
  readonly service: ActionService;
  /** The SDK command without `Command`: `EnableKeyRotation`. */
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** The IAM action the call needs: `kms:EnableKeyRotation`. */
  readonly permission: string;
  /** After the call, wait until this holds before the next call (a final snapshot being available). */
  readonly waitUntil?: { readonly operation: string; readonly input: Readonly<Record<string, unknown>>; readonly path: string; readonly equals: string };
}

/** What an action asks the store to keep: an owner message, a task, an operation for later. */
export type StoreRecord =
  | { readonly kind: 'notify'; readonly message: string }
  | { readonly kind: 'task'; readonly message: string; readonly due: string | null }
  | { readonly kind: 'mark-for-op'; readonly op: string; readonly dueAt: string; readonly reason: string };

export type StepPlan =
  | { readonly kind: 'change'; readonly summary: string; readonly calls: readonly ApiCall[]; readonly records?: readonly StoreRecord[] }
  | { readonly kind: 'record'; readonly summary: string; readonly records: readonly StoreRecord[] }
  | { readonly kind: 'in-desired-state'; readonly summary: string }
  | { readonly kind: 'refused'; readonly summary: string };

export interface PlanContext<O> {
  readonly options: O;
  readonly now: Date;
  readonly account: AccountEntry;
  readonly bot: string;
}

type Acted<T extends ResourceType | '*'> = T extends ResourceType ? Resource<T> : Resource;

export interface BotAction<O extends TObject = TObject, T extends ResourceType | '*' = ResourceType | '*'> {
  readonly id: string;
  readonly title: string;
  /** The type it acts on; `*` for the actions of every type (tag, notify, mark-for-op). */
  readonly resourceType: T;
  readonly options: O;
  /** Every IAM action its calls need (a test holds the calls to this list). */
  readonly permissions: readonly string[];
  /** Whether data could be lost: the runtime snapshots first where the action says how, and caps it like any other. */
  readonly destructive: boolean;
  /** Only store records, never an AWS call. */
  readonly recordsOnly?: boolean;
  plan(resource: Acted<T>, ctx: PlanContext<Static<O>>): StepPlan;
}

/** Any action, as the registry holds it: the runtime checks the type before it plans. */
export type AnyBotAction = BotAction<TObject, ResourceType | '*'>;

export function defineAction<O extends TObject, T extends ResourceType | '*'>(action: BotAction<O, T>): AnyBotAction {
  return action;
}
