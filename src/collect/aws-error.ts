/**
 * The error code and message of a failed AWS call, however it failed: a modelled or unmodelled
 * service exception (`name` is the code: AccessDenied, NoSuchBucketPolicy, ThrottlingException),
 * a credentials failure, a network error (`code`: ECONNREFUSED, ENOTFOUND) or a time-out.
 */

export interface AwsFailure {
  readonly code: string;
  readonly message: string;
  /** HTTP status when the service answered. */
  readonly status?: number;
}

const MAX_MESSAGE = 500;

export function describeAwsError(error: unknown): AwsFailure {
  if (typeof error !== 'object' || error === null) return { code: 'Error', message: String(error) };
  const e = error as { name?: unknown; code?: unknown; Code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const name = typeof e.name === 'string' && e.name !== '' && e.name !== 'Error' ? e.name : undefined;
  const code =
    (typeof e.Code === 'string' && e.Code !== '' ? e.Code : undefined) ??
    name ??
    (typeof e.code === 'string' && e.code !== '' ? e.code : undefined) ??
    'Error';
  const raw = typeof e.message === 'string' && e.message !== '' ? e.message : code;
  const message = raw.length > MAX_MESSAGE ? `${raw.slice(0, MAX_MESSAGE)}…` : raw;
  const status = e.$metadata?.httpStatusCode;
  return typeof status === 'number' ? { code, message, status } : { code, message };
}
