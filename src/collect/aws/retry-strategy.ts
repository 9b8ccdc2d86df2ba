/**
 * The retry strategy of every client: the SDK's adaptive retries — long schedules for throttling
 * and AWS's own transient errors — except for a server error the service did not write (a 5xx
 * whose body is not its error document, see aws-error.ts), which is retried at most once. An
 * endpoint that answers an operation with a proxy's HTML page will answer it so ten times over;
 * retrying it with IAM's ten attempts only held the call (and its IAM slot) for seconds.
 *
 * A wrapper around the SDK's strategy rather than a middleware: the retry middleware asks the
 * strategy whether to retry, with the error in hand, so that is where the decision belongs. Each
 * try still passes through the call-counting middleware, so the retry is counted (call-stats.ts).
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { isUnknownServerError } from './aws-error.js';

/** Retries of a call after answers that are not the service's error document. */
export const UNKNOWN_SERVER_ERROR_RETRIES = 1;

export class BoundedRetryStrategy implements RetryStrategyV2 {
  /** Per call (its current token): the answers seen so far that were not the service's error document. */
  private readonly unknownAnswers = new WeakMap<RetryToken, number>();

  constructor(
    private readonly inner: RetryStrategyV2 & { readonly mode?: string },
    private readonly unknownServerErrorRetries: number = UNKNOWN_SERVER_ERROR_RETRIES,
  ) {}

  /** The inner strategy's mode (`adaptive`), as the SDK's own strategies report it. */
  get mode(): string | undefined {
    return this.inner.mode;
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(retryTokenScope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
    const seen = this.unknownAnswers.get(token) ?? 0;
    const unknown = errorInfo.errorType !== 'THROTTLING' && isUnknownServerError(errorInfo.error);
    // Refused like the SDK refuses: its retry middleware then throws the call's own error.
    if (unknown && seen >= this.unknownServerErrorRetries) throw new Error("No retry token available: the answer is not the service's error document");
    const next = await this.inner.refreshRetryTokenForRetry(token, errorInfo);
    const count = seen + (unknown ? 1 : 0);
    if (count > 0) this.unknownAnswers.set(next, count);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token);
  }
}
