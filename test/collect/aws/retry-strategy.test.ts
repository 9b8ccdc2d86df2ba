import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryErrorType, RetryToken } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { BoundedRetryStrategy } from '../../../src/collect/aws/retry-strategy.js';

/** The SDK's standard strategy without back-off, under the bound. */
function strategy(maxAttempts: number): BoundedRetryStrategy {
  return new BoundedRetryStrategy(new StandardRetryStrategy({ maxAttempts, backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => undefined } }));
}

const page = { name: 'Unknown', $fault: 'server', $metadata: { httpStatusCode: 500 } };
const unparsable = Object.assign(new SyntaxError("Unexpected token '<'"), { $metadata: { httpStatusCode: 502 } });
const awsOwn = { name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } };
const throttled = { name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400 } };

const info = (error: object, errorType: RetryErrorType): RetryErrorInfo => ({ error: error as NonNullable<RetryErrorInfo['error']>, errorType });

/** How many tries a call gets when every try fails with the next of `failures` (the last repeats). */
async function tries(bounded: BoundedRetryStrategy, failures: readonly RetryErrorInfo[]): Promise<number> {
  let token: RetryToken = await bounded.acquireInitialRetryToken('');
  for (let attempt = 1; ; attempt++) {
    const failure = failures[Math.min(attempt - 1, failures.length - 1)]!;
    try {
      token = await bounded.refreshRetryTokenForRetry(token, failure);
    } catch {
      return attempt;
    }
  }
}

describe('BoundedRetryStrategy', () => {
  it('retries a 5xx that is not the service error document once', async () => {
    expect(await tries(strategy(10), [info(page, 'TRANSIENT')])).toBe(2);
    expect(await tries(strategy(10), [info(unparsable, 'TRANSIENT')])).toBe(2);
  });

  it("keeps the inner schedule for AWS's own transient errors and for throttling", async () => {
    expect(await tries(strategy(10), [info(awsOwn, 'TRANSIENT')])).toBe(10);
    expect(await tries(strategy(6), [info(throttled, 'THROTTLING')])).toBe(6);
  });

  it('counts the unknown answers of one call across other retries: a page after throttles still gets one retry', async () => {
    const bounded = strategy(10);
    expect(await tries(bounded, [info(throttled, 'THROTTLING'), info(throttled, 'THROTTLING'), info(throttled, 'THROTTLING'), info(page, 'TRANSIENT')])).toBe(
      5,
    );
    expect(await tries(bounded, [info(page, 'TRANSIENT'), info(awsOwn, 'TRANSIENT'), info(page, 'TRANSIENT')])).toBe(3);
  });

  it('a 5xx classified as throttling by the SDK (a 503 SlowDown document) is not bounded', async () => {
    expect(await tries(strategy(4), [info({ ...page, $metadata: { httpStatusCode: 503 } }, 'THROTTLING')])).toBe(4);
  });

  it('each call has its own count', async () => {
    const bounded = strategy(10);
    expect(await tries(bounded, [info(page, 'TRANSIENT')])).toBe(2);
    expect(await tries(bounded, [info(page, 'TRANSIENT')])).toBe(2);
  });

  it('reports the mode of the strategy it wraps', () => {
    expect(strategy(3).mode).toBe('standard');
  });
});
