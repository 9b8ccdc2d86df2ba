/**
 * What a collector sees of the world: one account and region, a guarded `send` that refuses
 * undeclared operations and turns AWS failures into values, and the coverage recorder behind
 * `unknownOf` / `unreadable`. A collector never holds a client and never catches an SDK error
 * itself.
 */
import type { Handler } from '@smithy/types';
import type { CollectedConfig, CollectedResource, Tags } from '../../model/resource.js';
import type { ConfigOf, ResourceType } from '../../model/resource-types.js';
import { unknown, type Maybe, type Unknown } from '../../model/unknown.js';
import type { AwsClients } from '../aws/aws-clients.js';
import { describeAwsError, type AwsFailure } from '../aws/aws-error.js';
import { operationOfCommandName } from '../aws/call-stats.js';
import type { OperationDeclaration } from './collector.js';
import { unknownReason, type CoverageRecorder } from './coverage-recorder.js';
import type { ServiceBudgets } from '../aws/limiter.js';
import type { ServiceName } from '../aws/services.js';
import type { SharedReads } from './shared-reads.js';

/** An SDK v3 command whose output is `O` (any client's). */
export interface CommandLike<O extends object> {
  readonly input: object;
  resolveMiddleware(...args: never[]): Handler<never, O>;
}

/** Where a call went. */
export interface CallRef {
  readonly service: ServiceName;
  readonly operation: string;
  readonly region: string;
}

export type Outcome<O> =
  | { readonly ok: true; readonly value: O; readonly call: CallRef }
  | {
      readonly ok: false;
      /** The API's documented "not configured" answer for this operation (NoSuchBucketPolicy ...). */
      readonly notConfigured: boolean;
      /** One of the operation's declared `answers` (DryRunOperationException ...): a value, not a failure. */
      readonly answered?: boolean;
      readonly failure: AwsFailure;
      readonly call: CallRef;
    };

export type Failed = Extract<Outcome<unknown>, { ok: false }>;

/** The resource a failure concerns, for its coverage entry. */
export interface ResourceRef {
  readonly arn?: string;
  readonly type?: ResourceType;
}

/** A programmer error: a collector sent an operation it did not declare, or one not selected for this run. */
export class UndeclaredOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeclaredOperationError';
  }
}

export interface SettingsContext<T extends ResourceType> {
  readonly accountId: string;
  /** The region collected (region scope), or the account's home region for global calls (account scope). */
  readonly region: string;
  readonly partition: string;
  readonly resourceType: T;
  /** ARNs of other accounts' KMS keys this account is contracted to use (the configuration's requiredKeyArns); absent: none. */
  readonly contractedKeyArns?: readonly string[];
  now(): Date;
  /** Whether the declared operation runs in this collection. */
  runs(operation: string, service?: ServiceName): boolean;
  /** Sends a declared, selected command to the region's client within the service budget; AWS failures come back as values. */
  send<O extends object>(command: CommandLike<O>, options?: { readonly region?: string; readonly service?: ServiceName }): Promise<Outcome<O>>;
  /** Records the failure in coverage; the unknown value for the fields the call fills. */
  unknownOf(outcome: Failed, resource?: ResourceRef): Unknown;
  /** Records a response that could be fetched but not read (unparsable policy, unexpected value). */
  unreadable(call: CallRef, code: string, message: string, resource?: ResourceRef): Unknown;
  /** The value of a field whose operation does not run in this collection. */
  notCollected(operation: string, service?: ServiceName): Unknown;
  /**
   * A read several collectors of the account share (IAM's authorization details): made by `load`
   * the first time any of them asks in this account's run, awaited by the others.
   */
  shared<V>(key: string, load: () => Promise<V>): Promise<V>;
}

/** What a collector says of one resource; the context adds the envelope every collected resource shares. */
export interface ResourceParts<T extends ResourceType> {
  readonly arn: string;
  readonly id: string;
  /** Default: the id. */
  readonly name?: string;
  /** Default: the context's region (S3 buckets live in theirs). */
  readonly region?: string;
  readonly tags: Maybe<Tags>;
  /** When AWS created it; null or absent when the answer does not say. */
  readonly createdAt?: string | null;
  readonly config: CollectedConfig<ConfigOf<T>>;
}

export interface CollectContext<T extends ResourceType> extends SettingsContext<T> {
  /** The resource of the collector's type in this account, read from the API now, from its parts. */
  resource(parts: ResourceParts<T>): CollectedResource<T>;
  /** Hands over one collected resource. */
  emit(resource: CollectedResource<T>): void;
}

export interface ContextOptions<T extends ResourceType> {
  readonly collector: {
    readonly resourceType: T;
    readonly service: ServiceName;
    readonly operations: readonly OperationDeclaration<T>[];
  };
  readonly selected: readonly OperationDeclaration<T>[];
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly clients: AwsClients;
  readonly budgets: ServiceBudgets;
  readonly coverage: CoverageRecorder;
  readonly clock: () => Date;
  readonly emit: (resource: CollectedResource<T>) => void;
  /** The account run's shared reads. */
  readonly shared: SharedReads;
  /** Default: none. */
  readonly contractedKeyArns?: readonly string[];
}

function key(service: string, operation: string): string {
  return `${service}:${operation}`;
}

export class CollectionContext<T extends ResourceType> implements CollectContext<T> {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly resourceType: T;
  readonly contractedKeyArns: readonly string[];
  private readonly declared = new Map<string, OperationDeclaration<T>>();
  private readonly selected = new Set<string>();

  constructor(private readonly options: ContextOptions<T>) {
    this.accountId = options.accountId;
    this.region = options.region;
    this.partition = options.partition;
    this.resourceType = options.collector.resourceType;
    this.contractedKeyArns = options.contractedKeyArns ?? [];
    for (const op of options.collector.operations) this.declared.set(key(op.service ?? options.collector.service, op.operation), op);
    for (const op of options.selected) this.selected.add(key(op.service ?? options.collector.service, op.operation));
  }

  now(): Date {
    return this.options.clock();
  }

  runs(operation: string, service: ServiceName = this.options.collector.service): boolean {
    const k = key(service, operation);
    if (!this.declared.has(k)) throw new UndeclaredOperationError(`${this.resourceType} collector asks about ${k}, which it does not declare`);
    return this.selected.has(k);
  }

  async send<O extends object>(command: CommandLike<O>, options: { readonly region?: string; readonly service?: ServiceName } = {}): Promise<Outcome<O>> {
    const service = options.service ?? this.options.collector.service;
    const region = options.region ?? this.region;
    const operation = operationOfCommandName(command.constructor.name);
    const k = key(service, operation);
    const declaration = this.declared.get(k);
    if (declaration === undefined) {
      throw new UndeclaredOperationError(`${this.resourceType} collector sent ${k}, which it does not declare in its operations`);
    }
    if (!this.selected.has(k)) {
      throw new UndeclaredOperationError(`${this.resourceType} collector sent ${k}, which does not run in this collection (check ctx.runs first)`);
    }
    const call: CallRef = { service, operation, region };
    const client = this.options.clients.get(service, this.accountId, region) as unknown as { send(command: unknown): Promise<O> };
    try {
      // The rate token is taken before a slot, so one region's queue never holds another region's slots.
      const rate = this.options.budgets.rateFor(this.accountId, region, service);
      if (rate !== undefined) await rate.take();
      const value = await this.options.budgets.limiterFor(this.accountId, service).run(() => client.send(command));
      return { ok: true, value, call };
    } catch (error) {
      const failure = describeAwsError(error);
      const answered = declaration.answers?.includes(failure.code) === true;
      const notConfigured = declaration.notConfigured?.includes(failure.code) ?? false;
      // The SDK throws documented answers (NoSuchBucketPolicy, DryRunOperationException) like failures; they are not.
      if (answered || notConfigured) this.options.clients.stats.answered(service, operation);
      return { ok: false, notConfigured, ...(answered && { answered }), failure, call };
    }
  }

  unknownOf(outcome: Failed, resource: ResourceRef = {}): Unknown {
    if (outcome.notConfigured) {
      throw new Error(`${outcome.call.service}:${outcome.call.operation} answered ${outcome.failure.code}, a "not configured" answer, not a failure`);
    }
    if (outcome.answered === true) {
      throw new Error(`${outcome.call.service}:${outcome.call.operation} answered ${outcome.failure.code}, a declared answer, not a failure`);
    }
    return this.unreadable(outcome.call, outcome.failure.code, outcome.failure.message, resource);
  }

  unreadable(call: CallRef, code: string, message: string, resource: ResourceRef = {}): Unknown {
    return this.options.coverage.record({
      accountId: this.accountId,
      region: call.region,
      service: call.service,
      operation: call.operation,
      code,
      message,
      resourceType: resource.type ?? this.resourceType,
      ...(resource.arn !== undefined ? { resourceArn: resource.arn } : {}),
    });
  }

  notCollected(operation: string, service: ServiceName = this.options.collector.service): Unknown {
    return unknown(unknownReason('NotCollected', service, operation));
  }

  shared<V>(key: string, load: () => Promise<V>): Promise<V> {
    return this.options.shared.get(`${this.partition}|${this.accountId}|${key}`, load);
  }

  resource(parts: ResourceParts<T>): CollectedResource<T> {
    const resource: CollectedResource<T> = {
      arn: parts.arn,
      type: this.resourceType,
      accountId: this.accountId,
      region: parts.region ?? this.region,
      id: parts.id,
      name: parts.name ?? parts.id,
      tags: parts.tags,
      source: 'api',
      observedAt: this.now().toISOString(),
      config: parts.config,
    };
    if (parts.createdAt !== undefined && parts.createdAt !== null) resource.createdAt = parts.createdAt;
    return resource;
  }

  emit(resource: CollectedResource<T>): void {
    this.options.emit(resource);
  }
}
