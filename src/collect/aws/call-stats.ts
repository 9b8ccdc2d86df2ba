/**
 * API call accounting: a middleware on every client's stack counts calls (once per `send()`),
 * attempts (once per try, inside the SDK's retry loop), throttles and final failures, per service
 * and operation. The scan header and the summary report them; the benchmark checks them.
 */
import { isThrottlingError } from '@smithy/core/retry';
import type {
  AbsoluteLocation,
  FinalizeRequestHandlerOptions,
  FinalizeRequestMiddleware,
  InitializeHandlerOptions,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
  RelativeMiddlewareOptions,
} from '@smithy/types';

export interface CallCounts {
  /** `send()` calls. */
  calls: number;
  /** Tries, first ones included. */
  attempts: number;
  /**
   * Tries after the first of the same call. Counted per call, not as attempts − calls: a call that
   * fails before its first try (endpoint resolution, serialisation) has no attempt at all.
   */
  retries: number;
  /** Tries answered with a throttling error (429, ThrottlingException, SlowDown ...). */
  throttles: number;
  /** Calls that failed after every retry, documented answers ("not configured", dry runs) not counted. */
  failures: number;
}

export type CallSummary = CallCounts;

function zero(): CallCounts {
  return { calls: 0, attempts: 0, retries: 0, throttles: 0, failures: 0 };
}

function summarise(counts: CallCounts): CallSummary {
  return { ...counts };
}

function addInto(sum: CallCounts, counts: CallCounts): void {
  sum.calls += counts.calls;
  sum.attempts += counts.attempts;
  sum.retries += counts.retries;
  sum.throttles += counts.throttles;
  sum.failures += counts.failures;
}

export class CallStats {
  private readonly counts = new Map<string, { service: string; operation: string; counts: CallCounts }>();

  private entry(service: string, operation: string): CallCounts {
    const key = `${service}:${operation}`;
    let entry = this.counts.get(key);
    if (entry === undefined) {
      entry = { service, operation, counts: zero() };
      this.counts.set(key, entry);
    }
    return entry.counts;
  }

  call(service: string, operation: string): void {
    this.entry(service, operation).calls++;
  }

  attempt(service: string, operation: string, throttled: boolean): void {
    const counts = this.entry(service, operation);
    counts.attempts++;
    if (throttled) counts.throttles++;
  }

  /** A call ended after `tries` tries (0 when it failed before the first). */
  ended(service: string, operation: string, tries: number): void {
    if (tries > 1) this.entry(service, operation).retries += tries - 1;
  }

  /**
   * A call the SDK ended with an error that the API documents as an answer ("not configured",
   * a dry run's verdict): counted as answered, not failed.
   */
  answered(service: string, operation: string): void {
    const counts = this.entry(service, operation);
    if (counts.failures > 0) counts.failures--;
  }

  failure(service: string, operation: string): void {
    this.entry(service, operation).failures++;
  }

  /** Per operation, keyed `service:Operation`, sorted. */
  byOperation(): Record<string, CallSummary> {
    const out: Record<string, CallSummary> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = summarise(this.counts.get(key)!.counts);
    return out;
  }

  /** Per service, sorted. */
  byService(): Record<string, CallSummary> {
    const sums = new Map<string, CallCounts>();
    for (const { service, counts } of this.counts.values()) {
      const sum = sums.get(service) ?? zero();
      addInto(sum, counts);
      sums.set(service, sum);
    }
    const out: Record<string, CallSummary> = {};
    for (const service of [...sums.keys()].sort()) out[service] = summarise(sums.get(service)!);
    return out;
  }

  total(): CallSummary {
    const sum = zero();
    for (const { counts } of this.counts.values()) addInto(sum, counts);
    return summarise(sum);
  }
}

/** `GetBucketPolicyCommand` → `GetBucketPolicy`. */
export function operationOfCommandName(commandName: string | undefined): string {
  if (commandName === undefined || commandName === '') return 'unknown';
  return commandName.endsWith('Command') ? commandName.slice(0, -'Command'.length) : commandName;
}

const callCounterOptions: InitializeHandlerOptions & AbsoluteLocation = {
  step: 'initialize',
  priority: 'high',
  name: 'vigilCallCounter',
  override: true,
};

const attemptCounterOptions: RelativeMiddlewareOptions = {
  relation: 'after',
  toMiddleware: 'retryMiddleware',
  name: 'vigilAttemptCounter',
  override: true,
};

/** Fallback when a client has no retry middleware (not the case for SDK v3 clients). */
const attemptCounterFallback: FinalizeRequestHandlerOptions & AbsoluteLocation = {
  step: 'finalizeRequest',
  priority: 'low',
  name: 'vigilAttemptCounter',
  override: true,
};

const TRIES = Symbol('vigil.tries');

/** The plugin that counts `service`'s calls into `stats`; `client.middlewareStack.use(...)` it. */
export function callStatsPlugin(service: string, stats: CallStats): Pluggable<object, MetadataBearer> {
  const callCounter: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const operation = operationOfCommandName(context.commandName);
    stats.call(service, operation);
    // The context is this call's own, shared by its middleware: the attempt counter counts its tries there.
    const tries = { count: 0 };
    (context as Record<symbol, unknown>)[TRIES] = tries;
    try {
      return await next(args);
    } catch (error) {
      stats.failure(service, operation);
      throw error;
    } finally {
      stats.ended(service, operation, tries.count);
    }
  };
  // Inside the retry loop: once per try.
  const attemptCounter: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const operation = operationOfCommandName(context.commandName);
    const tries = (context as Record<symbol, unknown>)[TRIES] as { count: number } | undefined;
    if (tries !== undefined) tries.count++;
    try {
      const result = await next(args);
      stats.attempt(service, operation, false);
      return result;
    } catch (error) {
      stats.attempt(service, operation, isThrottlingError(error as Parameters<typeof isThrottlingError>[0]));
      throw error;
    }
  };
  return {
    applyToStack(stack) {
      stack.add(callCounter, callCounterOptions);
      const hasRetry = stack.identify().some((entry) => entry.startsWith('retryMiddleware'));
      if (hasRetry) stack.addRelativeTo(attemptCounter, attemptCounterOptions);
      else stack.add(attemptCounter, attemptCounterFallback);
    },
  };
}
