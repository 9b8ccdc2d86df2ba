/**
 * The contract of a bot action. An action is declarative: from the resource as just re-read live,
 * `plan` (pure: no I/O, clock from the context) says what it would do — the exact AWS API calls
 * with their parameters, or a record for the store (a message, a task, a marked operation), or
 * that the resource is already in the desired state, or why it refuses. The runtime applies a plan
 * by sending those calls and nothing else, so a plan file is exactly what will happen, and an
 * action is idempotent by construction: the second run plans nothing.
 *
 * An action that must look something up before deciding (the snapshots of a database, who created
 * it in CloudTrail) declares those `reads`: read-only calls the planner sends live, then hands
 * their answers to `plan`, which stays pure. A read that failed is an answer too, and an action
 * refuses rather than guess.
 */
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { AccountEntry } from '../../config/account-entry.js';
import type { Resource } from '../../model/resource.js';
import type { ResourceType } from '../../model/resource-types.js';

/** The AWS services bot actions call (SDK client names). */
export const ActionService = Type.Union([
  Type.Literal('cloudformation'),
  Type.Literal('cloudtrail'),
  Type.Literal('cloudwatch'),
  Type.Literal('ec2'),
  Type.Literal('iam'),
  Type.Literal('kms'),
  Type.Literal('rds'),
  Type.Literal('s3'),
  Type.Literal('s3control'),
  Type.Literal('sagemaker'),
  Type.Literal('sfn'),
]);
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

/**
 * A read-only call an action needs answered before it plans; `perSecond` paces it (CloudTrail
 * LookupEvents: 2 per account and region); `pages` follows its pagination token up to `max` pages.
 */
export interface ReadCall {
  readonly service: ActionService;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly permission: string;
  readonly perSecond?: number;
  readonly pages?: { readonly token: string; readonly max: number };
}

/** The answer to one read: every page read (one without `pages`), and whether more were left; or why there is none. */
export type ReadAnswer =
  | {
      readonly ok: true;
      readonly value: Readonly<Record<string, unknown>>;
      readonly pages: readonly Readonly<Record<string, unknown>>[];
      readonly more: boolean;
    }
  | { readonly ok: false; readonly error: string };

/** Who created a resource, from its CloudTrail create event (`lookup-creator`). */
export interface Creator {
  readonly principal: string | null;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly time: string;
  readonly event: string;
}

/**
 * What an action asks the store to keep: an owner message (to named recipients instead of the
 * owner when `to` is set), a task, an operation for later, or a marked operation now done.
 */
export type StoreRecord =
  | { readonly kind: 'notify'; readonly message: string; readonly to?: string[]; readonly creator?: Creator }
  | { readonly kind: 'task'; readonly message: string; readonly due: string | null }
  | { readonly kind: 'mark-for-op'; readonly op: string; readonly dueAt: string; readonly reason: string }
  | { readonly kind: 'op-done'; readonly op: string };

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
  /** The bot's params, with the user's overrides. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The answers to the action's `reads`, in their order (empty without reads). */
  readonly answers: readonly ReadAnswer[];
}

export type ReadContext<O> = Omit<PlanContext<O>, 'answers'>;

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
  /** Read-only calls to answer before planning (their permissions are in `permissions` too). */
  reads?(resource: Acted<T>, ctx: ReadContext<Static<O>>): readonly ReadCall[];
  plan(resource: Acted<T>, ctx: PlanContext<Static<O>>): StepPlan;
}

/** Any action, as the registry holds it: the runtime checks the type before it plans. */
export type AnyBotAction = BotAction<TObject, ResourceType | '*'>;

export function defineAction<O extends TObject, T extends ResourceType | '*'>(action: BotAction<O, T>): AnyBotAction {
  return action;
}
